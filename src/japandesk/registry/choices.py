from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    REGISTRATION = "registration", _("New registration")
    INCREASE = "increase", _("Capital increase")
    DECREASE = "decrease", _("Capital decrease")
    SHARE_PURCHASE = "share_purchase", _("Capital contribution, share purchase")
    TERMINATION = "termination", _("Termination")


# Events whose capital counts as FDI "attracted" in a period.
ATTRACTING_KINDS = (EventKind.REGISTRATION, EventKind.INCREASE)
# Events that may carry a new line-up of investors.
LINEUP_KINDS = (EventKind.REGISTRATION, EventKind.SHARE_PURCHASE, EventKind.INCREASE, EventKind.DECREASE)


class ProjectStatus(models.TextChoices):
    PENDING = "pending", _("Not yet registered")
    ACTIVE = "active", _("Active")
    TERMINATED = "terminated", _("Terminated")


class SectorLevel(models.IntegerChoices):
    SECTION = 1, _("Section")
    DIVISION = 2, _("Division")
    GROUP = 3, _("Group")
    CLASS = 4, _("Class")
    SUBCLASS = 5, _("Subclass")


class ImportState(models.TextChoices):
    CHECKING = "checking", _("Being checked")
    CHECKED = "checked", _("Checked")
    WRITING = "writing", _("Being imported")
    DONE = "done", _("Finished")
