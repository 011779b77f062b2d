"""A benchmark figure and the markdown table every part of `make bench` prints its figures in."""

from dataclasses import dataclass


@dataclass
class Figure:
    figure: str
    measured: str
    target: str
    passed: bool


def table(rows: list[Figure]) -> str:
    lines = ["| figure | measured | target | result |", "| --- | --- | --- | --- |"]
    lines += [f"| {row.figure} | {row.measured} | {row.target} | {'pass' if row.passed else 'FAIL'} |" for row in rows]
    return "\n".join(lines)
