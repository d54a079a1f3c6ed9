"""Scoring of a proposal against a criteria definition, on plain data.

A criteria version stores its definition as one JSON document, so that an appraisal made
with it can be recomputed exactly years later (the version is immutable once published):

    {
      "hard": {
        "min_capital_per_ha_usd": {"ez": "1500000", "ip": "600000", "cluster": "600000", "outside": "600000"},
        "prohibited_sectors": ["0510"],        # VSIC code prefixes
        "conditional_sectors": ["2011"],
        "riskiest_environment_group": 2         # group I (1) is refused; null: no limit
      },
      "criteria": [
        {"key": "jobs_per_ha", "weight": "15", "unit": "jobs/ha",
         "rule": {"kind": "linear", "from": "10", "to": "80"}},
        {"key": "export_share", "weight": "10", "unit": "%",
         "rule": {"kind": "steps", "steps": [["20", "40"], ["50", "70"], ["80", "100"]], "below": "0"}},
        {"key": "technology_level", "weight": "20",
         "rule": {"kind": "categories", "table": {"high": "100", "advanced": "70"}, "default": "0"}}
      ],
      "thresholds": {"recommend": "60", "conditions": "40"}
    }

Scores run from 0 to 100; the total is the weighted mean of the criteria's scores. Numbers are
kept as decimal strings so that the same document gives the same score on any machine.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from japandesk.core import formatting
from japandesk.screening.choices import (
    CarbonLevel,
    EnvironmentGroup,
    Recommendation,
    RequirementStatus,
    RuleKind,
    TechnologyLevel,
    TrainingLevel,
    ZoneClass,
)

HUNDRED = Decimal(100)
SCORE_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class CriterionType:
    key: str
    label: object
    unit: str
    numeric: bool
    choices: object = None  # TextChoices of the categorical inputs


CRITERION_TYPES = {
    item.key: item
    for item in (
        CriterionType("technology_level", gettext_lazy("Technology level"), "", False, TechnologyLevel),
        CriterionType("priority_sector", gettext_lazy("Province's priority sectors"), "VSIC", False),
        CriterionType("jobs_per_ha", gettext_lazy("Jobs per hectare"), "jobs/ha", True),
        CriterionType("budget_per_ha", gettext_lazy("Budget contribution per hectare"), "USD/ha/year", True),
        CriterionType("capital_per_ha", gettext_lazy("Investment per hectare"), "USD/ha", True),
        CriterionType("export_share", gettext_lazy("Export share"), "%", True),
        CriterionType("local_purchase_share", gettext_lazy("Local purchasing and supply-chain links"), "%", True),
        CriterionType("training", gettext_lazy("Training to Japanese standards"), "", False, TrainingLevel),
        CriterionType("low_carbon", gettext_lazy("Low carbon and energy saving"), "", False, CarbonLevel),
    )
}

# The inputs of an appraisal: what the investor proposes.
NUMERIC_INPUTS = ("capital_usd", "land_ha", "jobs", "budget_usd_per_year", "export_share", "local_purchase_share")
CATEGORY_INPUTS = {
    "technology_level": TechnologyLevel,
    "training": TrainingLevel,
    "low_carbon": CarbonLevel,
    "zone_class": ZoneClass,
}
INPUT_KEYS = (*NUMERIC_INPUTS, *CATEGORY_INPUTS, "environment_group", "sector_code")


class DefinitionError(ValueError):
    """A criteria definition that cannot be used; `messages` names every problem."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


def dec(value) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, float):
        value = repr(value)
    try:
        result = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return result if result.is_finite() else None


def plain(value: Decimal) -> str:
    """A decimal as a canonical string: no exponent, no trailing zeros."""
    text = format(value.normalize(), "f")
    return text


def quantize(value: Decimal) -> Decimal:
    return value.quantize(SCORE_PLACES, ROUND_HALF_UP)


# Definitions -----------------------------------------------------------------------------------------


