"""Decisions taken in writing between meetings, under /partnerships/. notifications.py reverses
"writing:respond" (slug and the proposal's pk) for the link in the members' email."""

from django.urls import path

from .views_writing import proposals, respond

app_name = "writing"
urlpatterns = [
    path("<slug:slug>/decisions-in-writing/", proposals.proposals, name="list"),
    path("<slug:slug>/decisions-in-writing/new/", proposals.open_proposal, name="open"),
    path("<slug:slug>/decisions-in-writing/<int:pk>/", proposals.proposal, name="proposal"),
    path("<slug:slug>/decisions-in-writing/<int:pk>/respond/", respond.respond, name="respond"),
    path("<slug:slug>/decisions-in-writing/<int:pk>/close/", proposals.close, name="close"),
    path("<slug:slug>/decisions-in-writing/<int:pk>/withdraw/", proposals.withdraw, name="withdraw"),
]
