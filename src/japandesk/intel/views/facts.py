"""Fact review: accept, correct or reject a figure (the row is replaced in place with htmx)."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from japandesk.core.permissions import EditorRequiredMixin
from japandesk.intel import services
from japandesk.intel.forms import ReviewForm
from japandesk.intel.models import Fact


class FactReviewView(EditorRequiredMixin, View):
    def post(self, request, pk):
        fact = get_object_or_404(Fact.objects.select_related("article"), pk=pk)
        form = ReviewForm(request.POST)
        errors = []
        if form.is_valid():
            try:
                services.review_fact(
                    request.user,
                    fact,
                    decision=form.cleaned_data["decision"],
                    value=form.cleaned_data["value"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                errors = error.messages
                fact.refresh_from_db()
        else:
            errors = [message for messages in form.errors.values() for message in messages]
        if request.htmx:
            # htmx swaps only successful responses: the row comes back with its error shown in it.
            context = {"fact": fact, "review_errors": errors, "review_form": ReviewForm(), "user_can_edit": True}
            return render(request, "intel/_fact_row.html", context)
        if errors:
            from django.contrib import messages

            for message in errors:
                messages.error(request, message)
        return redirect(fact.article.get_absolute_url() + f"#fact-{fact.pk}")
