from django.urls import path

from .views import breaches, compliance, conduct, notifications, portal, registers

app_name = "governance"
urlpatterns = [
    path("home/", portal.home, name="home"),
    path("account/codes/", conduct.acknowledge, name="acknowledge"),
    path("codes/register/<slug:slug>/", conduct.acknowledgement_register, name="acknowledgements"),
    path("codes/<int:pk>/", conduct.conduct_document, name="conduct-document"),
    path("partnerships/<slug:slug>/compliance/", compliance.dashboard, name="compliance"),
    path("partnerships/<slug:slug>/compliance/statement/", compliance.statement, name="compliance-statement"),
    # Standing registers and breaches of the Code of Conduct (issue 6).
    path("account/interests/", registers.my_interests, name="my-interests"),
    path("account/interests/new/", registers.add_interest, name="my-interest-add"),
    path("account/interests/confirm/", registers.confirm_interests, name="my-interests-confirm"),
    path("account/interests/<int:pk>/end/", registers.end_interest, name="my-interest-end"),
    path("account/gifts/", registers.my_gifts, name="my-gifts"),
    path("account/gifts/new/", registers.add_gift, name="my-gift-add"),
    path("partnerships/<slug:slug>/registers/interests/", registers.interests_register, name="interests-register"),
    path("partnerships/<slug:slug>/registers/gifts/", registers.gifts_register, name="gifts-register"),
    path("partnerships/<slug:slug>/breaches/", breaches.breaches, name="breaches"),
    path("partnerships/<slug:slug>/breaches/new/", breaches.add_breach, name="breach-add"),
    path("partnerships/<slug:slug>/breaches/<int:pk>/", breaches.breach, name="breach"),
    path(
        "partnerships/<slug:slug>/breaches/<int:pk>/withdrawal/",
        breaches.require_withdrawal,
        name="breach-withdrawal",
    ),
    path("partnerships/<slug:slug>/breaches/<int:pk>/resolve/", breaches.resolve, name="breach-resolve"),
    # Notifications in the browser (issue 6).
    path("account/notifications/", notifications.my_notifications, name="my-notifications"),
    path("account/notifications/<int:pk>/", notifications.my_notification, name="my-notification"),
    path(
        "partnerships/<slug:slug>/notifications/",
        notifications.partnership_notifications,
        name="partnership-notifications",
    ),
]
