"""The action plans API's routes, registered on the API's one router (partnership/urls_api.py)."""

routes = []
urlpatterns = []
