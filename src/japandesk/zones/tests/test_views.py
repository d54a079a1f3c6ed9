"""The zone pages: who may read and change them, and what they show."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from japandesk.zones import services
from japandesk.zones.models import LandFigure, Plot, ZonePhoto


@pytest.fixture
def signed_in(client):
    def sign(user):
        client.force_login(user)
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
        return client

    return sign


PAGES = [
    ("zones:zone-list", {}),
    ("zones:map", {}),
    ("zones:compare", {}),
    ("zones:fit", {}),
    ("zones:zone-detail", {"code": "dong-mai-ip"}),
]
EDIT_PAGES = [
    ("zones:zone-create", {}),
    ("zones:zone-update", {"code": "dong-mai-ip"}),
    ("zones:land-create", {"code": "dong-mai-ip"}),
    ("zones:plot-create", {"code": "dong-mai-ip"}),
    ("zones:text-edit", {"code": "dong-mai-ip", "language": "ja"}),
    ("zones:photo-create", {"code": "dong-mai-ip"}),
]


@pytest.mark.parametrize(("name", "kwargs"), PAGES + EDIT_PAGES, ids=[p[0] for p in PAGES + EDIT_PAGES])
def test_anonymous_visitors_are_sent_to_sign_in(client, park, name, kwargs):
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(("name", "kwargs"), PAGES, ids=[p[0] for p in PAGES])
def test_leaders_read_every_page(signed_in, leader, park, name, kwargs):
    assert signed_in(leader).get(reverse(name, kwargs=kwargs)).status_code == 200


@pytest.mark.parametrize(("name", "kwargs"), EDIT_PAGES, ids=[p[0] for p in EDIT_PAGES])
def test_leaders_change_nothing(signed_in, leader, park, name, kwargs):
    client = signed_in(leader)
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 403
    assert client.post(reverse(name, kwargs=kwargs), {}).status_code == 403


def test_leaders_cannot_hold_or_lease_plots(signed_in, leader, officer, park):
    plot = services.create_plot(park, code="A1", area_ha=Decimal(5), actor=officer)
    client = signed_in(leader)
    assert client.post(reverse("zones:plot-action", args=[park.code, plot.pk, "lease"])).status_code == 403
    assert client.get(reverse("zones:plot-hold", args=[park.code, plot.pk])).status_code == 403
    assert Plot.objects.get(pk=plot.pk).status == "available"


def test_the_zone_page_shows_land_bank_and_occupancy(signed_in, leader, park):
    response = signed_in(leader).get(reverse("zones:zone-detail", args=[park.code]))
    html = response.content.decode()
    assert 'data-figure="available">40.00<' in html
    assert 'data-figure="occupancy">60.0%<' in html
    assert response.context["chart_data"]["occupancy"] == [60.0]


def test_an_officer_records_a_land_figure_typed_the_vietnamese_way(signed_in, officer, park):
    client = signed_in(officer)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "vi"
    response = client.post(
        reverse("zones:land-create", args=[park.code]),
        {"date": "2025-06-30", "leasable_ha": "100,5", "leased_ha": "70,25", "source_note": "BQL"},
    )
    assert response.status_code == 302
    figure = LandFigure.objects.get(zone=park, date=datetime.date(2025, 6, 30))
    assert (figure.leasable_ha, figure.leased_ha, figure.available_ha) == (
        Decimal("100.50"),
        Decimal("70.25"),
        Decimal("30.25"),
    )


def test_an_impossible_land_figure_is_shown_on_the_form_in_the_readers_language(signed_in, officer, park):
    client = signed_in(officer)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    response = client.post(
        reverse("zones:land-create", args=[park.code]),
        {"date": "2025-06-30", "leasable_ha": "50", "leased_ha": "60"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["leased_ha"] == [
        "The leased land (60 ha) cannot exceed the leasable land (50 ha)."
    ]
    assert LandFigure.objects.filter(zone=park).count() == 1
    # in Vietnamese, with the numbers written the Vietnamese way
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "vi"
    response = client.post(
        reverse("zones:land-create", args=[park.code]),
        {"date": "2025-06-30", "leasable_ha": "50,5", "leased_ha": "60,25"},
    )
    assert response.context["form"].errors["leased_ha"] == [
        "Đất đã cho thuê (60,25 ha) không thể vượt quá đất cho thuê (50,5 ha)."
    ]


def test_an_officer_holds_a_plot_for_a_prospect(signed_in, officer, park, today):
    plot = services.create_plot(park, code="A1", area_ha=Decimal(5), actor=officer)
    until = today + datetime.timedelta(days=30)
    response = signed_in(officer).post(
        reverse("zones:plot-hold", args=[park.code, plot.pk]), {"until": until.isoformat(), "prospect": "Sample K.K."}
    )
    assert response.status_code == 302
    plot.refresh_from_db()
    assert (plot.status, plot.prospect, plot.held_until) == ("held", "Sample K.K.", until)


def test_the_fit_page_ranks_and_leaves_out(signed_in, leader, park, zones):
    response = signed_in(leader).get(reverse("zones:fit"), {"land_ha": "30", "kinds": ["ip", "cluster"]})
    assert [f.zone.code for f in response.context["ranked"]] == ["dong-mai-ip"]
    assert [f.zone.code for f in response.context["excluded"]] == ["kim-son-cluster"]


@pytest.mark.parametrize(
    ("codes", "shown", "error"),
    [
        (["dong-mai-ip", "van-don-ez"], 2, ""),
        (["dong-mai-ip"], 0, "Choose between two and four zones to compare."),
        (["dong-mai-ip", "nowhere"], 0, "Some of the zones asked for do not exist."),
    ],
    ids=["two", "one", "unknown"],
)
def test_comparison_takes_two_to_four_zones(signed_in, leader, park, zones, codes, shown, error):
    response = signed_in(leader).get(reverse("zones:compare"), {"zone": codes})
    assert (len(response.context["zones"]), response.context["error"]) == (shown, error)


def test_the_catalogue_filters_by_target_sector_and_japanese_standard(signed_in, leader, officer, park, zones, sectors):
    services.update_zone(park, actor=officer, target_sectors=[sectors["26"]])
    client = signed_in(leader)
    by_section = client.get(reverse("zones:zone-list"), {"sector": "C"})
    assert [z.code for z in by_section.context["zones"]] == ["dong-mai-ip"]
    japanese = client.get(reverse("zones:zone-list"), {"japanese_standard": "true"})
    assert [z.code for z in japanese.context["zones"]] == ["dong-mai-ip"]
    energy = client.get(reverse("zones:zone-list"), {"sector": "35"})
    assert list(energy.context["zones"]) == []


def test_a_photo_must_really_be_an_image(signed_in, officer, park):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    client = signed_in(officer)
    fake = SimpleUploadedFile("photo.jpg", b"not an image", content_type="image/jpeg")
    response = client.post(reverse("zones:photo-create", args=[park.code]), {"image": fake})
    assert response.status_code == 200
    assert response.context["form"].errors["image"] == ["The file is not a JPEG, PNG or WebP image."]

    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "blue").save(buffer, format="PNG")
    real = SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")
    response = client.post(reverse("zones:photo-create", args=[park.code]), {"image": real, "caption": "Gate"})
    assert response.status_code == 302
    assert list(ZonePhoto.objects.values_list("caption", "image")) == [("Gate", "zones/dong-mai-ip/dong-mai-ip-1.png")]


def test_an_officer_creates_a_zone_through_the_form_and_it_is_audited(signed_in, officer, zones, sectors):
    from japandesk.core.models import AuditEntry
    from japandesk.zones.models import Zone

    client = signed_in(officer)
    data = {
        "code": "new-park-ip",
        "name": "KCN Mới",
        "name_en": "New Park",
        "kind": "ip",
        "parent": zones["van_don"].pk,
        "status": "planned",
        "currency": "USD",
        "total_area_ha": "300",
        "industrial_area_ha": "210.5",
        "target_sectors": [sectors["26"].pk],
        "latitude": "21.05",
        "longitude": "107.45",
        "published": "on",
    }
    response = client.post(reverse("zones:zone-create"), data)
    assert response.status_code == 302
    zone = Zone.objects.get(code="new-park-ip")
    assert (zone.parent, zone.industrial_area_ha, list(zone.target_sectors.values_list("code", flat=True))) == (
        zones["van_don"],
        Decimal("210.50"),
        ["26"],
    )
    entry = AuditEntry.objects.get(object_id=str(zone.pk), action="create")
    assert (entry.actor, entry.after["target_sectors"]) == (officer, ["26"])

    # a reserved code and an industrial area larger than the zone are refused on their fields
    response = client.post(reverse("zones:zone-create"), {**data, "code": "map", "industrial_area_ha": "301"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"code", "industrial_area_ha"}


def test_the_zone_page_history_includes_its_land_figures_and_plots(signed_in, leader, officer, park):
    services.create_plot(park, code="A1", area_ha=Decimal(5), actor=officer)
    response = signed_in(leader).get(reverse("zones:zone-detail", args=[park.code]))
    kinds = [entry.content_type.model for entry in response.context["history"]]
    assert kinds == ["plot", "landfigure", "zone"]


def test_the_fit_page_links_to_a_comparison_of_the_best_ranked(signed_in, leader, officer, park, zones):
    services.record_land_figure(
        zones["cluster"], date=datetime.date(2025, 1, 1), leasable_ha=Decimal(10), leased_ha=Decimal(0), actor=officer
    )
    response = signed_in(leader).get(reverse("zones:fit"), {"land_ha": "1"})
    assert "/zones/compare/?zone=dong-mai-ip&amp;zone=kim-son-cluster" in response.content.decode()
