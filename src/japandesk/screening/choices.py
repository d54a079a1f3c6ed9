from django.db import models
from django.utils.translation import gettext_lazy as _


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class RuleKind(models.TextChoices):
    LINEAR = "linear", _("Linear between two values")
    STEPS = "steps", _("Steps (thresholds)")
    CATEGORIES = "categories", _("Category table")


class Recommendation(models.TextChoices):
    RECOMMEND = "recommend", _("Recommend")
    CONDITIONS = "conditions", _("Recommend with conditions")
    NOT_RECOMMENDED = "not_recommended", _("Do not recommend")


class Decision(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    APPROVED_WITH_CONDITIONS = "approved_conditions", _("Approved with conditions")
    REJECTED = "rejected", _("Rejected")
    DEFERRED = "deferred", _("Deferred")


class RequirementStatus(models.TextChoices):
    PASS = "pass", _("Pass")
    CONDITIONAL = "conditional", _("Conditional")
    FAIL = "fail", _("Fail")
    MISSING = "missing", _("Not given")


class TechnologyLevel(models.TextChoices):
    HIGH = "high", _("High technology")
    ADVANCED = "advanced", _("Advanced technology")
    CONVENTIONAL = "conventional", _("Conventional technology")
    OUTDATED = "outdated", _("Outdated technology")


class TrainingLevel(models.TextChoices):
    JAPANESE_STANDARD = "japanese_standard", _("Training to Japanese standards")
    STRUCTURED = "structured", _("Structured in-house training")
    NONE = "none", _("No training programme")


class CarbonLevel(models.TextChoices):
    LOW_CARBON = "low_carbon", _("Low-carbon: renewable power or certified energy management")
    ENERGY_SAVING = "energy_saving", _("Energy-saving equipment")
    STANDARD = "standard", _("No particular measures")


class EnvironmentGroup(models.IntegerChoices):
    """Environmental groups of the Law on Environmental Protection 2020 (Article 28): group I
    carries the highest risk of adverse impact, group IV none."""

    I = 1, _("Group I (high risk)")  # noqa: E741
    II = 2, _("Group II")
    III = 3, _("Group III")
    IV = 4, _("Group IV (no risk)")


class ZoneClass(models.TextChoices):
    """Where a project lies, as the minimum investment per hectare distinguishes it."""

    ECONOMIC_ZONE = "ez", _("In an economic zone (or a park inside one)")
    INDUSTRIAL_PARK = "ip", _("In an industrial park")
    CLUSTER = "cluster", _("In an industrial cluster")
    OUTSIDE = "outside", _("Outside parks, zones and clusters")


class Flag(models.TextChoices):
    BEHIND_CAPITAL = "behind_capital", _("Behind the capital schedule")
    IDLE_LAND = "idle_land", _("Idle land")
    MISSED_OPERATION = "missed_operation", _("Operation date missed")
    MISSED_JOBS = "missed_jobs", _("Jobs commitment missed")
    NO_REPORT = "no_report", _("No monitoring report for over a year")


class ReviewGround(models.TextChoices):
    NOT_OPERATING = "not_operating", _("Not operating 12 months after the committed operation date")
    STOPPED = "stopped", _("Stopped operating for 12 months or more")
    LAND_UNUSED = "land_unused", _("Land not put into use 24 months after the committed date")
    CAPITAL_STALLED = "capital_stalled", _("Under half of the scheduled capital 12 months after it was due")
