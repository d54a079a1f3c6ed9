from django.db import models
from django.utils.translation import gettext_lazy as _

from japandesk.core.models import TimeStampedModel
from japandesk.core.text import search_key
from japandesk.zones.choices import ZoneKind


class Zone(TimeStampedModel):
    """A zone is an area the state has set aside for industry: an industrial park,
    an economic zone (which may contain parks), or a smaller province-managed industrial cluster.
    """

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200, help_text=_("In Vietnamese, as on official documents."))
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    name_ja = models.CharField(_("Japanese name"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=ZoneKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("economic zone"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        limit_choices_to={"kind": ZoneKind.ECONOMIC_ZONE},
    )
    search_text = models.CharField(max_length=700, blank=True, editable=False)

    class Meta:
        verbose_name = _("zone")
        verbose_name_plural = _("zones")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        from django.utils.translation import get_language

        language = (get_language() or "vi")[:2]
        if language == "ja" and self.name_ja:
            return self.name_ja
        if language == "en" and self.name_en:
            return self.name_en
        return self.name

    def save(self, *args, **kwargs):
        self.search_text = search_key(self.name, self.name_en, self.name_ja, self.code)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)
