"""Which models a partnership's backup holds, found by walking the foreign keys rather than
listed, so that a model added later with a path to Partnership is backed up without an edit
here. A model of the four apps that the walk does not reach must be named in LEFT_OUT, with
why; a test fails otherwise (tests/governance/backup/test_scope.py).

Four kinds of model are backed up:
- owned: a foreign key leads to Partnership, directly or through a parent (a paper's item's
  meeting's partnership); its rows are those of the partnership;
- people: a model the owned rows point at that has no path of its own (Person, User): only
  the rows pointed at are taken, so a person who also sits on another partnership comes, and
  that partnership's seats do not;
- followers: a model that belongs to a person or user and to no partnership (their register of
  interests, their calendar feed): the rows of the people taken;
- history: django-simple-history's Historical* rows of all of the above.
"""

from dataclasses import dataclass, field
from functools import cache

from django.apps import apps
from django.db import models
from simple_history.models import HistoricalChanges

APPS = ("partnership", "actionplans", "meetings", "governance")

# Models that a partnership's backup leaves out on purpose: those of the four apps the walk
# would otherwise reach, and the credentials that point at a user.
LEFT_OUT = {
    # The installation's security log (sign-ins, refusals, exports): it records what happened on
    # this installation, is append-only, and is kept where it was written.
    "partnership.AuditEvent": "the installation's audit log",
    # Who is signed in where: it goes with the session store (left out too), and a restored
    # installation starts with everybody signed out.
    "partnership.UserSession": "signed-in sessions",
    # Credentials stay with the installation that issued them: a backup is a file that travels,
    # and a two-factor secret or a live API token in it would let whoever reads it sign in or
    # call the API as that person. After a restore people set up two-factor again and ask for
    # a new token. (Nothing outside the four apps is ever backed up; these two, which point at
    # a user, are named so that nobody adds them back as "the user's rows".)
    "otp_totp.TOTPDevice": "two-factor devices and their secrets",
    "authtoken.Token": "API tokens",
}


@dataclass(frozen=True)
class Scope:
    owned: dict = field(default_factory=dict)  # model -> lookup from it to Partnership ("meeting__partnership")
    people: tuple = ()
    followers: dict = field(default_factory=dict)  # model -> its foreign keys to people models
    history: dict = field(default_factory=dict)  # historical model -> the model it records
    m2m_history: dict = field(default_factory=dict)  # historical m2m model -> the historical model it belongs to

    @property
    def records(self) -> list:
        """Every model whose rows are records (not history), in the order to load them."""
        return dependency_order([*self.owned, *self.people, *self.followers])

    @property
    def histories(self) -> list:
        return dependency_order([*self.history, *self.m2m_history])


def app_models() -> list:
    models_ = []
    for label in APPS:
        models_.extend(apps.get_app_config(label).get_models())
    return models_


def is_history(model) -> bool:
    return issubclass(model, HistoricalChanges)


def foreign_keys(model) -> list:
    """Concrete many-to-one and one-to-one fields, the ones whose value is another row's key."""
    return [f for f in model._meta.concrete_fields if f.is_relation and (f.many_to_one or f.one_to_one)]


def related_models(model) -> set:
    targets = {f.related_model for f in foreign_keys(model)}
    targets |= {f.related_model for f in model._meta.many_to_many}
    return targets


@cache
def scope() -> Scope:
    from partnership.models import Partnership

    candidates = [m for m in app_models() if not is_history(m) and m._meta.label not in LEFT_OUT]
    owned = _paths_to(Partnership, candidates)

    people: set = set()
    followers: dict = {}
    # People are what the backed-up rows point at; followers are rows that point at people. Each
    # can bring the other (a follower points at a user), so go round until nothing is added.
    changed = True
    while changed:
        changed = False
        pointing = [*owned, *people, *followers]
        for model in pointing:
            for target in related_models(model):
                if target in candidates and target not in owned and target not in people:
                    people.add(target)
                    followers.pop(target, None)
                    changed = True
        for model in candidates:
            if model in owned or model in people or model in followers:
                continue
            keys = [f.name for f in foreign_keys(model) if f.related_model in people]
            if keys:
                followers[model] = tuple(keys)
                changed = True

    recorded = {*owned, *people, *followers}
    history = {}
    m2m_history = {}
    for model in app_models():
        if not is_history(model):
            continue
        original = model.instance_type
        if original._meta.label in LEFT_OUT:  # its history goes where it goes
            continue
        if original in recorded:
            history[model] = original
        elif original._meta.auto_created:  # the history of a many-to-many field (a decision's voters)
            parent = model._meta.get_field("history").related_model
            m2m_history[model] = parent
    m2m_history = {m: parent for m, parent in m2m_history.items() if parent in history}
    return Scope(owned=owned, people=tuple(people), followers=followers, history=history, m2m_history=m2m_history)


def _paths_to(root, candidates) -> dict:
    """Each candidate that a chain of foreign keys leads from to `root`, with that chain as a
    lookup ("agenda_item__meeting__partnership"): a chain of required keys before one with an
    optional key in it (so that every row is found), then the shortest."""
    best = {root: (False, 0, "pk")}  # model -> (chain has an optional key, length, lookup)
    changed = True
    while changed:
        changed = False
        for model in candidates:
            if model is root:
                continue
            for fk in foreign_keys(model):
                if fk.related_model not in best:
                    continue
                optional, length, lookup = best[fk.related_model]
                option = (optional or fk.null, length + 1, fk.name if lookup == "pk" else f"{fk.name}__{lookup}")
                if model not in best or option < best[model]:
                    best[model] = option
                    changed = True
    return {model: lookup for model, (_optional, _length, lookup) in best.items()}


def dependency_order(models_: list) -> list:
    """The models in an order where each comes after the ones its foreign keys point at (ties
    and cycles broken by name), so that the archive reads in the order it loads."""
    remaining = {m: {t for t in related_models(m) if t in models_ and t is not m} for m in models_}
    ordered = []
    while remaining:
        ready = sorted((m for m, needs in remaining.items() if not needs), key=lambda m: m._meta.label_lower)
        if not ready:  # a cycle: take the first by name; the database checks the keys at the end
            ready = [min(remaining, key=lambda m: m._meta.label_lower)]
        for model in ready:
            ordered.append(model)
            del remaining[model]
        for needs in remaining.values():
            needs.difference_update(ready)
    return ordered


def is_backed_up(model: models.Model) -> bool:
    s = scope()
    return any(model in group for group in (s.owned, s.people, s.followers, s.history, s.m2m_history))
