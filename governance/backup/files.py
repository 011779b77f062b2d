"""The files the records name (a paper's PDF, a pack, a report), read and written through each
field's storage, the installation's default storage (so a bucket works as a folder does)."""

from django.db import models


def file_fields(model) -> list:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def named_files(model, queryset):
    """(storage, name) of every file the rows name, each once."""
    for field in file_fields(model):
        for name in queryset.exclude(**{field.attname: ""}).values_list(field.attname, flat=True).distinct():
            if name:
                yield field.storage, name


def names_in_records(objects_by_model: dict) -> dict:
    """{file name: its storage} for the files that deserialized records name, which are the
    only files a restore writes."""
    names = {}
    for model, objects in objects_by_model.items():
        for field in file_fields(model):
            for obj in objects:
                if getattr(obj, field.attname):
                    names[getattr(obj, field.attname)] = field.storage
    return names
