"""A meeting's minutes, under /partnerships/: the page, drafting, the workflow's buttons,
versions, history and the PDF. The public summary's PDF is in urls_public.py."""

from django.urls import path

from .views_minutes import confirming, editing, history, page, pdf, versions

app_name = "minutes"
urlpatterns = [
    path("<slug:slug>/meetings/<int:pk>/minutes/", page.minutes, name="minutes"),
    path("<slug:slug>/meetings/<int:pk>/minutes/start/", page.start, name="start"),
    path("<slug:slug>/meetings/<int:pk>/minutes/items/<int:item_pk>/", editing.write, name="write"),
    path("<slug:slug>/meetings/<int:pk>/minutes/approve/", page.approve, name="approve"),
    path("<slug:slug>/meetings/<int:pk>/minutes/return/", page.return_to_draft, name="return"),
    path("<slug:slug>/meetings/<int:pk>/minutes/circulate/", page.circulate, name="circulate"),
    path("<slug:slug>/meetings/<int:pk>/minutes/confirm/", confirming.confirm, name="confirm"),
    path("<slug:slug>/meetings/<int:pk>/minutes/versions/", versions.versions, name="versions"),
    path("<slug:slug>/meetings/<int:pk>/minutes/versions/<int:number>/", versions.version, name="version"),
    path("<slug:slug>/meetings/<int:pk>/minutes/history/", history.history, name="history"),
    path("<slug:slug>/meetings/<int:pk>/minutes/pdf/", pdf.minutes_pdf, name="pdf"),
]
