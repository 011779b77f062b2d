"""A list kept ready-made for its caller (partnership/page_cache.py): the same JSON for the same
caller, address and day while no record has changed, which is most of the time for the other
systems that poll it. Keyed by the caller, so each sees only the rows their own permissions
gave them when the list was drawn; who may see what is itself a record, so a change to it
draws the list afresh."""

from partnership import page_cache


class KeptListMixin:
    def list(self, request, *args, **kwargs):
        if request.accepted_renderer.format != "json":  # the browsable API draws forms for one session
            return super().list(request, *args, **kwargs)
        list_key = page_cache.reader_key("api-list", request, request.accepted_media_type, request.build_absolute_uri())
        version, stored = page_cache.look_up(list_key)
        if stored is not None:
            return page_cache.response_from(stored)
        response = super().list(request, *args, **kwargs)
        if version is not None:
            response.add_post_render_callback(
                lambda rendered: (
                    page_cache.keep(list_key, version, rendered, request.user) if rendered.status_code == 200 else None
                )
            )
        return response
