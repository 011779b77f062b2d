"""The public's ways into what partnerships publish: search, the Atom feed, and email
subscriptions (confirmed by a link, one-click unsubscribe)."""

from django.urls import path

from .views import publications, subscriptions

app_name = "publications"
urlpatterns = [
    path("search/", publications.search_all, name="search-all"),
    path("p/<slug:slug>/search/", publications.search, name="search"),
    path("p/<slug:slug>/feed.atom", publications.feed, name="feed"),
    path("p/<slug:slug>/subscribe/", subscriptions.subscribe, name="subscribe"),
    path("subscriptions/<str:token>/confirm/", subscriptions.confirm, name="confirm"),
    path("subscriptions/<str:token>/unsubscribe/", subscriptions.unsubscribe, name="unsubscribe"),
]
