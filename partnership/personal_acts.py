"""Permissions that only the person holding a role may use: the chair agreeing an agenda or
approving minutes, say. Django waves superusers through every permission; these it must not,
or a site administrator could act as a partnership's chair. Apps add theirs with
`personal_act` in their rules.py."""

import rules

PERSONAL_ACTS: set[str] = set()


def personal_act(name: str, predicate) -> None:
    rules.add_perm(name, predicate)
    PERSONAL_ACTS.add(name)