def _number(value, where: str, errors: list[str], minimum: Decimal | None = None, maximum: Decimal | None = None):
    number = dec(value)
    if number is None:
        errors.append(_("{where}: “{value}” is not a number.").format(where=where, value=value))
        return None
    if minimum is not None and number < minimum:
        errors.append(_("{where}: {value} is below {minimum}.").format(where=where, value=value, minimum=minimum))
    if maximum is not None and number > maximum:
        errors.append(_("{where}: {value} is above {maximum}.").format(where=where, value=value, maximum=maximum))
    return plain(number)


def _rule(rule, where: str, errors: list[str]) -> dict:
    if not isinstance(rule, dict):
        errors.append(_("{where}: the scoring rule is missing.").format(where=where))
        return {}
    kind = rule.get("kind")
    if kind == RuleKind.LINEAR:
        low = _number(rule.get("from"), where, errors)
        high = _number(rule.get("to"), where, errors)
        if low is not None and high is not None and Decimal(low) == Decimal(high):
            errors.append(_("{where}: a linear rule needs two different values.").format(where=where))
        return {"kind": kind, "from": low, "to": high}
    if kind == RuleKind.STEPS:
        steps = rule.get("steps")
        if not isinstance(steps, list) or not steps:
            errors.append(_("{where}: a steps rule needs at least one threshold.").format(where=where))
            return {"kind": kind, "steps": [], "below": "0"}
        clean = []
        for step in steps:
            if not isinstance(step, list | tuple) or len(step) != 2:
                errors.append(_("{where}: each step is a pair [threshold, score].").format(where=where))
                continue
            clean.append([_number(step[0], where, errors), _number(step[1], where, errors, Decimal(0), HUNDRED)])
        thresholds = [Decimal(t) for t, _s in clean if t is not None]
        if thresholds != sorted(thresholds) or len(set(thresholds)) != len(thresholds):
            errors.append(_("{where}: the thresholds must be given in increasing order.").format(where=where))
        below = _number(rule.get("below", "0"), where, errors, Decimal(0), HUNDRED)
        return {"kind": kind, "steps": clean, "below": below}
    if kind == RuleKind.CATEGORIES:
        table = rule.get("table")
        if not isinstance(table, dict) or not table:
            errors.append(_("{where}: a category table needs at least one category.").format(where=where))
            table = {}
        match = rule.get("match", "exact")
        if match not in ("exact", "prefix"):
            errors.append(_("{where}: categories match “exact” or “prefix”.").format(where=where))
        clean = {str(key): _number(score, where, errors, Decimal(0), HUNDRED) for key, score in table.items()}
        default = _number(rule.get("default", "0"), where, errors, Decimal(0), HUNDRED)
        return {"kind": kind, "table": clean, "default": default, "match": match}
    errors.append(
        _("{where}: the rule kind “{kind}” is unknown; use linear, steps or categories.").format(where=where, kind=kind)
    )
    return {}


