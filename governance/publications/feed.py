"""A partnership's Atom feed: the 50 newest things it has published, each linking to its place
on the public site."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from partnership.access import public_partnership_or_404

from ..models_publications import Publication

FEED_LENGTH = 50


class PublicationsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, slug):
        return public_partnership_or_404(slug)

    def title(self, partnership):
        return _("%(name)s: what is published") % {"name": partnership.name}

    def subtitle(self, partnership):
        return _("Agendas, papers, minutes and decisions published by %(name)s.") % {"name": partnership.name}

    def link(self, partnership):
        return reverse("publications:search", kwargs={"slug": partnership.slug})

    def feed_url(self, partnership):
        return reverse("publications:feed", kwargs={"slug": partnership.slug})

    def items(self, partnership):
        return Publication.objects.filter(partnership=partnership).only(
            "pk", "key", "title", "summary", "path", "published_at", "updated_at"
        )[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.path

    def item_guid(self, item):
        # Two papers of one item share a link, so the id is the row's key, which never changes.
        return f"urn:x-publication:{item.key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at
