"""The partnership's decision log: the page, and the same rows as a CSV download."""
