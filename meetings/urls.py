from django.urls import path

from . import views_submissions
from .views import agenda_items, meeting_forms, meeting_page, meetings_list

app_name = "meetings"
urlpatterns = [
    path("<slug:slug>/meetings/", meetings_list.meetings, name="list"),
    path("<slug:slug>/meetings/new/", meeting_forms.schedule, name="meeting-add"),
    path("<slug:slug>/meetings/<int:pk>/", meeting_page.meeting, name="meeting"),
    path("<slug:slug>/meetings/<int:pk>/change/", meeting_forms.change, name="meeting-edit"),
    path("<slug:slug>/meetings/<int:pk>/agree/", meeting_page.agree, name="agenda-agree"),
    path("<slug:slug>/meetings/<int:pk>/circulate/", meeting_page.circulate, name="agenda-circulate"),
    path("<slug:slug>/meetings/<int:pk>/items/new/", agenda_items.add_item, name="item-add"),
    path("<slug:slug>/meetings/<int:pk>/items/<int:item_pk>/", agenda_items.change_item, name="item-edit"),
    path("<slug:slug>/meetings/<int:pk>/items/<int:item_pk>/move/", agenda_items.move_item, name="item-move"),
    path("<slug:slug>/meetings/<int:pk>/items/<int:item_pk>/remove/", agenda_items.remove_item, name="item-remove"),
    path("<slug:slug>/meetings/<int:pk>/items/<int:item_pk>/accept/", agenda_items.accept_item, name="item-accept"),
    path("<slug:slug>/meetings/<int:pk>/submit/", views_submissions.submit, name="paper-submit"),
    path(
        "<slug:slug>/meetings/<int:pk>/submissions/<int:submission_pk>/accept/",
        views_submissions.accept,
        name="submission-accept",
    ),
    path(
        "<slug:slug>/meetings/<int:pk>/submissions/<int:submission_pk>/return/",
        views_submissions.return_paper,
        name="submission-return",
    ),
]
