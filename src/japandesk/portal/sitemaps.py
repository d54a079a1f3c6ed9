"""/sitemap.xml: every public page in each language, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from japandesk.portal.content import published_news
from japandesk.zones.models import Zone

STATIC_PAGES = ["home", "sectors", "zones", "incentives", "procedures", "news", "contact", "inquiry", "privacy"]


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class PageSitemap(PortalSitemap):
    priority = 0.8
    changefreq = "weekly"

    def items(self):
        return STATIC_PAGES

    def location(self, item):
        return reverse(f"portal:{item}")


class ZoneSitemap(PortalSitemap):
    priority = 0.7
    changefreq = "monthly"

    def items(self):
        return Zone.objects.filter(published=True).order_by("code")

    def location(self, zone):
        return reverse("portal:zone", args=[zone.code])

    def lastmod(self, zone):
        return zone.updated_at


class NewsSitemap(PortalSitemap):
    changefreq = "never"

    def items(self):
        return published_news().order_by("-published_on", "-id")

    def location(self, post):
        return reverse("portal:news-detail", args=[post.slug])

    def lastmod(self, post):
        return post.updated_at


SITEMAPS = {"pages": PageSitemap, "zones": ZoneSitemap, "news": NewsSitemap}
