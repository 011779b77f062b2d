"""The quarterly performance report to the Public Service Board (ToR 6.1): the quarter it
covers, what it says, its chart, its PDF, and its making in the background."""
