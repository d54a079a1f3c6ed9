"""Investors: the list, an investor's page (its projects and audit history) and its forms."""

from django.contrib import messages
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView

from japandesk.core.permissions import EditorRequiredMixin, StaffRequiredMixin
from japandesk.core.text import search_key
from japandesk.registry import services
from japandesk.registry.choices import ProjectStatus
from japandesk.registry.filtersets import InvestorFilterSet, text_search
from japandesk.registry.forms import InvestorForm
from japandesk.registry.models import Country, Investor, LedgerEvent, Participation, Project
from japandesk.registry.views.base import (
    FilteredListView,
    RegistryContextMixin,
    ServiceFormMixin,
    history_of,
    parse_date,
    today,
)


class InvestorListView(FilteredListView):
    model = Investor
    filterset_class = InvestorFilterSet
    template_name = "registry/investor_list.html"
    context_object_name = "investors"
    export_filename = "investors"

    def base_queryset(self):
        # A query that aggregates drops the model's default ordering: it is named again.
        return (
            Investor.objects.select_related("country", "parent")
            .annotate(project_count=Count("participations__event__project", distinct=True))
            .order_by("name_latin", "name", "pk")
        )

    def export_rows(self, queryset):
        columns = [
            ("name", _("Name")),
            ("name_latin", _("Latin name")),
            ("name_kana", _("Kana reading")),
            ("country_code", _("Origin economy code")),
            ("country", _("Origin economy")),
            ("parent", _("Parent group")),
            ("website", _("Website")),
            ("projects", _("Projects")),
        ]
        rows = (
            {
                "name": investor.name,
                "name_latin": investor.name_latin,
                "name_kana": investor.name_kana,
                "country_code": investor.country.code,
                "country": investor.country.name,
                "parent": str(investor.parent) if investor.parent_id else "",
                "website": investor.website,
                "projects": investor.project_count,
            }
            for investor in queryset.iterator(chunk_size=2000)
        )
        return rows, columns

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["countries"] = sorted(Country.objects.all(), key=lambda c: c.name)
        return context


class InvestorDetailView(StaffRequiredMixin, RegistryContextMixin, DetailView):
    model = Investor
    template_name = "registry/investor_detail.html"
    context_object_name = "investor"

    def get_queryset(self):
        return Investor.objects.select_related("country", "parent", "parent__country")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        investor = self.object
        on = parse_date(self.request.GET.get("as_of"), today())
        projects = list(
            Project.objects.as_of(on)
            .filter(events__participations__investor=investor)
            .select_related("sector", "zone")
            .distinct()
            .order_by("code")
        )
        shares = self.shares_on(investor, [p.pk for p in projects], on)
        for project in projects:
            project.status_label = ProjectStatus(project.status).label
            project.share = shares.get(project.pk)
        context.update(
            {
                "as_of": on,
                "projects": projects,
                "subsidiaries": list(investor.subsidiaries.select_related("country").order_by("name_latin", "name")),
                "history": history_of(investor, 200),
            }
        )
        return context

    @staticmethod
    def shares_on(investor, project_ids, on) -> dict:
        """The investor's share in each project under the line-up in force at the end of `on`."""
        latest: dict[int, tuple] = {}
        lineups = (
            LedgerEvent.objects.filter(project_id__in=project_ids, date__lte=on, participations__isnull=False)
            .values_list("project_id", "date", "id")
            .distinct()
            .order_by()
        )
        for project_id, date, event_id in lineups:
            if project_id not in latest or (date, event_id) > latest[project_id]:
                latest[project_id] = (date, event_id)
        event_ids = [event_id for _date, event_id in latest.values()]
        return dict(
            Participation.objects.filter(event_id__in=event_ids, investor=investor).values_list(
                "event__project_id", "share"
            )
        )


class InvestorFormMixin(EditorRequiredMixin, RegistryContextMixin, ServiceFormMixin):
    form_class = InvestorForm
    template_name = "registry/investor_form.html"

    def get_success_url(self, investor):
        return reverse("registry:investor-detail", args=[investor.pk])


class InvestorCreateView(InvestorFormMixin, FormView):
    def call_service(self, form):
        investor = services.create_investor(actor=self.request.user, source="ui", **form.cleaned_data)
        messages.success(self.request, _("Investor {name} created.").format(name=investor))
        return investor


class InvestorUpdateView(InvestorFormMixin, FormView):
    def dispatch(self, request, *args, **kwargs):
        self.investor = get_object_or_404(Investor, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Investor.objects.get(pk=self.investor.pk)
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(investor=self.investor, **kwargs)

    def call_service(self, form):
        investor = services.update_investor(self.investor, actor=self.request.user, source="ui", **form.cleaned_data)
        messages.success(self.request, _("Investor {name} saved.").format(name=investor))
        return investor


class InvestorOptionsView(EditorRequiredMixin, View):
    """The investors whose names match `q`, as the options of a line-up row's select."""

    limit = 30

    def get(self, request, *args, **kwargs):
        query = request.GET.get("q", "")
        found = []
        if search_key(query):
            found = text_search(Investor.objects.select_related("country"), "search_text", query).order_by(
                "name_latin", "name"
            )[: self.limit]
        options = format_html('<option value="">{}</option>', "---------")
        options += format_html_join("", '<option value="{}">{}</option>', ((i.pk, str(i)) for i in found))
        return HttpResponse(options)
