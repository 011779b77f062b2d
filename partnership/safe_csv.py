"""CSV that a spreadsheet opens as data, never as formulas (OWASP's CSV injection advice): a cell
that begins with = + - @ (or a tab or carriage return) is written with an apostrophe first."""

import csv

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


class SafeWriter:
    """csv.writer's writerow, with every cell made safe first."""

    def __init__(self, stream):
        self._writer = csv.writer(stream)

    def writerow(self, row) -> None:
        self._writer.writerow([safe_cell(value) for value in row])
