"""Celery tasks of the action plans: thin, taking primary keys, safe to run again."""
