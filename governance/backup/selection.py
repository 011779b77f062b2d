"""The rows of one partnership, model by model, as scope.py describes them: a queryset per
model, ordered by primary key."""

from django.db.models import Q
from django.utils.translation import gettext as _

from governance.backup.scope import foreign_keys, scope

# Lists of keys go into `IN (...)` in pieces this size, within every database's limit.
CHUNK = 500


class BackupError(Exception):
    """A row of the partnership points at a row of another partnership: the data is wrong, and
    a backup of it would not restore."""


def select(partnership) -> dict:
    """{model: queryset} for every model in the backup, records then history."""
    return select_with_authors(partnership)[0]


def select_with_authors(partnership) -> tuple:
    """select()'s {model: queryset}, and the keys of the users who are in it only because they
    made a change in the history (an administrator who corrected a record): not the
    partnership's people, so export writes them without a password they could sign in with."""
    from django.contrib.auth import get_user_model

    user = get_user_model()
    s = scope()
    people_of_records = _gather(partnership)[1][user]
    current, keys = _gather(partnership, history_of_users=people_of_records)
    _check_nothing_points_outside(current)
    ordered = [*s.records, *s.histories]
    authors_only = frozenset(keys[user] - people_of_records)
    return {model: current[model].order_by("pk") for model in ordered}, authors_only


def _gather(partnership, *, history_of_users=None) -> tuple:
    """({model: queryset}, {people or follower model: keys}) of the partnership: its records
    only, or with their history when given the users whose own history comes too."""
    s = scope()
    chosen = {model: model._default_manager.filter(**{lookup: partnership.pk}) for model, lookup in s.owned.items()}
    keys = {model: set() for model in [*s.people, *s.followers]}

    # People come in as the chosen rows point at them, and bring their followers, which may
    # point at more people: go round until nothing is added. History rows point at people too
    # (who made each change), so with the history they are part of the round.
    while True:
        for model, fks in s.followers.items():
            wanted = Q()
            for name in fks:
                for chunk in _chunks(keys[model._meta.get_field(name).related_model]):
                    wanted |= Q(**{f"{name}__in": chunk})
            keys[model] = set(model._default_manager.filter(wanted).values_list("pk", flat=True)) if wanted else set()
        current = {**chosen, **{m: _by_keys(m, keys[m]) for m in keys}}
        if history_of_users is not None:
            current.update(_history(current, partnership, history_of_users))
        added = False
        for model, queryset in current.items():
            for target, values in _pointed_at(model, queryset):
                if target in s.people and not values <= keys[target]:
                    keys[target] |= values
                    added = True
        if not added:
            return current, keys


def _history(current: dict, partnership, users: set) -> dict:
    from django.contrib.auth import get_user_model

    s = scope()
    found = {}
    for historical, original in s.history.items():
        if original is get_user_model():
            # The partnership's people's logins; an author's own account history (made an
            # administrator, say) is the installation's.
            wanted = Q(id__in=_by_keys(original, users).values("pk"))
        else:
            wanted = Q(id__in=current[original].values("pk"))
        lookup = s.owned.get(original)
        if lookup and lookup != "pk":
            # A row deleted since is still the partnership's history: found through its parents.
            wanted |= Q(**{lookup: partnership.pk})
        found[historical] = historical._default_manager.filter(wanted)
    for historical, parent in s.m2m_history.items():
        found[historical] = historical._default_manager.filter(history__in=found[parent].values("pk"))
    return found


def _by_keys(model, keys: set):
    wanted = Q(pk__in=[])
    for chunk in _chunks(keys):
        wanted |= Q(pk__in=chunk)
    return model._default_manager.filter(wanted)


def _pointed_at(model, queryset):
    """(target model, the set of keys the rows point at) for each relation of the model."""
    for fk in foreign_keys(model):
        values = set(queryset.exclude(**{f"{fk.attname}__isnull": True}).values_list(fk.attname, flat=True))
        yield fk.related_model, values
    for m2m in model._meta.many_to_many:
        values = set(queryset.exclude(**{f"{m2m.name}__isnull": True}).values_list(m2m.name, flat=True))
        yield m2m.related_model, values


def _check_nothing_points_outside(current: dict) -> None:
    s = scope()
    for model in s.owned:
        for target, values in _pointed_at(model, current[model]):
            if target not in s.owned:
                continue
            inside = set(current[target].values_list("pk", flat=True))
            outside = sorted(values - inside)
            if outside:
                raise BackupError(
                    _("%(model)s rows point at %(target)s %(keys)s, which belong to another partnership.")
                    % {"model": model._meta.verbose_name, "target": target._meta.verbose_name, "keys": outside[:5]}
                )


def _chunks(values):
    values = sorted(values)
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]
