"""Backup and restore of one partnership: its records in the four apps, their history and their
files, as one zip that restores into an installation without that partnership (docs/backup.md).

scope.py decides which models are in a backup and how their rows are found, selection.py finds
the rows of one partnership, archive.py is the zip's format, export.py writes one and
restore.py reads one back."""
