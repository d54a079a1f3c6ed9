"""The public pages: no sign-in, one URL prefix per language, cached per language and path."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.views.generic import TemplateView

from japandesk.core.i18n import current_language
from japandesk.portal import content, inquiries, ratelimit
from japandesk.portal.cache import cached_page
from japandesk.portal.choices import PageKey
from japandesk.portal.forms import InquiryForm
from japandesk.registry import queries as registry_queries
from japandesk.registry.forms import add_service_errors
from japandesk.registry.models import Country, Sector
from japandesk.zones import geo
from japandesk.zones import queries as zone_queries
from japandesk.zones.choices import ZoneKind, ZoneStatus
from japandesk.zones.filtersets import ZoneFilterSet
from japandesk.zones.models import Zone
from japandesk.zones.views.catalogue import map_labels


def alternates(request) -> list[dict]:
    """The current page in each language, for hreflang links and the language menu."""
    path = request.get_full_path()
    rows = []
    for code, _name in settings.LANGUAGES:
        info = translation.get_language_info(code)
        rows.append({"code": code, "name": info["name_local"], "url": translate_url(path, code)})
    return rows


KIND_ORDER = {ZoneKind.ECONOMIC_ZONE: 0, ZoneKind.INDUSTRIAL_PARK: 1, ZoneKind.INDUSTRIAL_CLUSTER: 2}


def public_zones():
    return Zone.objects.filter(published=True)


class PortalMixin:
    """Every public page: the portal's base template and its language links."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["alternates"] = alternates(self.request)
        context["canonical"] = self.request.build_absolute_uri(self.request.path)
        context["absolute_alternates"] = [
            {**row, "url": self.request.build_absolute_uri(row["url"])} for row in context["alternates"]
        ]
        return context


@method_decorator(cached_page(registry=True), name="dispatch")
class HomeView(PortalMixin, TemplateView):
    """The province at a glance: the registry's figures as of today, zones and land, latest news."""

    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        focus = settings.JAPANDESK_FOCUS_COUNTRY
        figures = registry_queries.summary(today)
        focus_figures = registry_queries.summary(today, registry_queries.Filters(origin=focus))
        zones = list(public_zones())
        land = zone_queries.land_on([z for z in zones if z.kind != ZoneKind.ECONOMIC_ZONE])
        country = Country.objects.filter(code=focus).first()
        context.update(
            {
                "today": today,
                "figures": figures,
                "focus_figures": focus_figures,
                "focus_country": country.name if country else focus,
                "zone_counts": {
                    "economic_zones": sum(1 for z in zones if z.kind == ZoneKind.ECONOMIC_ZONE),
                    "parks": sum(1 for z in zones if z.kind == ZoneKind.INDUSTRIAL_PARK),
                    "operating_parks": sum(
                        1 for z in zones if z.kind == ZoneKind.INDUSTRIAL_PARK and z.status == ZoneStatus.OPERATING
                    ),
                    "clusters": sum(1 for z in zones if z.kind == ZoneKind.INDUSTRIAL_CLUSTER),
                },
                "available_ha": sum((entry.available_ha for entry in land.values()), Decimal(0)),
                "illustrative_land": any(entry.illustrative for entry in land.values()),
                "top_sectors": figures["by_sector"][:5],
                "news": [post for post in content.published_news()[:3]],
            }
        )
        return context


@method_decorator(cached_page(registry=True), name="dispatch")
class SectorsView(PortalMixin, TemplateView):
    template_name = "portal/sectors.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        figures = registry_queries.summary(timezone.localdate())
        zones_by_section: dict[str, list] = {}
        for zone in public_zones().prefetch_related("target_sectors"):
            for sector in zone.target_sectors.all():
                bucket = zones_by_section.setdefault(sector.section, [])
                if zone not in bucket:
                    bucket.append(zone)
        sections = {s.code: s for s in Sector.objects.filter(level=1)}
        targeted = [
            {"sector": sections[code], "zones": zones}
            for code, zones in sorted(zones_by_section.items())
            if code in sections
        ]
        context.update({"page": content.page(PageKey.SECTORS), "by_sector": figures["by_sector"], "targeted": targeted})
        return context