def clean_definition(definition) -> dict:
    """The definition checked and written canonically; raises DefinitionError naming every problem."""
    errors: list[str] = []
    if not isinstance(definition, dict):
        raise DefinitionError([_("The definition must be a JSON object.")])
    hard = definition.get("hard") or {}
    if not isinstance(hard, dict):
        errors.append(_("“hard” must be an object."))
        hard = {}
    minimums = {}
    for zone_class, value in (hard.get("min_capital_per_ha_usd") or {}).items():
        if zone_class not in ZoneClass.values:
            errors.append(
                _("Minimum investment per hectare: “{key}” is not a kind of location ({keys}).").format(
                    key=zone_class, keys=", ".join(ZoneClass.values)
                )
            )
            continue
        minimums[zone_class] = _number(value, _("Minimum investment per hectare"), errors, Decimal(0))
    sectors = {}
    for name in ("prohibited_sectors", "conditional_sectors"):
        codes = hard.get(name) or []
        if not isinstance(codes, list) or not all(isinstance(c, str) and c.strip() for c in codes):
            errors.append(_("The sector lists hold VSIC codes as text."))
            codes = []
        sectors[name] = sorted({c.strip().upper() for c in codes})
    riskiest = hard.get("riskiest_environment_group")
    if riskiest is not None and riskiest not in EnvironmentGroup.values:
        errors.append(_("The riskiest environmental group allowed is 1, 2, 3 or 4."))
    criteria = []
    seen = set()
    items = definition.get("criteria")
    if not isinstance(items, list) or not items:
        errors.append(_("A criteria set needs at least one weighted criterion."))
        items = []
    for position, item in enumerate(items, 1):
        where = _("Criterion {n}").format(n=position)
        if not isinstance(item, dict):
            errors.append(_("{where}: must be an object.").format(where=where))
            continue
        key = item.get("key")
        if key not in CRITERION_TYPES:
            errors.append(
                _("{where}: “{key}” is not a known criterion ({keys}).").format(
                    where=where, key=key, keys=", ".join(CRITERION_TYPES)
                )
            )
            continue
        if key in seen:
            errors.append(_("{where}: “{key}” is listed twice.").format(where=where, key=key))
        seen.add(key)
        weight = _number(item.get("weight"), where, errors, Decimal(0))
        if weight is not None and Decimal(weight) == 0:
            errors.append(_("{where}: the weight must be greater than zero.").format(where=where))
        rule = _rule(item.get("rule"), where, errors)
        if rule and not CRITERION_TYPES[key].numeric and rule.get("kind") != RuleKind.CATEGORIES:
            errors.append(
                _("{where}: “{key}” is a category; score it with a category table.").format(where=where, key=key)
            )
        if rule and CRITERION_TYPES[key].numeric and rule.get("kind") == RuleKind.CATEGORIES:
            errors.append(
                _("{where}: “{key}” is a number; score it linearly or by steps.").format(where=where, key=key)
            )
        unit = str(item.get("unit") or CRITERION_TYPES[key].unit)
        criteria.append({"key": key, "weight": weight, "unit": unit, "rule": rule})
    thresholds = definition.get("thresholds") or {}
    recommend = _number(thresholds.get("recommend", "60"), _("Recommendation threshold"), errors, Decimal(0), HUNDRED)
    conditions = _number(thresholds.get("conditions", "40"), _("Recommendation threshold"), errors, Decimal(0), HUNDRED)
    if recommend is not None and conditions is not None and Decimal(conditions) > Decimal(recommend):
        errors.append(_("The threshold for conditions must not exceed the threshold for a recommendation."))
    if errors:
        raise DefinitionError(errors)
    return {
        "hard": {
            "min_capital_per_ha_usd": minimums,
            **sectors,
            "riskiest_environment_group": riskiest,
        },
        "criteria": criteria,
        "thresholds": {"recommend": recommend, "conditions": conditions},
    }


# Inputs ----------------------------------------------------------------------------------------------


def clean_inputs(inputs: dict) -> tuple[dict, dict[str, str]]:
    """The proposal's inputs as canonical strings, and the problems found, by input name."""
    clean, errors = {}, {}
    for key in NUMERIC_INPUTS:
        value = inputs.get(key)
        if value is None or value == "":
            clean[key] = None
            continue
        number = dec(value)
        if number is None:
            errors[key] = _("“{value}” is not a number.").format(value=value)
        elif number < 0:
            errors[key] = _("The value must not be negative.")
        elif key.endswith("_share") and number > HUNDRED:
            errors[key] = _("A share is at most 100%.")
        else:
            clean[key] = plain(number)
    if clean.get("land_ha") is not None and Decimal(clean["land_ha"]) == 0:
        errors["land_ha"] = _("The land area must be greater than zero.")
    for key, choices in CATEGORY_INPUTS.items():
        value = inputs.get(key) or None
        if value is not None and value not in choices.values:
            errors[key] = _("“{value}” is not one of the choices.").format(value=value)
        clean[key] = value
    group = inputs.get("environment_group")
    if group in (None, ""):
        clean["environment_group"] = None
    else:
        try:
            group = int(group)
        except (TypeError, ValueError):
            group = None
        if group not in EnvironmentGroup.values:
            errors["environment_group"] = _("The environmental group is 1, 2, 3 or 4.")
        clean["environment_group"] = group
    clean["sector_code"] = str(inputs.get("sector_code") or "").strip().upper() or None
    return clean, errors


