"""Fixtures of the screening tests, built through the services."""

import copy
import datetime
from decimal import Decimal

import pytest

from japandesk.core.tests.conftest import browser, outside_requests, page  # noqa: F401 - the browser fixtures
from japandesk.screening import services
from japandesk.screening.demo import ILLUSTRATIVE_DEFINITION


@pytest.fixture
def definition():
    return copy.deepcopy(ILLUSTRATIVE_DEFINITION)


@pytest.fixture
def published(administrator, definition):
    """The illustrative criteria, version 1, published."""
    criteria_set = services.create_criteria_set(actor=administrator, name="Provincial rules", definition=definition)
    return services.publish(criteria_set.versions.get(), actor=administrator)


PROPOSAL = {
    "capital_usd": "60000000",
    "land_ha": "12",
    "jobs": "900",
    "budget_usd_per_year": "1800000",
    "export_share": "85",
    "local_purchase_share": "25",
    "technology_level": "high",
    "training": "japanese_standard",
    "low_carbon": "energy_saving",
    "environment_group": 3,
}


@pytest.fixture
def appraise(officer, published, sectors, zones):
    def make(title="Proposal", inputs=None, zone="dong_mai", sector="26", version=None, **extra):
        return services.create_appraisal(
            actor=officer,
            version=version or published,
            title=title,
            sector=sectors[sector],
            zone=zones[zone] if zone else None,
            inputs=dict(PROPOSAL if inputs is None else inputs),
            appraised_on=datetime.date(2026, 1, 15),
            **extra,
        )

    return make


@pytest.fixture
def committed_project(officer, registered_project):
    """The registered project (USD 10 million, 5.5 ha, 2020) with its commitments: operation
    by 2021-06-01, USD 4 million by 2020-12-31, 8 million by 2021-12-31, 10 million by 2022-12-31.
    """
    services.set_commitment(
        registered_project,
        actor=officer,
        capital_usd=Decimal("10000000"),
        jobs=300,
        land_ha=Decimal("5.5"),
        operation_date=datetime.date(2021, 6, 1),
        milestones=[
            (datetime.date(2020, 12, 31), Decimal("4000000")),
            (datetime.date(2021, 12, 31), Decimal("8000000")),
            (datetime.date(2022, 12, 31), Decimal("10000000")),
        ],
    )
    return registered_project


def report(project, actor, date, capital, jobs=0, land="0", operating=False, taxes="0"):
    return services.record_report(
        project,
        actor=actor,
        date=date,
        realised_capital_usd=Decimal(capital),
        jobs=jobs,
        land_in_use_ha=Decimal(land),
        operating=operating,
        revenue_usd=Decimal(0),
        taxes_usd=Decimal(taxes),
        exports_usd=Decimal(0),
        local_purchases_usd=Decimal(0),
    )


@pytest.fixture(autouse=True)
def english():
    """Messages are compared in English; pages choose their language per request."""
    from django.utils import translation

    with translation.override("en"):
        yield
