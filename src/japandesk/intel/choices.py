from django.db import models
from django.utils.translation import gettext_lazy as _


class FactKind(models.TextChoices):
    MONEY = "money", _("Money")
    COUNT = "count", _("Count")
    PERCENT = "percent", _("Percentage")
    DATE = "date", _("Date")


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("Pending review")
    ACCEPTED = "accepted", _("Accepted")
    CORRECTED = "corrected", _("Corrected")
    REJECTED = "rejected", _("Rejected")


class IngestedVia(models.TextChoices):
    PASTE = "paste", _("Pasted text")
    UPLOAD = "upload", _("Uploaded file")
    FILE = "file", _("File or folder")
    FEED = "feed", _("RSS/Atom feed")
    API = "api", _("API")


class MentionKind(models.TextChoices):
    INVESTOR = "investor", _("Investor")
    ZONE = "zone", _("Zone")
    PLACE = "place", _("Place")
    ORGANISATION = "organisation", _("Organisation")
    ORIGIN = "origin", _("Origin economy")


class Scope(models.TextChoices):
    PROVINCE = "province", _("Whole province")
    IN_ZONES = "in_zones", _("Industrial parks and economic zones")
    ZONE = "zone", _("One zone")


# What counts count, as the engine names them ("unit" of a count fact).
UNIT_LABELS = {
    "project": _("projects"),
    "company": _("companies"),
    "delegation": _("delegations"),
    "job": _("jobs"),
}
