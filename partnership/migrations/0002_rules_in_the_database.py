"""The rules that span rows, held by the database itself as well as by partnership.services,
so nothing that bypasses the services (a script, the shell, a bug) can break them:

- a nominating body never has more active members than seats, nor fewer seats than members;
- one chair and one vice chair at a time;
- chair and vice chair in office on the same day never from the same nominating body;
- a seat, an office and a body stay within one partnership.

Written as triggers for SQLite and PostgreSQL, the two databases the product runs on."""

from django.db import migrations

MEMBER_SEATS_FULL = """
    (SELECT count(*) FROM partnership_member m
      WHERE m.nominating_body_id = NEW.nominating_body_id AND m.active AND m.id <> NEW.id)
    >= (SELECT b.seats FROM partnership_nominatingbody b WHERE b.id = NEW.nominating_body_id)
"""
BODY_SEATS_SHORT = """
    NEW.seats < (SELECT count(*) FROM partnership_member m WHERE m.nominating_body_id = NEW.id AND m.active)
"""
OFFICE_OVERLAPS = """
    EXISTS (SELECT 1 FROM partnership_office o
             WHERE o.partnership_id = NEW.partnership_id AND o.role = NEW.role AND o.id <> NEW.id
               AND o.starts_on <= NEW.ends_on AND o.ends_on >= NEW.starts_on)
"""
MEMBER_OTHER_PARTNERSHIP = """
    NEW.partnership_id <> (SELECT b.partnership_id FROM partnership_nominatingbody b WHERE b.id = NEW.nominating_body_id)
"""
OFFICE_OTHER_PARTNERSHIP = """
    NEW.partnership_id <> (SELECT m.partnership_id FROM partnership_member m WHERE m.id = NEW.member_id)
"""
OFFICE_SAME_BODY = """
    EXISTS (SELECT 1 FROM partnership_office o JOIN partnership_member m ON m.id = o.member_id
             WHERE o.partnership_id = NEW.partnership_id AND o.role <> NEW.role AND o.id <> NEW.id
               AND o.starts_on <= NEW.ends_on AND o.ends_on >= NEW.starts_on
               AND m.nominating_body_id =
                   (SELECT n.nominating_body_id FROM partnership_member n WHERE n.id = NEW.member_id))
"""

CHECKS = [
    # (trigger name, table, events, condition, message)
    (
        "partnership_member_seats",
        "partnership_member",
        ("INSERT", "UPDATE"),
        f"NEW.active AND {MEMBER_SEATS_FULL}",
        "the nominating body has no free seat",
    ),
    (
        "partnership_body_seats",
        "partnership_nominatingbody",
        ("UPDATE",),
        BODY_SEATS_SHORT,
        "a nominating body needs a seat for each active member",
    ),
    (
        "partnership_office_one_at_a_time",
        "partnership_office",
        ("INSERT", "UPDATE"),
        OFFICE_OVERLAPS,
        "one chair and one vice chair at a time",
    ),
    (
        "partnership_member_one_partnership",
        "partnership_member",
        ("INSERT", "UPDATE"),
        MEMBER_OTHER_PARTNERSHIP,
        "a member sits on the partnership of their nominating body",
    ),
    (
        "partnership_office_one_partnership",
        "partnership_office",
        ("INSERT", "UPDATE"),
        OFFICE_OTHER_PARTNERSHIP,
        "an office is held on the partnership of its member",
    ),
    (
        "partnership_body_stays",
        "partnership_nominatingbody",
        ("UPDATE",),
        "NEW.partnership_id <> OLD.partnership_id",
        "a nominating body stays with its partnership",
    ),
    (
        "partnership_office_bodies_apart",
        "partnership_office",
        ("INSERT", "UPDATE"),
        OFFICE_SAME_BODY,
        "chair and vice chair never from the same nominating body",
    ),
]


def _sqlite(name, table, events, condition, message):
    for event in events:
        yield (
            f"CREATE TRIGGER {name}_{event.lower()} BEFORE {event} ON {table} "
            f"FOR EACH ROW WHEN {condition} BEGIN SELECT RAISE(ABORT, '{message}'); END;"
        )


def _postgresql(name, table, events, condition, message):
    yield (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF {condition} THEN RAISE EXCEPTION '{message}' USING ERRCODE = 'check_violation'; END IF; "
        f"RETURN NEW; END $$;"
    )
    yield f"CREATE TRIGGER {name} BEFORE {' OR '.join(events)} ON {table} FOR EACH ROW EXECUTE FUNCTION {name}();"


def _drop(vendor, name, table, events):
    if vendor == "sqlite":
        return [f"DROP TRIGGER IF EXISTS {name}_{event.lower()};" for event in events]
    return [f"DROP TRIGGER IF EXISTS {name} ON {table};", f"DROP FUNCTION IF EXISTS {name}();"]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    build = {"sqlite": _sqlite, "postgresql": _postgresql}.get(vendor)
    if build is None:
        raise RuntimeError(f"The register's rules have no triggers for {vendor}; use SQLite or PostgreSQL.")
    for check in CHECKS:
        for statement in build(*check):
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    for name, table, events, _condition, _message in CHECKS:
        for statement in _drop(schema_editor.connection.vendor, name, table, events):
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("partnership", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
