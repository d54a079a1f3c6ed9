from django.db import models
from django.utils.translation import gettext_lazy as _


class ZoneKind(models.TextChoices):
    INDUSTRIAL_PARK = "ip", _("Industrial park")
    ECONOMIC_ZONE = "ez", _("Economic zone")
    INDUSTRIAL_CLUSTER = "cluster", _("Industrial cluster")


# Projects in these kinds of zone count as "inside industrial parks and economic zones".
PARK_AND_ZONE_KINDS = (ZoneKind.INDUSTRIAL_PARK, ZoneKind.ECONOMIC_ZONE)


class ZoneStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    BUILDING = "building", _("Under construction")
    OPERATING = "operating", _("Operating")


class PlotStatus(models.TextChoices):
    AVAILABLE = "available", _("Available")
    HELD = "held", _("Held")
    LEASED = "leased", _("Leased")
