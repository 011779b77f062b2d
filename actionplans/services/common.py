"""Checks the plan services share."""

from partnership.errors import RuleBroken


def check_fields(given, allowed: tuple[str, ...], what: str) -> None:
    """A caller passing a field the service does not know is a programming slip, not a user's."""
    unknown = set(given) - set(allowed)
    if unknown:
        raise TypeError(f"unknown {what} fields: {sorted(unknown)}")


def required_text(value: str | None, *, field: str, message: str) -> str:
    text = (value or "").strip()
    if not text:
        raise RuleBroken(message, field=field)
    return text
