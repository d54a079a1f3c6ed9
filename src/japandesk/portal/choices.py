from django.db import models
from django.utils.translation import gettext_lazy as _


class PageKey(models.TextChoices):
    """The portal's pages whose text staff write in each language."""

    INCENTIVES = "incentives", _("Incentives")
    PROCEDURES = "procedures", _("Investment procedures")
    SECTORS = "sectors", _("Priority sectors")
    CONTACT = "contact", _("Contact")
    PRIVACY = "privacy", _("Personal data")


class Timing(models.TextChoices):
    """When the investor expects to decide or start, as the inquiry form offers it."""

    SOON = "0-6m", _("Within 6 months")
    YEAR = "6-12m", _("In 6 to 12 months")
    LATER = "1-2y", _("In 1 to 2 years")
    OPEN = "open", _("Not decided yet")
