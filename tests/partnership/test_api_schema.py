"""The OpenAPI schema at /api/v1/schema/ describes the register and generates cleanly."""

import json

from django.core.management import call_command
from rest_framework.test import APIClient

REGISTER_PATHS = ("partnerships", "nominating-bodies", "members", "offices")


def test_schema_lists_the_register_endpoints(db):
    response = APIClient().get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    paths = json.loads(response.content)["paths"]
    for name in REGISTER_PATHS:
        assert f"/api/v1/{name}/" in paths
        assert set(paths[f"/api/v1/{name}/{{id}}/"]) == {"get", "put", "patch"}
    assert [p["name"] for p in paths["/api/v1/offices/"]["get"]["parameters"]] == ["page", "partnership", "role"]


def test_schema_generates_without_warnings(db, tmp_path):
    """What `manage.py spectacular --validate --fail-on-warn` checks in CI."""
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))
    assert (tmp_path / "schema.yml").read_text().startswith("openapi: 3")
