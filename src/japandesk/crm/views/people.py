"""Organisations and contacts: lists sorted the reader's way, detail pages, forms, the
duplicates found and their merge."""

from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, TemplateView

from japandesk.core.i18n import current_language
from japandesk.core.permissions import StaffRequiredMixin
from japandesk.crm import queries, services
from japandesk.crm.filtersets import ContactFilterSet, OrganisationFilterSet
from japandesk.crm.forms import ContactForm, MergeForm, OrganisationForm
from japandesk.crm.models import Contact, Organisation
from japandesk.crm.views.base import CrmContextMixin, CrmListView, ServiceFormView, history_of

__all__ = [
    "ContactCreateView",
    "ContactDetailView",
    "ContactListView",
    "ContactMergeView",
    "ContactUpdateView",
    "DuplicatesView",
    "OrganisationCreateView",
    "OrganisationDetailView",
    "OrganisationListView",
    "OrganisationMergeView",
    "OrganisationUpdateView",
]


def reader_order() -> list[str]:
    """Japanese readers sort names by their kana reading; others by the Latin form."""
    return ["sort_key", "id"] if current_language() == "ja" else ["sort_key_latin", "id"]


class OrganisationListView(CrmListView):
    model = Organisation
    filterset_class = OrganisationFilterSet
    template_name = "crm/organisation_list.html"
    context_object_name = "organisations"

    def base_queryset(self):
        return Organisation.objects.select_related("country", "investor").order_by(*reader_order())


class OrganisationDetailView(StaffRequiredMixin, CrmContextMixin, DetailView):
    model = Organisation
    template_name = "crm/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        return Organisation.objects.select_related("country", "investor", "sector")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = self.object
        context.update(
            {
                "contacts": organisation.contacts.order_by(*reader_order()),
                "leads": organisation.leads.select_related("pipeline", "stage", "owner"),
                "interactions": organisation.interactions.all()[:100],
                "agreements": organisation.agreements.all(),
                "merge_form": MergeForm(
                    queryset=Organisation.objects.exclude(pk=organisation.pk).order_by(*reader_order())
                ),
                "history": history_of(organisation),
            }
        )
        return context


class OrganisationCreateView(ServiceFormView):
    form_class = OrganisationForm
    page_title = gettext_lazy("New organisation")

    def call_service(self, form):
        organisation = services.create_organisation(self.request.user, source="ui", **form.cleaned_data)
        messages.success(self.request, _("Organisation {name} created.").format(name=organisation))
        return organisation


class OrganisationUpdateView(ServiceFormView):
    form_class = OrganisationForm
    page_title = gettext_lazy("Edit organisation")

    def dispatch(self, request, *args, **kwargs):
        self.organisation = get_object_or_404(Organisation, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Organisation.objects.get(pk=self.organisation.pk)}

    def get_cancel_url(self):
        return self.organisation.get_absolute_url()

    def call_service(self, form):
        organisation = services.update_organisation(
            self.organisation, self.request.user, source="ui", **form.cleaned_data
        )
        messages.success(self.request, _("Organisation {name} saved.").format(name=organisation))
        return organisation


class OrganisationMergeView(ServiceFormView):
    """Merge the organisation on the page into the one chosen; every linked record follows."""

    form_class = MergeForm
    page_title = gettext_lazy("Merge organisations")

    def dispatch(self, request, *args, **kwargs):
        self.duplicate = get_object_or_404(Organisation, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "queryset": Organisation.objects.exclude(pk=self.duplicate.pk)}

    def get_cancel_url(self):
        return self.duplicate.get_absolute_url()

    def call_service(self, form):
        keep = services.merge_organisations(self.request.user, form.cleaned_data["keep"], self.duplicate, source="ui")
        messages.success(self.request, _("Merged into {name}; every linked record was kept.").format(name=keep))
        return keep


class ContactListView(CrmListView):
    model = Contact
    filterset_class = ContactFilterSet
    template_name = "crm/contact_list.html"
    context_object_name = "contacts"

    def base_queryset(self):
        return Contact.objects.select_related("organisation").order_by(*reader_order())


class ContactDetailView(StaffRequiredMixin, CrmContextMixin, DetailView):
    model = Contact
    template_name = "crm/contact_detail.html"
    context_object_name = "contact"

    def get_queryset(self):
        return Contact.objects.select_related("organisation")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        contact = self.object
        context.update(
            {
                "interactions": contact.interactions.all()[:100],
                "memberships": contact.memberships.select_related("committee"),
                "merge_form": MergeForm(queryset=Contact.objects.exclude(pk=contact.pk).order_by(*reader_order())),
                "history": history_of(contact),
            }
        )
        return context


class ContactCreateView(ServiceFormView):
    form_class = ContactForm
    page_title = gettext_lazy("New contact")

    def get_initial(self):
        organisation = self.request.GET.get("organisation")
        return {"organisation": organisation} if organisation and organisation.isdigit() else {}

    def call_service(self, form):
        contact = services.create_contact(self.request.user, source="ui", **form.cleaned_data)
        messages.success(self.request, _("Contact {name} created.").format(name=contact))
        return contact


class ContactUpdateView(ServiceFormView):
    form_class = ContactForm
    page_title = gettext_lazy("Edit contact")

    def dispatch(self, request, *args, **kwargs):
        self.contact = get_object_or_404(Contact, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Contact.objects.get(pk=self.contact.pk)}

    def get_cancel_url(self):
        return self.contact.get_absolute_url()

    def call_service(self, form):
        contact = services.update_contact(self.contact, self.request.user, source="ui", **form.cleaned_data)
        messages.success(self.request, _("Contact {name} saved.").format(name=contact))
        return contact


class ContactMergeView(ServiceFormView):
    form_class = MergeForm
    page_title = gettext_lazy("Merge contacts")

    def dispatch(self, request, *args, **kwargs):
        self.duplicate = get_object_or_404(Contact, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "queryset": Contact.objects.exclude(pk=self.duplicate.pk)}

    def get_cancel_url(self):
        return self.duplicate.get_absolute_url()

    def call_service(self, form):
        keep = services.merge_contacts(self.request.user, form.cleaned_data["keep"], self.duplicate, source="ui")
        messages.success(self.request, _("Merged into {name}; every linked record was kept.").format(name=keep))
        return keep


class DuplicatesView(StaffRequiredMixin, CrmContextMixin, TemplateView):
    template_name = "crm/duplicates.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["organisation_groups"] = queries.duplicate_organisations()
        context["contact_groups"] = queries.duplicate_contacts()
        return context
