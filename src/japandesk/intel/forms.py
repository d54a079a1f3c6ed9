from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from japandesk.intel.choices import ReviewStatus
from japandesk.intel.filtersets import LANGUAGE_CHOICES
from japandesk.intel.services import FEED_SUFFIXES, MAX_UPLOAD_BYTES, TEXT_SUFFIXES
from japandesk.registry.forms import StyledForm


class PasteForm(StyledForm):
    title = forms.CharField(label=_("Title"), max_length=300, required=False,
                            help_text=_("Left empty, the first line of the text."))  # fmt: skip
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 10}))
    source = forms.CharField(label=_("Source"), max_length=200, required=False)
    url = forms.URLField(label=_("URL"), max_length=1000, required=False, assume_scheme="https")
    published_on = forms.DateField(
        label=_("Publication date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    language = forms.ChoiceField(label=_("Language"), required=False,
                                 choices=[("", _("Detect"))] + LANGUAGE_CHOICES)  # fmt: skip


class UploadForm(StyledForm):
    file = forms.FileField(
        label=_("File"),
        help_text=format_lazy(
            _("A .txt, .md or .html article, or an RSS/Atom file (.xml, .rss, .atom); at most {size} MB."),
            size=MAX_UPLOAD_BYTES // (1024 * 1024),
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(sorted(TEXT_SUFFIXES | FEED_SUFFIXES))}),
    )
    source = forms.CharField(label=_("Source"), max_length=200, required=False)


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(s, label) for s, label in ReviewStatus.choices if s != ReviewStatus.PENDING],
    )
    value = forms.CharField(label=_("Right value"), max_length=40, required=False)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)
