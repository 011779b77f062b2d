# The fingerprint that tells a changed publication, and on PostgreSQL a GIN index on the same
# weighted search vector the public search uses (governance/publications/search.py). The index
# is made only on PostgreSQL: SQLite has no full-text vector and searches without it.

from django.db import migrations, models

INDEX_NAME = "publication_search"


def search_index():
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    vector = SearchVector("title", weight="A", config="english") + SearchVector("text", weight="B", config="english")
    return GinIndex(vector, name=INDEX_NAME)


def add_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("governance", "Publication"), search_index())


def remove_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("governance", "Publication"), search_index())


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0005_subscriptions"),
    ]

    operations = [
        migrations.AddField(
            model_name="publication",
            name="fingerprint",
            field=models.CharField(
                blank=True,
                editable=False,
                help_text="A hash of what it was made from, to tell a change.",
                max_length=64,
            ),
        ),
        migrations.RunPython(add_search_index, remove_search_index),
    ]
