"""(Being written.)"""

from collections.abc import Iterator

from .context import SweepContext


def find(ctx: SweepContext) -> Iterator:
    yield from ()
