from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentLanguage(models.TextChoices):
    """Languages profiles and needs are written in; the engine understands all five."""

    VIETNAMESE = "vi", _("Vietnamese")
    ENGLISH = "en", _("English")
    JAPANESE = "ja", _("Japanese")
    KOREAN = "ko", _("Korean")
    CHINESE = "zh", _("Chinese")


class ProfileSource(models.TextChoices):
    DESK = "desk", _("Entered by the desk")
    PUBLIC = "public", _("Self-registered by the supplier")
    IMPORT = "import", _("Imported")


class ProfileState(models.TextChoices):
    """What a profile's flags and expiry date add up to; only "proposed" profiles are matched."""

    PROPOSED = "proposed", _("Proposed to buyers")
    AWAITING_REVIEW = "review", _("Awaiting the desk's review")
    EXPIRING = "expiring", _("Expiring soon")
    EXPIRED = "expired", _("Expired")


class NeedStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class IntroductionStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    INTRODUCED = "introduced", _("Introduced")
    MEETING = "meeting", _("Meeting held")
    DEAL = "deal", _("Deal")
    NO_INTEREST = "no_interest", _("No interest")