def _per_ha(amount, land) -> Decimal | None:
    amount, land = dec(amount), dec(land)
    if amount is None or not land:
        return None
    return amount / land


def criterion_value(key: str, inputs: dict):
    """The value a criterion scores: a number (Decimal), a category, or None when not given."""
    if key == "jobs_per_ha":
        return _per_ha(inputs.get("jobs"), inputs.get("land_ha"))
    if key == "budget_per_ha":
        return _per_ha(inputs.get("budget_usd_per_year"), inputs.get("land_ha"))
    if key == "capital_per_ha":
        return _per_ha(inputs.get("capital_usd"), inputs.get("land_ha"))
    if key in ("export_share", "local_purchase_share"):
        return dec(inputs.get(key))
    if key == "priority_sector":
        return inputs.get("sector_code") or None
    return inputs.get(key) or None


# Rules -----------------------------------------------------------------------------------------------


def score_rule(rule: dict, value) -> tuple[Decimal, str | None]:
    """The score (0..100) of `value` under `rule`, and which part of the rule gave it
    (a step's threshold, a category key, "below", "default", or None for a linear rule).
    """
    kind = rule["kind"]
    if kind == RuleKind.LINEAR:
        low, high = Decimal(rule["from"]), Decimal(rule["to"])
        fraction = (Decimal(value) - low) / (high - low)
        fraction = min(max(fraction, Decimal(0)), Decimal(1))
        return quantize(fraction * HUNDRED), None
    if kind == RuleKind.STEPS:
        reached = None
        for threshold, score in rule["steps"]:
            if Decimal(value) >= Decimal(threshold):
                reached = (threshold, score)
        if reached is None:
            return quantize(Decimal(rule["below"])), "below"
        return quantize(Decimal(reached[1])), reached[0]
    table = rule["table"]
    if rule.get("match") == "prefix":
        matches = [key for key in table if str(value).upper().startswith(key.upper())]
        if matches:
            key = max(matches, key=len)
            return quantize(Decimal(table[key])), key
    elif str(value) in table:
        return quantize(Decimal(table[str(value)])), str(value)
    return quantize(Decimal(rule["default"])), "default"


def rule_direction(rule: dict) -> int:
    """+1 when a larger value scores better (a benefit), -1 when it scores worse (a cost)."""
    if rule["kind"] == RuleKind.LINEAR:
        return 1 if Decimal(rule["to"]) > Decimal(rule["from"]) else -1
    if rule["kind"] == RuleKind.STEPS:
        scores = [Decimal(score) for _t, score in rule["steps"]]
        return -1 if scores and scores[-1] < Decimal(rule["below"]) else 1
    return 1


def zone_class_of(zone) -> str:
    """The kind of location a zone gives a project, for the minimum investment per hectare."""
    from japandesk.zones.choices import ZoneKind

    if zone is None:
        return ZoneClass.OUTSIDE
    if zone.kind == ZoneKind.ECONOMIC_ZONE or (zone.parent_id and zone.parent.kind == ZoneKind.ECONOMIC_ZONE):
        return ZoneClass.ECONOMIC_ZONE
    if zone.kind == ZoneKind.INDUSTRIAL_PARK:
        return ZoneClass.INDUSTRIAL_PARK
    return ZoneClass.CLUSTER


def _sector_match(code: str | None, prefixes: list[str]) -> str | None:
    if not code:
        return None
    matches = [prefix for prefix in prefixes if code.upper().startswith(prefix)]
    return max(matches, key=len) if matches else None


