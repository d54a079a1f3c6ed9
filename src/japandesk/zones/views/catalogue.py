"""Reading the zones: the catalogue with its filters, a zone's page with its land over time,
the map, the side-by-side comparison and the investor-to-zone fit."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView

from japandesk.core.permissions import StaffRequiredMixin
from japandesk.registry.views.base import labelled_history
from japandesk.zones import fit, geo, queries
from japandesk.zones.choices import ZoneKind, ZoneStatus
from japandesk.zones.filtersets import ZoneFilterSet
from japandesk.zones.forms import FitForm, sector_choices
from japandesk.zones.models import Zone

MAX_COMPARED = 4


def map_labels() -> dict:
    return {
        "available": _("Available land (ha)"),
        "occupancy": _("Occupancy"),
        "open": _("Open the zone's page"),
        "outline": _("Province outline (approximate)"),
        "japanese": _("Built to Japanese standards"),
    }


class ZoneListView(StaffRequiredMixin, ListView):
    template_name = "zones/zone_list.html"
    context_object_name = "zones"
    paginate_by = 100

    def get_queryset(self):
        base = Zone.objects.select_related("parent").prefetch_related("target_sectors")
        self.filterset = ZoneFilterSet(self.request.GET or None, queryset=base, request=self.request)
        return self.filterset.qs if self.filterset.is_bound else base

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        zones = list(context["zones"])
        land = queries.land_on(zones)
        for zone in zones:
            zone.land = land.get(zone.pk)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            {
                "zones": zones,
                "filterset": self.filterset,
                "kinds": ZoneKind.choices,
                "statuses": ZoneStatus.choices,
                "economic_zones": Zone.objects.filter(kind=ZoneKind.ECONOMIC_ZONE),
                "selected_kinds": self.request.GET.getlist("kind"),
                "selected_statuses": self.request.GET.getlist("status"),
                "query_without_page": query.urlencode(),
                "illustrative_land": any(z.land and z.land.illustrative for z in zones),
                "max_compared": MAX_COMPARED,
                "sectors": sector_choices(),
            }
        )
        return context


class ZoneDetailView(StaffRequiredMixin, TemplateView):
    template_name = "zones/zone_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        zone = get_object_or_404(
            Zone.objects.select_related("parent").prefetch_related("target_sectors"), code=kwargs["code"]
        )
        series = queries.occupancy_series(zone)
        land = queries.land_on([zone]).get(zone.pk)
        plots = list(zone.plots.all())
        translations = {t.language: t for t in zone.translations.all()}
        context.update(
            {
                "zone": zone,
                "land": land,
                "series": series,
                "chart_data": {
                    "labels": [row["date"].isoformat() for row in series],
                    "occupancy": [
                        float(round(row["occupancy"] * 100, 1)) if row["occupancy"] is not None else None
                        for row in series
                    ],
                    "leased": [float(row["leased_ha"]) for row in series],
                    "available": [float(row["available_ha"]) for row in series],
                    "label_occupancy": _("Occupancy (%)"),
                    "label_leased": _("Leased land (ha)"),
                    "label_available": _("Available land (ha)"),
                },
                "plots": plots,
                "plot_totals": queries.plot_totals(zone),
                "children": list(zone.children.all()),
                "translations": [(code, name, translations.get(code)) for code, name in settings.LANGUAGES],
                "photos": list(zone.photos.all()),
                "illustrative_land": any(row["figure"].illustrative for row in series),
                "history": labelled_history(queries.zone_history(zone, 100)),
                "map_data": geo.map_data([zone], {zone.pk: land}, lambda z: z.get_absolute_url(), map_labels()),
            }
        )
        return context


class MapView(StaffRequiredMixin, TemplateView):
    template_name = "zones/map.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = ZoneFilterSet(self.request.GET or None, queryset=Zone.objects.select_related("parent"))
        zones = list(filterset.qs if filterset.is_bound else Zone.objects.all())
        land = queries.land_on(zones)
        context.update(
            {
                "filterset": filterset,
                "kinds": ZoneKind.choices,
                "selected_kinds": self.request.GET.getlist("kind"),
                "zones": zones,
                "map_data": geo.map_data(zones, land, lambda z: z.get_absolute_url(), map_labels()),
            }
        )
        return context


class CompareView(StaffRequiredMixin, TemplateView):
    """Two to four zones side by side (?zone=code&zone=code...)."""

    template_name = "zones/compare.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        codes = list(dict.fromkeys(c for c in self.request.GET.getlist("zone") if c))
        zones_by_code = {
            z.code: z
            for z in Zone.objects.filter(code__in=codes).select_related("parent").prefetch_related("target_sectors")
        }
        zones = [zones_by_code[c] for c in codes if c in zones_by_code]
        error = ""
        if codes and len(zones) < len(codes):
            error = _("Some of the zones asked for do not exist.")
        elif codes and not 2 <= len(zones) <= MAX_COMPARED:
            error = _("Choose between two and four zones to compare.")
        land = queries.land_on(zones)
        for zone in zones:
            zone.land = land.get(zone.pk)
        context.update(
            {
                "zones": zones if not error else [],
                "error": error,
                "all_zones": Zone.objects.order_by("kind", "name"),
                "selected": codes,
                "illustrative_land": any(z.land and z.land.illustrative for z in zones),
            }
        )
        return context


class FitView(StaffRequiredMixin, TemplateView):
    """Rank the zones for an investor's need, with the reasons, and list those left out."""

    template_name = "zones/fit.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = FitForm(self.request.GET or None)
        ranked = excluded = None
        if form.is_bound and form.is_valid():
            data = form.cleaned_data
            need = fit.Need(
                sector=data["sector"],
                land_ha=data["land_ha"],
                power_mw=data["power_mw"],
                water_m3_day=data["water_m3_day"],
                max_seaport_km=data["max_seaport_km"],
                japanese_standard=data["japanese_standard"],
                kinds=tuple(data["kinds"]) or fit.DEFAULT_KINDS,
            )
            ranked, excluded = fit.rank(need)
        context.update({"form": form, "ranked": ranked, "excluded": excluded})
        return context
