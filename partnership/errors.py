"""The one error a service raises when a rule of the terms of reference is broken."""


class RuleBroken(Exception):  # noqa: N818 - it names what happened, in the partnership's words
    """A rule stopped the change. `message` is written for a secretariat officer to read;
    `field` names the form or API field it is about, when there is one."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
