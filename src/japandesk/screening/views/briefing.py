"""The leader briefing: a page to choose the date and language, and the PDF and workbook."""

from django.http import HttpResponse
from django.utils import translation
from django.views.generic import TemplateView

from japandesk.core.permissions import StaffRequiredMixin
from japandesk.screening import briefing
from japandesk.screening.forms import BriefingForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class BriefingView(StaffRequiredMixin, TemplateView):
    template_name = "screening/briefing.html"

    def get(self, request, *args, **kwargs):
        language = (translation.get_language() or "vi")[:2]
        form = BriefingForm(request.GET or None, initial={"language": language})
        fmt = request.GET.get("format")
        if form.is_bound and form.is_valid() and fmt in ("pdf", "xlsx"):
            on = form.as_of_date()
            chosen = form.cleaned_data["language"]
            name = f"briefing-{on.isoformat()}-{chosen}.{fmt}"
            if fmt == "pdf":
                response = HttpResponse(briefing.pdf(on, chosen), content_type="application/pdf")
            else:
                response = HttpResponse(briefing.workbook(on, chosen), content_type=XLSX)
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        on = form.as_of_date() if form.is_bound else None
        context = self.get_context_data(form=form)
        if on is not None or not form.is_bound:
            from django.utils import timezone

            on = on or timezone.localdate()
            context["as_of"] = on
            context["preview"] = briefing.build(on)
        return self.render_to_response(context)
