from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from japandesk.core import views as core_views
from japandesk.portal.sitemaps import SITEMAPS

urlpatterns = [
    path("", core_views.HomeView.as_view(), name="home"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("registry/", include("japandesk.registry.urls")),
    path("audit/", include("japandesk.core.urls")),
    path("crm/", include("japandesk.crm.urls")),
    path("matching/", include("japandesk.matching.urls")),
    path("events/", include("japandesk.events.urls")),
    path("intel/", include("japandesk.intel.urls")),
    path("screening/", include("japandesk.screening.urls")),
    path("zones/", include("japandesk.zones.urls")),
    path("api/", include("japandesk.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]

# The public portal: one URL prefix per language (/ja/, /en/, /vi/).
urlpatterns += i18n_patterns(path("", include("japandesk.portal.urls")), prefix_default_language=True)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
