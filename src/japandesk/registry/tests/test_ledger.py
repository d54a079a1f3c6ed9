import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from japandesk.core.models import AuditEntry
from japandesk.registry import queries, services
from japandesk.registry.models import Project

D = datetime.date


def test_capital_follows_increases_and_decreases(officer, registered_project):
    # given a project registered with USD 10 million in 2020
    services.record_event(
        registered_project,
        actor=officer,
        kind="increase",
        date=D(2021, 5, 1),
        certificate_no="IRC-T-001-1",
        capital_usd=Decimal("4000000"),
        capital_vnd=Decimal(1),
    )
    services.record_event(
        registered_project,
        actor=officer,
        kind="decrease",
        date=D(2022, 5, 1),
        certificate_no="IRC-T-001-2",
        capital_usd=Decimal("1500000"),
        capital_vnd=Decimal(1),
    )
    # then its capital on each date is the sum of the events up to that date
    capital = {
        on: Project.objects.as_of(on).get().capital_usd
        for on in [D(2020, 3, 1), D(2020, 3, 2), D(2021, 12, 31), D(2022, 5, 1)]
    }
    assert capital == {
        D(2020, 3, 1): Decimal("0.00"),
        D(2020, 3, 2): Decimal("10000000.00"),
        D(2021, 12, 31): Decimal("14000000.00"),
        D(2022, 5, 1): Decimal("12500000.00"),
    }


def test_termination_removes_the_project_from_active_figures(officer, registered_project):
    services.record_event(
        registered_project, actor=officer, kind="termination", date=D(2024, 1, 10), certificate_no="QD-T-001"
    )
    before = queries.summary(D(2024, 1, 9))
    after = queries.summary(D(2024, 1, 10))
    assert (before["projects"], before["registered_capital_usd"]) == (1, Decimal("10000000.00"))
    assert (after["projects"], after["registered_capital_usd"]) == (0, Decimal(0))
    assert Project.objects.as_of(D(2024, 1, 10)).get().status == "terminated"


def test_decrease_larger_than_capital_is_refused_and_nothing_is_written(officer, registered_project):
    with pytest.raises(ValidationError, match="larger than the project's capital"):
        services.record_event(
            registered_project,
            actor=officer,
            kind="decrease",
            date=D(2021, 1, 1),
            certificate_no="IRC-T-001-X",
            capital_usd=Decimal("10000000.01"),
            capital_vnd=Decimal(1),
        )
    assert registered_project.events.count() == 1


def test_event_before_registration_is_refused(officer, registered_project):
    with pytest.raises(ValidationError, match="comes before the project's registration"):
        services.record_event(
            registered_project,
            actor=officer,
            kind="increase",
            date=D(2019, 1, 1),
            certificate_no="IRC-T-001-Y",
            capital_usd=Decimal("1"),
            capital_vnd=Decimal(1),
        )


def test_every_ledger_change_is_audited_with_before_and_after(officer, registered_project):
    event = registered_project.events.get()
    services.record_event(
        registered_project,
        actor=officer,
        kind="registration",
        date=D(2020, 3, 2),
        certificate_no="IRC-T-001",
        capital_usd=Decimal("11000000"),
        capital_vnd=Decimal(1),
        lineup=[(p.investor, p.share) for p in event.participations.all()],
        event=event,
    )
    entry = AuditEntry.objects.filter(object_id=str(event.pk), action="update").get()
    assert entry.actor == officer
    assert (entry.before["capital_change_usd"], entry.after["capital_change_usd"]) == ("10000000.00", "11000000.00")


def test_origin_follows_a_share_purchase(officer, registered_project, countries):
    buyer = services.create_investor(actor=officer, name="Korea Parts Co.", country=countries["KR"])
    services.record_event(
        registered_project,
        actor=officer,
        kind="share_purchase",
        date=D(2023, 6, 1),
        certificate_no="IRC-T-001-SP",
        capital_usd=Decimal(0),
        capital_vnd=Decimal(0),
        lineup=[
            (buyer, Decimal(70)),
            (registered_project.events.get(kind="registration").participations.get().investor, Decimal(30)),
        ],
    )
    assert [s.origin for s in queries.project_states(D(2023, 5, 31))] == ["JP"]
    assert [s.origin for s in queries.project_states(D(2023, 6, 1))] == ["KR"]
    assert Project.objects.as_of(D(2023, 6, 1)).get().origin_code == "KR"
