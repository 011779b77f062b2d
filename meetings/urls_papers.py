"""Papers, their files and the agenda pack, under /partnerships/."""

from django.urls import path

from . import views_papers
from .pack import views as pack_views

app_name = "papers"
urlpatterns = [
    path(
        "<slug:slug>/meetings/<int:meeting_pk>/items/<int:item_pk>/papers/new/",
        views_papers.add_paper,
        name="paper-add",
    ),
    path("<slug:slug>/papers/<int:pk>/", views_papers.paper, name="paper"),
    path("<slug:slug>/papers/<int:pk>/edit/", views_papers.edit_paper, name="paper-edit"),
    path("<slug:slug>/papers/<int:pk>/remove/", views_papers.remove_paper, name="paper-remove"),
    path("<slug:slug>/papers/<int:pk>/files/new/", views_papers.add_file, name="file-add"),
    path("<slug:slug>/paper-files/<int:pk>/download/", views_papers.download, name="file-download"),
    path("<slug:slug>/paper-files/<int:pk>/remove/", views_papers.remove_file, name="file-remove"),
    path("<slug:slug>/meetings/<int:pk>/pack/", pack_views.pack, name="pack"),
]
