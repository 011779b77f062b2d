"""`make bench`: the pages and API measured against a minimal view, and their queries at two volumes."""
