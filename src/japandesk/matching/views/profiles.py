"""Supplier profiles: the list, a profile's page (brochures, introductions, history) and its forms and actions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView

from japandesk.core.permissions import EditorRequiredMixin, StaffRequiredMixin
from japandesk.matching import services
from japandesk.matching.choices import ContentLanguage
from japandesk.matching.filtersets import SupplierProfileFilterSet
from japandesk.matching.forms import BrochureForm, ProfileForm
from japandesk.matching.models import Brochure, SupplierProfile
from japandesk.matching.views.base import FilteredListView, ServiceFormMixin, history_of
from japandesk.matching.vocabulary import labels
from japandesk.zones.models import Zone

PROFILE_FORM_FIELDS = [name for name in ProfileForm.base_fields if name != "verified"]


class ProfileListView(FilteredListView):
    model = SupplierProfile
    filterset_class = SupplierProfileFilterSet
    template_name = "matching/profile_list.html"
    context_object_name = "profiles"

    def base_queryset(self):
        return SupplierProfile.objects.select_related("zone").defer("search_text")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["zones"] = Zone.objects.all()
        return context


class ProfileDetailView(StaffRequiredMixin, DetailView):
    model = SupplierProfile
    template_name = "matching/profile_detail.html"
    context_object_name = "profile"

    def get_queryset(self):
        return SupplierProfile.objects.select_related("zone", "verified_by")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        profile = self.object
        context.update(
            {
                "process_labels": labels(profile.processes),
                "material_labels": labels(profile.materials),
                "language_labels": [
                    str(ContentLanguage(code).label) for code in profile.languages_spoken if code in ContentLanguage
                ],
                "brochures": list(profile.brochures.all()),
                "introductions": list(profile.introductions.select_related("need")),
                "history": history_of(profile, 100),
                "brochure_form": kwargs.get("brochure_form") or BrochureForm(),
            }
        )
        return context


class ProfileFormMixin(EditorRequiredMixin, ServiceFormMixin):
    form_class = ProfileForm
    template_name = "matching/profile_form.html"

    def get_success_url(self, profile):
        return reverse("matching:profile-detail", args=[profile.pk])


class ProfileCreateView(ProfileFormMixin, FormView):
    def call_service(self, form):
        data = dict(form.cleaned_data)
        verified = data.pop("verified", False)
        profile = services.create_profile(actor=self.request.user, source="ui", verified=verified, **data)
        messages.success(self.request, _("Supplier profile {name} created.").format(name=profile))
        return profile


class ProfileUpdateView(ProfileFormMixin, FormView):
    def dispatch(self, request, *args, **kwargs):
        self.profile = get_object_or_404(SupplierProfile, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["creating"] = False
        return kwargs

    def get_initial(self):
        return {name: getattr(self.profile, name) for name in PROFILE_FORM_FIELDS}

    def get_context_data(self, **kwargs):
        return super().get_context_data(profile=self.profile, **kwargs)

    def call_service(self, form):
        profile = services.update_profile(self.profile, actor=self.request.user, source="ui", **form.cleaned_data)
        messages.success(self.request, _("Supplier profile {name} saved.").format(name=profile))
        return profile


class ProfileActionView(EditorRequiredMixin, View):
    """Verify, withdraw the verification of, or renew a profile (POST only)."""

    http_method_names = ["post"]
    actions = {
        "verify": (services.verify_profile, _("The profile is verified and proposed to buyers.")),
        "unverify": (services.unverify_profile, _("The verification was withdrawn; the profile is not proposed.")),
        "renew": (services.renew_profile, _("The profile was renewed.")),
    }

    def post(self, request, pk, action):
        if action not in self.actions:
            raise Http404
        profile = get_object_or_404(SupplierProfile, pk=pk)
        function, message = self.actions[action]
        function(profile, actor=request.user, source="ui")
        messages.success(request, str(message))
        return redirect("matching:profile-detail", pk=profile.pk)


class BrochureUploadView(EditorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        profile = get_object_or_404(SupplierProfile, pk=pk)
        form = BrochureForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.add_brochure(
                    profile, actor=request.user, title=form.cleaned_data["title"], file=form.cleaned_data["file"]
                )
            except ValidationError as error:
                form.add_error("file", error.message_dict.get("file", error.messages))
            else:
                messages.success(request, _("Brochure added."))
                return redirect("matching:profile-detail", pk=profile.pk)
        view = ProfileDetailView()
        view.setup(request, pk=pk)
        view.object = profile
        response = view.render_to_response(view.get_context_data(object=profile, brochure_form=form))
        response.status_code = 400
        return response


class BrochureFileView(StaffRequiredMixin, View):
    """A brochure's file, for staff; files are kept out of the public media folder's listing."""

    def get(self, request, pk):
        brochure = get_object_or_404(Brochure, pk=pk)
        try:
            handle = brochure.file.open("rb")
        except FileNotFoundError as error:
            raise Http404 from error
        suffix = brochure.file.name.rsplit(".", 1)[-1]
        return FileResponse(handle, content_type=brochure.content_type, filename=f"brochure-{brochure.pk}.{suffix}")


class BrochureDeleteView(EditorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        brochure = get_object_or_404(Brochure, pk=pk)
        profile_pk = brochure.profile_id
        services.remove_brochure(brochure, actor=request.user)
        messages.success(request, _("Brochure removed."))
        return redirect("matching:profile-detail", pk=profile_pk)
