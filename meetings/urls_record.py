"""The meeting's record: attendance and others attending, declarations of interest, decisions;
under /partnerships/."""

from django.urls import path

from .views_record import attendance, decisions, declarations

MEETING = "<slug:slug>/meetings/<int:pk>/"

app_name = "record"
urlpatterns = [
    path(f"{MEETING}attendance/", attendance.attendance, name="attendance"),
    path(f"{MEETING}attendance/others/new/", attendance.add_other, name="other-add"),
    path(f"{MEETING}attendance/others/<int:other_pk>/remove/", attendance.remove_other, name="other-remove"),
    path(f"{MEETING}declarations/", declarations.declarations, name="declarations"),
    path(f"{MEETING}declarations/new/", declarations.add_declaration, name="declaration-add"),
    path(f"{MEETING}declarations/mine/", declarations.declare_own, name="declare-own"),
    path(
        f"{MEETING}declarations/<int:declaration_pk>/agree/",
        declarations.agree_participation,
        name="declaration-agree",
    ),
    path(f"{MEETING}declarations/<int:declaration_pk>/withdraw/", declarations.withdraw, name="declaration-withdraw"),
    path(f"{MEETING}decisions/", decisions.decisions, name="decisions"),
    path(f"{MEETING}items/<int:item_pk>/decisions/new/", decisions.add_decision, name="decision-add"),
    path(f"{MEETING}decisions/<int:decision_pk>/correct/", decisions.correct_decision, name="decision-correct"),
]
