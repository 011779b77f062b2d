"""Pages for decisions taken in writing between meetings: the partnership's proposals, the
chair's opening, closing and withdrawing of one, and a member's response."""
