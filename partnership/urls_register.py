from django.urls import path

from .views import (
    register,
    register_bodies,
    register_closure_days,
    register_history,
    register_members,
    register_offices,
    register_partnership,
    register_substitutes,
    register_terms,
    register_withdrawal,
)

app_name = "partnership"
urlpatterns = [
    path("", register.my_partnerships, name="mine"),
    path("new/", register_partnership.create_partnership, name="partnership-create"),
    path("<slug:slug>/", register.register, name="register"),
    path("<slug:slug>/details/", register_partnership.edit_partnership, name="partnership-edit"),
    path("<slug:slug>/history/", register_history.history, name="history"),
    path("<slug:slug>/terms/new/", register_terms.add_terms, name="terms-add"),
    path("<slug:slug>/terms/<int:pk>/", register_terms.edit_terms, name="terms-edit"),
    path("<slug:slug>/bodies/new/", register_bodies.add_body, name="body-add"),
    path("<slug:slug>/bodies/<int:pk>/", register_bodies.edit_body, name="body-edit"),
    path("<slug:slug>/bodies/<int:pk>/withdrawal/", register_withdrawal.give_withdrawal_notice, name="withdrawal-add"),
    path("<slug:slug>/members/new/", register_members.add_member, name="member-add"),
    path("<slug:slug>/members/<int:pk>/", register_members.edit_member, name="member-edit"),
    path("<slug:slug>/members/<int:pk>/substitutes/new/", register_substitutes.add_substitute, name="substitute-add"),
    path("<slug:slug>/substitutes/<int:pk>/", register_substitutes.edit_substitute, name="substitute-edit"),
    path("<slug:slug>/offices/new/", register_offices.appoint, name="office-add"),
    path("<slug:slug>/offices/<int:pk>/", register_offices.change_term, name="office-edit"),
    path("<slug:slug>/closure-days/", register_closure_days.closure_days, name="closure-days"),
]
