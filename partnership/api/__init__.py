"""The register's JSON API (v1): partnerships, nominating bodies, members and offices.

`base` holds what every viewset shares (who is asking, what they may see and do, filtering by
query parameters); `serializers` the shapes in API.md; `views` the viewsets, which change
nothing except through partnership.services."""
