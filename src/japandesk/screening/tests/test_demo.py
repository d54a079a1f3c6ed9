"""The demonstration data: an illustrative criteria set, commitments and reports for a share of
the registry's demonstration projects, a few appraisals; deterministic and loaded once.
"""

import datetime
from decimal import Decimal

import pytest
from django.db import transaction

from japandesk.core.demo import load_fx_rates
from japandesk.registry import demo as registry_demo
from japandesk.registry import reference
from japandesk.screening import demo, queries, services
from japandesk.screening.choices import Flag, ReviewGround, VersionStatus
from japandesk.screening.models import Appraisal, Commitment, CriteriaSet, MonitoringReport
from japandesk.zones import demo as zones_demo

AS_OF = datetime.date(2025, 12, 31)


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker):
    """The zones, registry and screening demonstration data, loaded once for this module."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            load_fx_rates()
            reference.load()
            zones_demo.load()
            registry_demo.load()
            first = demo.load()
            yield first
            transaction.set_rollback(True)


def counts() -> dict:
    return {
        "sets": CriteriaSet.objects.count(),
        "commitments": Commitment.objects.count(),
        "reports": MonitoringReport.objects.count(),
        "appraisals": Appraisal.objects.count(),
    }


@pytest.mark.django_db
def test_demo_loads_once_and_is_idempotent(demo_data):
    loaded = counts()
    assert demo_data == {
        "criteria_set": True,
        "commitments": loaded["commitments"],
        "reports": loaded["reports"],
        "appraisals": 4,
    }
    assert loaded["commitments"] > 40
    assert loaded["reports"] > 4 * loaded["commitments"]
    assert demo.load() == {"criteria_set": False, "commitments": 0, "reports": 0, "appraisals": 0}
    assert counts() == loaded
    criteria_set = CriteriaSet.objects.get()
    assert criteria_set.illustrative is True
    assert criteria_set.current.status == VersionStatus.PUBLISHED
    assert criteria_set.current.definition["hard"]["min_capital_per_ha_usd"]["ez"] == "1500000"


@pytest.mark.django_db
def test_demo_dashboard_shows_projects_behind_schedule_and_idle_land(demo_data):
    figures = queries.effectiveness(AS_OF)
    assert figures["total"].projects == Commitment.objects.count()
    assert figures["japan"].projects >= 3
    assert figures["flags"][Flag.BEHIND_CAPITAL] >= 5
    assert figures["flags"][Flag.IDLE_LAND] >= 5
    assert figures["grounds"][ReviewGround.NOT_OPERATING] >= 1
    assert 0 < figures["total"].realised_usd < figures["total"].committed_capital_usd
    assert figures["flags"][Flag.BEHIND_CAPITAL] < figures["total"].projects
    trend = queries.trend(AS_OF)
    assert [row["year"] for row in trend][-1] == 2025
    assert trend[-1]["all"].realised_usd == figures["total"].realised_usd


@pytest.mark.django_db
def test_demo_appraisals_are_reproducible_and_ranked(demo_data):
    appraisals = list(Appraisal.objects.order_by("title"))
    assert [a.recommendation for a in appraisals] == [
        "recommend",
        "recommend",
        "not_recommended",
        "conditions",
    ]
    for appraisal in appraisals:
        assert services.recompute(appraisal) == appraisal.result
        assert appraisal.total_score == Decimal(appraisal.result["total"])
        assert appraisal.peers["peers"] >= 5
