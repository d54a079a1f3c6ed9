"""The in-memory copy of the ledger behind the dashboard (registry.analytics): its figures
agree with the SQL reading of the ledger on every date, and it is never used for a state the
database does not hold.
"""

import datetime
import random
from decimal import Decimal

import pytest
from django.db import transaction

from japandesk.registry import analytics, queries, services
from japandesk.registry.models import DataStamp, LedgerEvent, Project

D = datetime.date


@pytest.fixture
def random_ledger(officer, countries, sectors, zones):
    """Fourteen projects with a seeded mix of registrations, increases, decreases, share purchases
    that hand the project to an investor of another economy, terminations, several events on one
    day and disbursements, all through the services."""
    rng = random.Random(20261127)
    investors = {
        code: services.create_investor(actor=officer, name=f"Investor {code}", country=country)
        for code, country in countries.items()
    }
    zone_choices = [None, *zones.values()]
    sector_choices = list(sectors.values())
    for number in range(14):
        code = f"QN-R-{number:03d}"
        project = services.create_project(
            actor=officer,
            code=code,
            name=f"Project {code}",
            sector=rng.choice(sector_choices),
            zone=rng.choice(zone_choices),
        )
        day = D(2010, 1, 1) + datetime.timedelta(days=rng.randrange(0, 4000))
        capital = Decimal(rng.randrange(100, 9000) * 10_000) + Decimal("0.25")
        services.record_event(
            project,
            actor=officer,
            kind="registration",
            date=day,
            certificate_no=f"{code}-0",
            capital_usd=capital,
            capital_vnd=capital * 25_000,
            lineup=[(investors[rng.choice(list(investors))], Decimal(100))],
        )
        for step in range(1, rng.randrange(2, 7)):
            day += datetime.timedelta(days=rng.choice([0, 0, 30, 200, 500]))
            if day > D(2025, 6, 30):
                break
            kind = rng.choice(["increase", "increase", "decrease", "share_purchase", "termination"])
            amount = Decimal(rng.randrange(1, 50) * 10_000) + Decimal("0.10")
            if kind == "decrease":
                amount = min(amount, capital - 1)
            extra = {}
            if kind == "share_purchase":
                extra = {"lineup": [(investors[rng.choice(list(investors))], Decimal(100))]}
                amount = Decimal(0)
            services.record_event(
                project,
                actor=officer,
                kind=kind,
                date=day,
                certificate_no=f"{code}-{step}",
                capital_usd=None if kind == "termination" else amount,
                capital_vnd=None if kind == "termination" else amount * 25_000,
                **extra,
            )
            capital += amount if kind == "increase" else -amount if kind == "decrease" else 0
            if kind == "termination":
                break
        for year in range(2012, 2026, rng.randrange(2, 5)):
            services.record_disbursement(
                project,
                actor=officer,
                date=D(year, 6, 30),
                amount_usd=Decimal(rng.randrange(1, 99) * 1000) + Decimal("0.05"),
                amount_vnd=Decimal(1),
            )
    return Project.objects.count()


DATES = [
    D(2009, 12, 31),
    D(2012, 3, 1),
    D(2014, 12, 31),
    D(2016, 7, 15),
    D(2019, 1, 1),
    D(2022, 12, 31),
    D(2025, 11, 1),
]


@pytest.mark.parametrize("on", DATES, ids=str)
def test_the_figures_agree_with_the_sql_reading_of_the_ledger(random_ledger, on):
    states = queries.project_states(on)
    by_origin = {}
    for state in states:
        count, total = by_origin.get(state.origin, (0, Decimal(0)))
        by_origin[state.origin] = (count + 1, total + state.capital_usd)

    figures = queries.summary(on)

    assert figures["projects"] == len(states)
    assert figures["registered_capital_usd"] == sum((s.capital_usd for s in states), Decimal(0))
    assert {b.key: (b.projects, b.capital_usd) for b in figures["by_origin"]} == by_origin


@pytest.mark.parametrize("origin", ["JP", "KR", "SG"])
def test_filtered_figures_agree_with_the_sql_reading(random_ledger, origin, zones):
    on = D(2025, 11, 1)
    states = [s for s in queries.project_states(on) if s.origin == origin]
    in_parks = [s for s in states if s.zone_kind in ("ip", "ez")]

    figures = queries.summary(on, queries.Filters(origin=origin))
    parks = queries.summary(on, queries.Filters(origin=origin, in_zones=True))

    assert (figures["projects"], figures["registered_capital_usd"]) == (
        len(states),
        sum((s.capital_usd for s in states), Decimal(0)),
    )
    assert (parks["projects"], parks["registered_capital_usd"]) == (
        len(in_parks),
        sum((s.capital_usd for s in in_parks), Decimal(0)),
    )


def test_every_year_end_of_the_series_is_the_state_of_that_day(random_ledger):
    series = queries.yearly_series(D(2025, 11, 1))

    for row in series[:-1]:
        states = queries.project_states(D(row["year"], 12, 31))
        assert (row["year"], row["projects"], row["registered_capital_usd"]) == (
            row["year"],
            len(states),
            sum((s.capital_usd for s in states), Decimal(0)),
        )
    assert len(series) == 2025 - series[0]["year"] + 1


def test_a_write_through_the_services_changes_the_stamp_and_the_figures(officer, registered_project):
    on = D(2024, 12, 31)
    before = queries.summary(on)
    token = analytics.current_token()

    services.record_event(
        registered_project,
        actor=officer,
        kind="increase",
        date=D(2024, 5, 1),
        certificate_no="IRC-T-001-9",
        capital_usd=Decimal("1500000.50"),
        capital_vnd=Decimal(1),
    )

    assert analytics.current_token() != token
    after = queries.summary(on)
    assert after["registered_capital_usd"] - before["registered_capital_usd"] == Decimal("1500000.50")


def test_a_save_through_the_orm_changes_the_stamp(registered_project):
    token = analytics.current_token()

    Project.objects.get(pk=registered_project.pk).save()

    assert analytics.current_token() != token


def test_a_rolled_back_write_leaves_no_trace_in_the_figures(officer, registered_project):
    on = D(2024, 12, 31)
    before = queries.summary(on)["registered_capital_usd"]
    token = analytics.current_token()

    with pytest.raises(RuntimeError), transaction.atomic():
        services.record_event(
            registered_project,
            actor=officer,
            kind="increase",
            date=D(2024, 5, 1),
            certificate_no="IRC-T-001-9",
            capital_usd=Decimal(7_000_000),
            capital_vnd=Decimal(1),
        )
        assert queries.summary(on)["registered_capital_usd"] == before + Decimal(7_000_000)
        raise RuntimeError("abandon the change")

    assert analytics.current_token() == token
    assert LedgerEvent.objects.filter(certificate_no="IRC-T-001-9").count() == 0
    assert queries.summary(on)["registered_capital_usd"] == before


def test_the_stamp_is_kept_in_one_row(officer, registered_project):
    services.record_disbursement(
        registered_project, actor=officer, date=D(2022, 1, 1), amount_usd=Decimal(5), amount_vnd=Decimal(1)
    )

    assert list(DataStamp.objects.values_list("key", flat=True)) == ["registry"]
