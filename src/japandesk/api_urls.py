"""The REST API under /api/: one router on which every app registers its endpoints
(`<app>/api/routes.py`), so that the API root lists them all."""

from importlib import import_module

from rest_framework.routers import DefaultRouter

API_APPS = ("registry", "zones", "crm", "portal", "matching", "events", "intel", "screening")

app_name = "api"
router = DefaultRouter()
for app in API_APPS:
    import_module(f"japandesk.{app}.api.routes").register(router)

urlpatterns = router.urls
