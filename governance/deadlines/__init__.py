"""The deadline engine: each module finds the notices one rule of the terms of reference calls
for; `sweep.py` runs them all in one transaction and records what must be sent."""
