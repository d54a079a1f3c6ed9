"""Land arithmetic: dated land figures, available land and occupancy, economic zones summed from
their parks, and plots held until an expiry date."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from japandesk.core.models import AuditEntry
from japandesk.zones import queries, services
from japandesk.zones.models import LandFigure, Plot


def test_available_land_and_occupancy_come_from_the_latest_figure(officer, park):
    # given a second, later figure
    services.record_land_figure(
        park, date=datetime.date(2025, 6, 30), leasable_ha=Decimal("110"), leased_ha=Decimal("77"), actor=officer
    )

    # when the land is read as of today and as of the end of 2024
    now = queries.land_on([park])[park.pk]
    before = queries.land_on([park], datetime.date(2025, 1, 1))[park.pk]

    # then each reads its own figure
    assert (now.leasable_ha, now.leased_ha, now.available_ha, now.occupancy) == (
        Decimal("110"),
        Decimal("77"),
        Decimal("33"),
        Decimal("0.7"),
    )
    assert (before.available_ha, before.occupancy, before.date) == (
        Decimal("40"),
        Decimal("0.6"),
        datetime.date(2024, 12, 31),
    )
    assert queries.land_on([park], datetime.date(2024, 1, 1)) == {}


def test_an_economic_zone_without_figures_adds_up_its_parks(officer, zones, park):
    # given two parks in Van Don with figures
    services.update_zone(park, actor=officer, parent=zones["van_don"])
    other = services.create_zone(
        actor=officer, code="doan-ket-ip", name="KCN Đoàn Kết", kind="ip", parent=zones["van_don"]
    )
    services.record_land_figure(
        other, date=datetime.date(2025, 3, 31), leasable_ha=Decimal("50.5"), leased_ha=Decimal("10.25"), actor=officer
    )

    # when the economic zone's land is read
    land = queries.land_on([zones["van_don"]])[zones["van_don"].pk]

    # then it is the sum of its parks' latest figures
    assert (land.leasable_ha, land.leased_ha, land.available_ha, land.derived, land.date) == (
        Decimal("150.5"),
        Decimal("70.25"),
        Decimal("80.25"),
        True,
        datetime.date(2025, 3, 31),
    )


@pytest.mark.parametrize(
    ("leasable", "leased", "field"),
    [("100", "100.01", "leased_ha"), ("120.01", "0", "leasable_ha"), ("-1", "0", "leasable_ha")],
    ids=["leased-above-leasable", "above-industrial-land", "negative"],
)
def test_impossible_land_figures_are_refused_and_nothing_is_written(officer, park, leasable, leased, field):
    with pytest.raises(ValidationError) as error:
        services.record_land_figure(
            park,
            date=datetime.date(2025, 1, 31),
            leasable_ha=Decimal(leasable),
            leased_ha=Decimal(leased),
            actor=officer,
        )
    assert list(error.value.message_dict) == [field]
    assert LandFigure.objects.filter(zone=park).count() == 1


def test_a_figure_in_the_future_is_refused(officer, park, today):
    with pytest.raises(ValidationError) as error:
        services.record_land_figure(
            park, date=today + datetime.timedelta(days=1), leasable_ha=Decimal(1), leased_ha=Decimal(0), actor=officer
        )
    assert list(error.value.message_dict) == ["date"]


def test_a_figure_for_the_same_date_replaces_the_earlier_one_and_is_audited(officer, park):
    figure = services.record_land_figure(
        park, date=datetime.date(2024, 12, 31), leasable_ha=Decimal("100"), leased_ha=Decimal("65"), actor=officer
    )
    assert LandFigure.objects.filter(zone=park).count() == 1
    assert figure.available_ha == Decimal("35")
    entry = AuditEntry.objects.filter(object_id=str(figure.pk), object_repr__contains="2024-12-31").first()
    assert (entry.action, entry.before["leased_ha"], entry.after["leased_ha"]) == ("update", "60.00", "65.00")


def test_plots_cannot_cover_more_than_the_leasable_land(officer, park):
    services.create_plot(park, code="A1", area_ha=Decimal("60"), actor=officer)
    services.create_plot(park, code="A2", area_ha=Decimal("40"), actor=officer)
    with pytest.raises(ValidationError) as error:
        services.create_plot(park, code="A3", area_ha=Decimal("0.01"), actor=officer)
    assert list(error.value.message_dict) == ["area_ha"]
    with pytest.raises(ValidationError):
        services.create_plot(park, code="A1", area_ha=Decimal("0.01"), actor=officer)
    assert Plot.objects.filter(zone=park).count() == 2


def test_a_hold_lasts_until_its_expiry_date_then_the_plot_is_available(officer, park, today):
    plot = services.create_plot(park, code="A1", area_ha=Decimal("5"), actor=officer)
    until = today + datetime.timedelta(days=14)

    plot = services.hold_plot(plot, until=until, prospect="Sample Denshi K.K.", actor=officer)

    assert (plot.status_on(today), plot.status_on(until), plot.status_on(until + datetime.timedelta(days=1))) == (
        "held",
        "held",
        "available",
    )
    assert queries.plot_totals(park, today) == {"available": Decimal(0), "held": Decimal("5"), "leased": Decimal(0)}
    assert queries.plot_totals(park, until + datetime.timedelta(days=1))["available"] == Decimal("5")


def test_a_held_plot_cannot_be_held_for_someone_else(officer, park, today):
    plot = services.create_plot(park, code="A1", area_ha=Decimal("5"), actor=officer)
    services.hold_plot(plot, until=today, prospect="First K.K.", actor=officer)
    with pytest.raises(ValidationError):
        services.hold_plot(plot, until=today, prospect="Second K.K.", actor=officer)
    # the holder may extend the hold
    plot = services.hold_plot(plot, until=today + datetime.timedelta(days=7), prospect="First K.K.", actor=officer)
    assert plot.held_until == today + datetime.timedelta(days=7)


@pytest.mark.parametrize(
    ("days", "prospect", "field"), [(-1, "First K.K.", "until"), (3, "", "prospect")], ids=["expired", "no-holder"]
)
def test_a_hold_needs_a_holder_and_a_date_to_come(officer, park, today, days, prospect, field):
    plot = services.create_plot(park, code="A1", area_ha=Decimal("5"), actor=officer)
    with pytest.raises(ValidationError) as error:
        services.hold_plot(plot, until=today + datetime.timedelta(days=days), prospect=prospect, actor=officer)
    assert list(error.value.message_dict) == [field]
    plot.refresh_from_db()
    assert plot.status == "available"


def test_leasing_a_held_plot_keeps_its_holder_and_a_leased_plot_cannot_be_held(officer, park, today):
    plot = services.create_plot(park, code="A1", area_ha=Decimal("5"), actor=officer)
    services.hold_plot(plot, until=today, prospect="First K.K.", actor=officer)
    plot = services.lease_plot(plot, actor=officer)
    assert (plot.status, plot.prospect, plot.held_until) == ("leased", "First K.K.", None)
    with pytest.raises(ValidationError):
        services.hold_plot(plot, until=today, prospect="First K.K.", actor=officer)
    plot = services.release_plot(plot, actor=officer)
    assert (plot.status, plot.prospect) == ("available", "")


def test_a_plot_can_be_held_for_a_crm_lead(officer, park, today):
    from japandesk.crm import services as crm

    lead = crm.create_lead(officer, pipeline="investment", title="Sample Denshi: second factory")
    plot = services.create_plot(park, code="A1", area_ha=Decimal("5"), actor=officer)

    plot = services.hold_plot(plot, until=today, lead=lead, actor=officer)

    assert (plot.current_status, plot.lead_id, plot.lead) == ("held", lead.pk, lead)
    with pytest.raises(ValidationError) as error:
        services.hold_plot(
            services.create_plot(park, code="A2", area_ha=Decimal("5"), actor=officer),
            until=today,
            lead=lead.pk + 1000,
            actor=officer,
        )
    assert error.value.message_dict == {"lead": [f"There is no CRM lead number {lead.pk + 1000}."]}
