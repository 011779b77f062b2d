"""The meeting's record pages: attendance and others attending, declarations of interest, and
decisions, one module per page group. Each calls the services in meetings/services/record.py
and fetches through meetings/access.py; none applies a rule of its own."""
