"""What the registry's pages share: as-of dates from the query string, filtered and
exported lists, forms that hand their data to a service, and the audit history.
"""

import datetime
from decimal import Decimal
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.generic import ListView

from japandesk.core import audit, formatting
from japandesk.core.permissions import StaffRequiredMixin
from japandesk.registry import exporting
from japandesk.registry.forms import add_service_errors
from japandesk.registry.models import Project

EXPORT_FORMATS = ("csv", "xlsx")
BOOLEAN_PARAMETERS = ("in_zones",)


def parse_date(value, default: datetime.date | None = None) -> datetime.date | None:
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat((value or "").strip())
    except ValueError:
        return default


def today() -> datetime.date:
    return timezone.localdate()


def url_with(url: str, params: dict) -> str:
    """`url` with a query string; list values repeat the parameter (kind=a&kind=b)."""
    pairs = []
    for key, value in params.items():
        if value is None or value == "" or value is False:
            continue
        if isinstance(value, list | tuple):
            pairs.extend((key, str(item)) for item in value)
        elif isinstance(value, datetime.date):
            pairs.append((key, value.isoformat()))
        else:
            pairs.append((key, str(value)))
    return f"{url}?{urlencode(pairs)}" if pairs else url


class RegistryContextMixin:
    """Tells every registry page whether the data on show is the illustrative demo set."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["illustrative_data"] = Project.objects.filter(illustrative=True).exists()
        return context


class FilteredListView(StaffRequiredMixin, RegistryContextMixin, ListView):
    """A list read through a shared FilterSet, paginated, and exported whole with ?export=csv|xlsx."""

    filterset_class = None
    paginate_by = 50
    export_filename = "export"

    def base_queryset(self):
        return self.model.objects.all()

    def get_filterset(self):
        data = self.request.GET.copy()
        # Checkboxes and drill-down links say in_zones=1 or on; the FilterSet's yes/no field reads "true".
        for key in BOOLEAN_PARAMETERS:
            if data.get(key, "").lower() in {"1", "on", "yes"}:
                data[key] = "true"
        return self.filterset_class(data, queryset=self.base_queryset(), request=self.request)

    def get_queryset(self):
        self.filterset = self.get_filterset()
        return self.filterset.qs

    def export_rows(self, queryset):
        """(rows, columns) for the export, or None when this list is not exported."""
        return None

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("export")
        if fmt:
            if fmt not in EXPORT_FORMATS:
                raise Http404
            exported = self.export_rows(self.get_queryset())
            if exported is None:
                raise Http404
            rows, columns = exported
            return exporting.export_response(rows, columns, self.export_filename, fmt)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filterset"] = self.filterset
        query = self.request.GET.copy()
        query.pop("page", None)
        query.pop("export", None)
        context["query_without_page"] = query.urlencode()
        return context


class ServiceFormMixin:
    """A form whose valid data goes to a service function; the service's ValidationError is
    shown on the form in the reader's language and nothing is written.
    """

    def call_service(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            result = self.call_service(form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        return redirect(self.get_success_url(result))


# Audit history ---------------------------------------------------------------------------------------


# Derived columns that only serve searching: their change says nothing a reader needs.
HIDDEN_AUDIT_FIELDS = {"search_text"}
EMPTY_VALUES = (None, "", [], {})


def _field_of(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def history_of(instance, limit: int = 200) -> list:
    """The latest `limit` audit entries of a record, labelled for a reader (any app's record)."""
    return labelled_history(audit.history(instance)[:limit])


def labelled_history(entries) -> list:
    """Audit entries with their changes labelled for a reader: field names become their
    verbose names and foreign keys are shown by the record they point at (read in one
    query per related model, not per entry).
    """
    from japandesk.registry.models import Investor

    entries = list(entries)
    wanted: dict[type, set] = {}
    for entry in entries:
        model = ContentType.objects.get_for_id(entry.content_type_id).model_class()
        entry.model_class = model
        for name, before, after in entry.changes:
            if name == "investors":
                ids = {row.get("investor") for row in [*(before or []), *(after or [])]}
                wanted.setdefault(Investor, set()).update(ids)
                continue
            field = _field_of(model, name) if model else None
            if isinstance(field, models.ForeignKey):
                wanted.setdefault(field.related_model, set()).update(v for v in (before, after) if v is not None)
    names = {
        model: {obj.pk: str(obj) for obj in model._default_manager.filter(pk__in=ids)} for model, ids in wanted.items()
    }
    for entry in entries:
        model = entry.model_class
        labelled = []
        for name, before, after in entry.changes:
            if name in HIDDEN_AUDIT_FIELDS or (before in EMPTY_VALUES and after in EMPTY_VALUES):
                continue
            field = _field_of(model, name) if model else None
            label = capfirst(str(field.verbose_name) if field is not None and hasattr(field, "verbose_name") else name)
            if name == "investors":
                label = str(Investor._meta.verbose_name_plural)
                known = names.get(Investor, {})
                before, after = _lineup_text(before, known), _lineup_text(after, known)
            elif isinstance(field, models.ForeignKey):
                known = names.get(field.related_model, {})
                before = known.get(before, before) if before is not None else None
                after = known.get(after, after) if after is not None else None
            elif isinstance(field, models.Field) and field.choices:
                display = dict(field.flatchoices)
                before = display.get(before, before) if before is not None else None
                after = display.get(after, after) if after is not None else None
            elif isinstance(field, models.Field):
                before, after = _readable(field, before), _readable(field, after)
            labelled.append((label, before, after))
        entry.labelled_changes = labelled
    return entries


def _readable(field, value):
    """A stored value as the reader writes it: numbers and dates in their language, yes or no."""
    if value is None or value == "":
        return value
    if isinstance(field, models.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(field, models.DecimalField):
        return formatting.number(value, field.decimal_places)
    if isinstance(field, models.IntegerField):
        return formatting.number(value, 0)
    if isinstance(field, models.DateTimeField):
        return formatting.date(datetime.datetime.fromisoformat(value), "short")
    if isinstance(field, models.DateField):
        return formatting.date(value)
    return value


def _lineup_text(lineup, names: dict):
    if not lineup:
        return lineup
    parts = []
    for row in lineup:
        share = formatting.percent(Decimal(row.get("share")) / 100, 2)
        parts.append(f"{names.get(row.get('investor'), row.get('investor'))} {share}")
    return "; ".join(parts)
