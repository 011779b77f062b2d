"""The quarterly performance report's pages (ToR 6.1)."""

app_name = "actionplan-reports"
urlpatterns = []
