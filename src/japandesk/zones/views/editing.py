"""Changing zones: the zone form, land figures, plots and their holds, descriptions per language
and photos. Every form hands its data to a service; desk officers and administrators only."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from japandesk.core import formatting
from japandesk.core.permissions import EditorRequiredMixin
from japandesk.registry.forms import add_service_errors
from japandesk.registry.views.base import ServiceFormMixin
from japandesk.zones import services
from japandesk.zones.forms import HoldForm, LandFigureForm, PhotoForm, PlotForm, TranslationForm, ZoneForm
from japandesk.zones.models import LandFigure, Plot, Zone, ZonePhoto


class ZoneFormMixin(EditorRequiredMixin, ServiceFormMixin):
    form_class = ZoneForm
    template_name = "zones/zone_form.html"

    def get_success_url(self, zone):
        return zone.get_absolute_url()


class ZoneCreateView(ZoneFormMixin, FormView):
    def call_service(self, form):
        zone = services.create_zone(actor=self.request.user, source="ui", **form.cleaned_data)
        messages.success(self.request, _("Zone {name} created.").format(name=zone))
        return zone


class ZoneUpdateView(ZoneFormMixin, FormView):
    def dispatch(self, request, *args, **kwargs):
        self.zone = get_object_or_404(Zone, code=kwargs["code"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Zone.objects.get(pk=self.zone.pk)
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(zone=self.zone, **kwargs)

    def call_service(self, form):
        zone = services.update_zone(self.zone, actor=self.request.user, source="ui", **form.cleaned_data)
        messages.success(self.request, _("Zone {name} saved.").format(name=zone))
        return zone


class ZoneChildFormView(EditorRequiredMixin, ServiceFormMixin, FormView):
    """A form about one zone (found by its code) that returns to the zone's page."""

    title = ""

    def dispatch(self, request, *args, **kwargs):
        self.zone = get_object_or_404(Zone, code=kwargs["code"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(zone=self.zone, title=self.title, **kwargs)

    def get_success_url(self, result=None):
        return self.zone.get_absolute_url()


class LandFigureCreateView(ZoneChildFormView):
    form_class = LandFigureForm
    template_name = "zones/child_form.html"

    @property
    def title(self):
        return _("Record a land figure")

    def call_service(self, form):
        data = form.cleaned_data
        figure = services.record_land_figure(
            self.zone,
            date=data["date"],
            leasable_ha=data["leasable_ha"],
            leased_ha=data["leased_ha"],
            source_note=data["source_note"],
            illustrative=data["illustrative"],
            actor=self.request.user,
        )
        messages.success(self.request, _("Land figure of {date} recorded.").format(date=formatting.date(figure.date)))
        return figure


class PlotCreateView(ZoneChildFormView):
    form_class = PlotForm
    template_name = "zones/child_form.html"

    @property
    def title(self):
        return _("New plot")

    def call_service(self, form):
        plot = services.create_plot(self.zone, actor=self.request.user, **form.cleaned_data)
        messages.success(self.request, _("Plot {code} added.").format(code=plot.code))
        return plot


class PlotHoldView(ZoneChildFormView):
    form_class = HoldForm
    template_name = "zones/child_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.plot = get_object_or_404(Plot, pk=kwargs["pk"], zone__code=kwargs["code"])
        return super().dispatch(request, *args, **kwargs)

    @property
    def title(self):
        return _("Hold plot {code}").format(code=self.plot.code)

    def get_initial(self):
        return {"until": self.plot.held_until, "lead": self.plot.lead_id, "prospect": self.plot.prospect}

    def call_service(self, form):
        data = form.cleaned_data
        plot = services.hold_plot(
            self.plot,
            until=data["until"],
            lead=data.get("lead"),
            prospect=data["prospect"],
            actor=self.request.user,
        )
        messages.success(
            self.request,
            _("Plot {code} held until {date}.").format(code=plot.code, date=formatting.date(plot.held_until)),
        )
        return plot


class PlotActionView(EditorRequiredMixin, View):
    """Release a hold or mark a plot leased (POST only)."""

    http_method_names = ["post"]

    def post(self, request, code, pk, action):
        plot = get_object_or_404(Plot, pk=pk, zone__code=code)
        try:
            if action == "release":
                services.release_plot(plot, actor=request.user)
                messages.success(request, _("Plot {code} is available again.").format(code=plot.code))
            elif action == "lease":
                services.lease_plot(plot, actor=request.user)
                messages.success(request, _("Plot {code} marked leased.").format(code=plot.code))
            else:
                raise Http404
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect(plot.zone.get_absolute_url() + "#plots")


class LandFigureDeleteView(EditorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, code, pk):
        figure = get_object_or_404(LandFigure, pk=pk, zone__code=code)
        services.delete_land_figure(figure, actor=request.user)
        messages.success(request, _("Land figure of {date} deleted.").format(date=formatting.date(figure.date)))
        return redirect(reverse("zones:zone-detail", args=[code]) + "#land")


class TranslationEditView(ZoneChildFormView):
    form_class = TranslationForm
    template_name = "zones/child_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.language = kwargs["language"]
        if self.language not in dict(settings.LANGUAGES):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    @property
    def title(self):
        return _("Public description in {language}").format(language=dict(settings.LANGUAGES)[self.language])

    def get_initial(self):
        row = self.zone.translations.filter(language=self.language).first()
        return {"summary": row.summary, "description": row.description} if row else {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(field_lang=self.language, **kwargs)

    def call_service(self, form):
        services.save_translation(self.zone, language=self.language, actor=self.request.user, **form.cleaned_data)
        messages.success(self.request, _("Description saved."))
        return self.zone


class PhotoCreateView(ZoneChildFormView):
    form_class = PhotoForm
    template_name = "zones/child_form.html"

    @property
    def title(self):
        return _("Add a photo")

    def form_valid(self, form):
        try:
            services.add_photo(self.zone, actor=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Photo added."))
        return redirect(self.zone.get_absolute_url() + "#photos")


class PhotoDeleteView(EditorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, code, pk):
        photo = get_object_or_404(ZonePhoto, pk=pk, zone__code=code)
        services.delete_photo(photo, actor=request.user)
        messages.success(request, _("Photo deleted."))
        return redirect(reverse("zones:zone-detail", args=[code]) + "#photos")
