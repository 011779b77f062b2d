-- Two roles for one installation (docs/deploying.md, "Two database roles"):
--   governance_owner owns the tables and runs `manage.py migrate`;
--   governance_app is what the web hosts and the Celery workers connect as.
-- Create both roles first (CREATE ROLE ... LOGIN PASSWORD ...), run the first `migrate` as
-- governance_owner, then run this once as governance_owner or a superuser:
--   psql -v ON_ERROR_STOP=1 -d governance -f docs/postgres-roles.sql
-- Later migrations need nothing more: the default privileges below cover the tables they add.
-- tests/partnership/security/test_postgres_roles.py runs this file as it is.

GRANT USAGE ON SCHEMA public TO governance_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO governance_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO governance_app;
ALTER DEFAULT PRIVILEGES FOR ROLE governance_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO governance_app;
ALTER DEFAULT PRIVILEGES FOR ROLE governance_owner IN SCHEMA public
    GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO governance_app;

-- The audit log is written and read by the application, never changed, deleted or emptied.
-- (The trigger of migration partnership 0012 refuses UPDATE and DELETE from anyone; this also
-- keeps TRUNCATE, which no trigger sees, from the application.)
REVOKE UPDATE, DELETE, TRUNCATE ON partnership_auditevent FROM governance_app;

-- Only the owner migrates: the application's role reads which migrations ran, and records none.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON django_migrations FROM governance_app;
