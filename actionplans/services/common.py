"""Checks the plan services share."""


def check_fields(given, allowed: tuple[str, ...], what: str) -> None:
    """A caller passing a field the service does not know is a programming slip, not a user's."""
    unknown = set(given) - set(allowed)
    if unknown:
        raise TypeError(f"unknown {what} fields: {sorted(unknown)}")
