"""How the deadline sweep grows with the data: scripts/bench/sweep.py, kept under its old name.

    .venv/bin/python scripts/bench_sweep.py [N] [--runs 5] [--postgres]

`make bench` has the same figures in var/bench-report.md (scripts/bench/run.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.bench.sweep import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
