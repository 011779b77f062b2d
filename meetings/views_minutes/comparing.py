"""Two texts of the minutes compared line by line (difflib), with the words changed within a
line picked out, so the versions page can mark what was added and removed in words, not by
colour alone."""

import difflib
import re
from dataclasses import dataclass

SAME, ADDED, REMOVED, CHANGED = "same", "added", "removed", "changed"
# Words, single marks of punctuation and runs of spaces: "plan." against "plan at length."
# changes by " at length", and joined again the tokens give back the line exactly.
TOKENS = re.compile(r"\w+|[^\w\s]|\s+")


@dataclass(frozen=True)
class Segment:
    kind: str  # same, added or removed
    text: str


@dataclass(frozen=True)
class DiffLine:
    kind: str  # same, added, removed, or changed (a line rewritten: its segments say how)
    segments: tuple[Segment, ...]


def _words_changed(before: str, after: str) -> tuple[Segment, ...]:
    old, new = TOKENS.findall(before), TOKENS.findall(after)
    segments = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            segments.append(Segment(SAME, "".join(old[i1:i2])))
            continue
        if i2 > i1:
            segments.append(Segment(REMOVED, "".join(old[i1:i2])))
        if j2 > j1:
            segments.append(Segment(ADDED, "".join(new[j1:j2])))
    return tuple(segments)


def _similar(before: str, after: str) -> bool:
    """Worth showing as one rewritten line rather than one removed and one added."""
    return difflib.SequenceMatcher(a=before.split(), b=after.split(), autojunk=False).ratio() >= 0.5


def compare(before: str, after: str) -> list[DiffLine]:
    old, new = before.splitlines(), after.splitlines()
    lines: list[DiffLine] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            lines.extend(DiffLine(SAME, (Segment(SAME, line),)) for line in old[i1:i2])
            continue
        removed, added = old[i1:i2], new[j1:j2]
        paired = min(len(removed), len(added)) if op == "replace" else 0
        for was, now in zip(removed[:paired], added[:paired], strict=True):
            if _similar(was, now):
                lines.append(DiffLine(CHANGED, _words_changed(was, now)))
            else:
                lines.append(DiffLine(REMOVED, (Segment(REMOVED, was),)))
                lines.append(DiffLine(ADDED, (Segment(ADDED, now),)))
        lines.extend(DiffLine(REMOVED, (Segment(REMOVED, line),)) for line in removed[paired:])
        lines.extend(DiffLine(ADDED, (Segment(ADDED, line),)) for line in added[paired:])
    return lines


def counts(lines: list[DiffLine]) -> dict[str, int]:
    """How many lines were added, removed and rewritten, for the summary above the comparison."""
    return {kind: sum(1 for line in lines if line.kind == kind) for kind in (ADDED, REMOVED, CHANGED)}
