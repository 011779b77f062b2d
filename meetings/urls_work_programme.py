from django.urls import path

from . import views_work_programme as views

app_name = "work_programme"
urlpatterns = [
    path("<slug:slug>/work-programme/", views.work_programme, name="list"),
    path("<slug:slug>/work-programme/new/", views.add_item, name="add"),
    path("<slug:slug>/work-programme/plan-year/", views.plan_year, name="plan-year"),
    path("<slug:slug>/work-programme/<int:pk>/plan/", views.plan_for_meeting, name="plan"),
    path("<slug:slug>/work-programme/<int:pk>/agenda/", views.put_on_agenda, name="put-on-agenda"),
]