def check_hard(hard: dict, inputs: dict) -> list[dict]:
    """Each hard requirement with its status: pass, conditional, fail, or missing (not given)."""
    results = []
    minimums = hard.get("min_capital_per_ha_usd") or {}
    if minimums:
        zone_class = inputs.get("zone_class") or ZoneClass.OUTSIDE
        minimum = minimums.get(zone_class)
        per_ha = _per_ha(inputs.get("capital_usd"), inputs.get("land_ha"))
        if minimum is None:
            status = RequirementStatus.PASS
        elif per_ha is None:
            status = RequirementStatus.MISSING
        else:
            status = RequirementStatus.PASS if per_ha >= Decimal(minimum) else RequirementStatus.FAIL
        results.append(
            {
                "key": "min_capital_per_ha",
                "status": status,
                "value": plain(quantize(per_ha)) if per_ha is not None else None,
                "limit": minimum,
                "zone_class": zone_class,
            }
        )
    code = inputs.get("sector_code")
    for key, failing in (("prohibited_sectors", RequirementStatus.FAIL), ("conditional_sectors", None)):
        prefixes = hard.get(key) or []
        if not prefixes:
            continue
        match = _sector_match(code, prefixes)
        if not code:
            status = RequirementStatus.MISSING
        elif match is None:
            status = RequirementStatus.PASS
        else:
            status = failing or RequirementStatus.CONDITIONAL
        results.append({"key": key, "status": status, "value": code, "limit": match})
    riskiest = hard.get("riskiest_environment_group")
    if riskiest is not None:
        group = inputs.get("environment_group")
        if group is None:
            status = RequirementStatus.MISSING
        else:
            status = RequirementStatus.PASS if int(group) >= int(riskiest) else RequirementStatus.FAIL
        results.append({"key": "environment_group", "status": status, "value": group, "limit": riskiest})
    return results


def appraise(definition: dict, inputs: dict) -> dict:
    """Score `inputs` (as `clean_inputs` writes them) against a clean definition. The result is
    plain JSON data: the same definition and inputs always give the same result.
    """
    rows = []
    total_weight = sum((Decimal(c["weight"]) for c in definition["criteria"]), Decimal(0))
    weighted_sum = Decimal(0)
    for criterion in definition["criteria"]:
        value = criterion_value(criterion["key"], inputs)
        if value is None:
            score, matched = Decimal(0), "missing"
        else:
            score, matched = score_rule(criterion["rule"], value)
        weight = Decimal(criterion["weight"])
        weighted_sum += weight * score
        rows.append(
            {
                "key": criterion["key"],
                "value": None if value is None else (plain(quantize(value)) if isinstance(value, Decimal) else value),
                "score": plain(score),
                "weight": criterion["weight"],
                "share": plain(quantize(weight / total_weight * HUNDRED)),
                "matched": matched,
            }
        )
    total = quantize(weighted_sum / total_weight) if total_weight else Decimal(0)
    hard = check_hard(definition["hard"], inputs)
    statuses = {item["status"] for item in hard}
    hard_pass = RequirementStatus.FAIL not in statuses and RequirementStatus.MISSING not in statuses
    thresholds = definition["thresholds"]
    if not hard_pass or total < Decimal(thresholds["conditions"]):
        recommendation = Recommendation.NOT_RECOMMENDED
    elif total >= Decimal(thresholds["recommend"]) and RequirementStatus.CONDITIONAL not in statuses:
        recommendation = Recommendation.RECOMMEND
    else:
        recommendation = Recommendation.CONDITIONS
    return {
        "criteria": rows,
        "total": plain(total),
        "hard": hard,
        "hard_pass": hard_pass,
        "recommendation": str(recommendation),
    }


# Explanations (in the reader's language, from the stored rule and value) --------------------------------


def _fmt(value) -> str:
    number = dec(value)
    return formatting.number(number) if number is not None else str(value)


def category_label(key: str, value) -> str:
    choices = CATEGORY_INPUTS.get(key)
    if choices is not None and value in choices.values:
        return str(choices(value).label)
    return str(value)