@method_decorator(cached_page, name="dispatch")
class ZonesView(PortalMixin, TemplateView):
    """Zones on a map, with filters, and the same zones as a list."""

    template_name = "portal/zones.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET
        filterset = ZoneFilterSet(query or None, queryset=public_zones().select_related("parent"))
        zones = list(filterset.qs if filterset.is_bound and filterset.is_valid() else public_zones())
        zones.sort(key=lambda z: (KIND_ORDER.get(z.kind, 9), z.display_name))
        land = zone_queries.land_on(zones)
        for zone in zones:
            zone.land = land.get(zone.pk)
        context.update(
            {
                "zones": zones,
                "kinds": ZoneKind.choices,
                "statuses": ZoneStatus.choices,
                "selected_kinds": query.getlist("kind"),
                "selected_statuses": query.getlist("status"),
                "japanese_only": query.get("japanese_standard") == "true",
                "sectors": Sector.objects.filter(level=1).order_by("code"),
                "selected_sector": query.get("sector", ""),
                "illustrative_land": any(z.land and z.land.illustrative for z in zones),
                "map_data": geo.map_data(zones, land, self.zone_url, map_labels()),
            }
        )
        return context

    @staticmethod
    def zone_url(zone) -> str:
        from django.urls import reverse

        return reverse("portal:zone", args=[zone.code])


@method_decorator(cached_page, name="dispatch")
class ZoneView(PortalMixin, TemplateView):
    template_name = "portal/zone.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        zone = get_object_or_404(
            public_zones().select_related("parent").prefetch_related("target_sectors", "photos"), code=kwargs["code"]
        )
        texts = {t.language: t for t in zone.translations.all()}
        text = next((texts[code] for code in (current_language(), *content.FALLBACKS) if code in texts), None)
        land = zone_queries.land_on([zone]).get(zone.pk)
        context.update(
            {
                "zone": zone,
                "text": text,
                "text_language": text.language if text else "",
                "description": content.paragraphs(text.description) if text else [],
                "land": land,
                "illustrative_land": bool(land and land.illustrative),
                "children": list(public_zones().filter(parent=zone)),
                "map_data": geo.map_data([zone], {zone.pk: land}, ZonesView.zone_url, map_labels()),
            }
        )
        return context


@method_decorator(cached_page, name="dispatch")
class PageView(PortalMixin, TemplateView):
    template_name = "portal/page.html"
    key = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = content.page(self.key)
        context.update(
            {
                "key": self.key,
                "heading": PageKey(self.key).label,
                "page": page,
                "page_language": page.language if page else "",
                "paragraphs": content.paragraphs(page.body) if page else [],
            }
        )
        return context


@method_decorator(cached_page, name="dispatch")
class NewsListView(PortalMixin, TemplateView):
    template_name = "portal/news_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["posts"] = [post for post in content.published_news() if post.translation()]
        return context


@method_decorator(cached_page, name="dispatch")
class NewsDetailView(PortalMixin, TemplateView):
    template_name = "portal/news_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        post = get_object_or_404(content.published_news(), slug=kwargs["slug"])
        text = post.translation()
        if text is None:
            raise Http404
        context.update({"post": post, "text": text, "paragraphs": content.paragraphs(text.body)})
        return context


class InquiryView(PortalMixin, TemplateView):
    """The inquiry form (and, from a zone's page, the site-visit request). Not cached: it carries a CSRF token."""

    template_name = "portal/inquiry.html"

    def dispatch(self, request, *args, **kwargs):
        self.zone = None
        if "code" in kwargs:
            self.zone = get_object_or_404(public_zones(), code=kwargs["code"])
        self.kind = "site_visit" if self.zone is not None else "inquiry"
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", InquiryForm(zone=self.zone))
        context.update({"zone": self.zone, "kind": self.kind, "privacy": content.page(PageKey.PRIVACY)})
        return context

    def post(self, request, *args, **kwargs):
        ip = ratelimit.client_ip(request)
        if ratelimit.exceeded(ip):
            context = self.get_context_data(form=InquiryForm(request.POST, zone=self.zone))
            context["rate_limited"] = True
            return render(request, self.template_name, context, status=429)
        form = InquiryForm(request.POST, zone=self.zone)
        if form.is_spam:
            # Robots that fill the hidden field are thanked and forgotten.
            ratelimit.count(ip)
            return redirect("portal:inquiry-received")
        if form.is_valid():
            try:
                inquiry = inquiries.receive(form.cleaned_data, kind=self.kind, base_url=request.build_absolute_uri("/"))
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                ratelimit.count(ip)
                return redirect("portal:inquiry-status", token=inquiry.tracking_token)
        return render(request, self.template_name, self.get_context_data(form=form), status=400)


class InquiryReceivedView(PortalMixin, TemplateView):
    template_name = "portal/inquiry_received.html"


class InquiryStatusView(PortalMixin, TemplateView):
    """What became of an inquiry, for whoever holds its private link."""

    template_name = "portal/inquiry_status.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        inquiry = inquiries.by_token(kwargs["token"])
        if inquiry is None:
            raise Http404
        context["inquiry"] = inquiry
        return context

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        response["X-Robots-Tag"] = "noindex"
        response["Cache-Control"] = "private, no-store"
        response["Referrer-Policy"] = "no-referrer"
        return response
