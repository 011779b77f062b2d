"""The few newest notifications on the person's home page, with links to governance's pages by
URL name (the pages that gather from several apps live there)."""

from django import template

from ..notifications.selectors import recent_notifications

register = template.Library()


@register.inclusion_tag("partnership/_recent_notifications.html", takes_context=True)
def recent_notifications_of(context):
    """The signed-in user's three newest notifications and the link to the rest: one query."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return {"notifications": None}
    return {"notifications": recent_notifications(request.user)}