def explain(criterion: dict, row: dict) -> str:
    """Why a criterion scored what it did, for the reader."""
    rule = criterion["rule"]
    unit = criterion.get("unit") or ""
    score = _fmt(row["score"])
    if row["matched"] == "missing" or row["value"] is None:
        return _("Not given: scores 0.")
    value = f"{_fmt(row['value'])} {unit}".strip()
    if rule["kind"] == RuleKind.LINEAR:
        return _("{value}: 0 points at {low}, 100 points at {high}, in a straight line between → {score}.").format(
            value=value, low=_fmt(rule["from"]), high=_fmt(rule["to"]), score=score
        )
    if rule["kind"] == RuleKind.STEPS:
        if row["matched"] == "below":
            return _("{value} is below the first threshold ({threshold}) → {score}.").format(
                value=value, threshold=_fmt(rule["steps"][0][0]), score=score
            )
        return _("{value} reaches the threshold {threshold} → {score}.").format(
            value=value, threshold=_fmt(row["matched"]), score=score
        )
    label = category_label(criterion["key"], row["value"])
    if row["matched"] == "default":
        return _("“{value}” is not in the table: the default score {score}.").format(value=label, score=score)
    if rule.get("match") == "prefix":
        return _("{value} falls under “{key}” in the table → {score}.").format(
            value=label, key=row["matched"], score=score
        )
    return _("“{value}” scores {score} in the table.").format(value=label, score=score)


def describe_rule(criterion: dict) -> str:
    rule = criterion["rule"]
    unit = criterion.get("unit") or ""
    if rule["kind"] == RuleKind.LINEAR:
        return _("0 points at {low} {unit}, 100 points at {high} {unit}, linear between, clamped.").format(
            low=_fmt(rule["from"]), high=_fmt(rule["to"]), unit=unit
        )
    if rule["kind"] == RuleKind.STEPS:
        steps = "; ".join(f"≥ {_fmt(t)} {unit}: {_fmt(s)}" for t, s in rule["steps"])
        return _("{steps}; below: {below}.").format(steps=steps, below=_fmt(rule["below"]))
    table = "; ".join(f"{category_label(criterion['key'], k)}: {_fmt(v)}" for k, v in rule["table"].items())
    return _("{table}; anything else: {default}.").format(table=table, default=_fmt(rule["default"]))


def requirement_label(key: str) -> str:
    return {
        "min_capital_per_ha": _("Minimum investment per hectare"),
        "prohibited_sectors": _("Prohibited sectors"),
        "conditional_sectors": _("Conditional sectors"),
        "environment_group": _("Environmental risk group"),
    }.get(key, key)


def explain_requirement(item: dict) -> str:
    status = item["status"]
    key = item["key"]
    if status == RequirementStatus.MISSING:
        return _("Not given: the requirement cannot be checked.")
    if key == "min_capital_per_ha":
        if item["limit"] is None:
            return _("No minimum for this location.")
        return _("{value} USD/ha against a minimum of {limit} USD/ha ({location}).").format(
            value=_fmt(item["value"]), limit=_fmt(item["limit"]), location=ZoneClass(item["zone_class"]).label
        )
    if key == "prohibited_sectors":
        if item["limit"]:
            return _("Sector {code} falls under the prohibited code {prefix}.").format(
                code=item["value"], prefix=item["limit"]
            )
        return _("Sector {code} is not prohibited.").format(code=item["value"])
    if key == "conditional_sectors":
        if item["limit"]:
            return _("Sector {code} falls under the conditional code {prefix}: its conditions must be met.").format(
                code=item["value"], prefix=item["limit"]
            )
        return _("Sector {code} carries no extra conditions.").format(code=item["value"])
    if key == "environment_group":
        return _("{group}; the riskiest group allowed is {limit}.").format(
            group=EnvironmentGroup(int(item["value"])).label, limit=EnvironmentGroup(int(item["limit"])).label
        )
    return ""
