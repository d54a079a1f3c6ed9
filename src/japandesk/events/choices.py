from django.db import models
from django.utils.translation import gettext_lazy as _


class ParticipantKind(models.TextChoices):
    INVESTOR = "investor", _("Investor")
    SUPPLIER = "supplier", _("Supplier")
    AGENCY = "agency", _("Agency")
    PRESS = "press", _("Press")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Expired")


class MeetingOutcome(models.TextChoices):
    HELD = "held", _("Held")
    NO_SHOW = "no_show", _("No-show")
    FOLLOW_UP = "follow_up", _("Follow-up wanted")


class RunKind(models.TextChoices):
    SOLVE = "solve", _("Schedule from scratch")
    RESCHEDULE = "reschedule", _("Reschedule with minimal moves")
    IMPORT = "import", _("Answer imported")


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


LANGUAGES = [("ja", "日本語"), ("en", "English"), ("vi", "Tiếng Việt")]
