"""On PostgreSQL the database itself refuses to change or delete a row of the audit log, whatever
the code or a person at a SQL prompt tries. Deleting an account touches none of its rows (the
link to the user has no constraint and DO_NOTHING).

TRUNCATE is left alone, so a test database can still be emptied between tests. Other databases
rely on the model's refusal (models_audit.py)."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION partnership_auditevent_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION USING
        MESSAGE = 'The audit log cannot be changed or deleted from (' || TG_OP || ' refused)',
        ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER partnership_auditevent_append_only
    BEFORE UPDATE OR DELETE ON partnership_auditevent
    FOR EACH ROW EXECUTE FUNCTION partnership_auditevent_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS partnership_auditevent_append_only ON partnership_auditevent;
DROP FUNCTION IF EXISTS partnership_auditevent_append_only();
"""


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("partnership", "0011_user_sessions"),
    ]

    operations = [
        migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP)),
    ]
