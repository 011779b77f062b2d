"""Text fit for the index: without the control characters a PDF or a pasted description may
carry. They mean nothing to a reader, PostgreSQL refuses NUL in text, and search.py marks
matches with \\x02 and \\x03, so none may be stored or searched for. Tabs and line ends stay."""

import re

CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def without_control_characters(text: str) -> str:
    return CONTROL_CHARACTERS.sub("", text or "")
