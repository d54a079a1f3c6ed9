"""The staff pages: who may open them, what the forms write (through the services, audited), what they refuse."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from japandesk.core.models import AuditEntry
from japandesk.matching import services
from japandesk.matching.models import Brochure, BuyerNeed, Introduction, SupplierProfile
from japandesk.matching.tests.conftest import days
from japandesk.matching.tests.test_services import PDF


@pytest.fixture
def introduction(stamping, bracket_need, officer):
    return services.introduce(bracket_need, stamping["vi"], actor=officer)


@pytest.fixture
def brochure(stamping, officer):
    return services.add_brochure(
        stamping["vi"], actor=officer, file=SimpleUploadedFile("c.pdf", PDF), title="Catalogue"
    )


@pytest.fixture
def pages(stamping, bracket_need, introduction, brochure):
    profile = stamping["vi"]
    read = {
        "need-list": reverse("matching:need-list"),
        "need-detail": reverse("matching:need-detail", args=[bracket_need.pk]),
        "profile-list": reverse("matching:profile-list"),
        "profile-detail": reverse("matching:profile-detail", args=[profile.pk]),
        "introduction-list": reverse("matching:introduction-list"),
        "introduction-detail": reverse("matching:introduction-detail", args=[introduction.pk]),
        "brochure-file": reverse("matching:brochure-file", args=[brochure.pk]),
    }
    write_get = {
        "need-create": reverse("matching:need-create"),
        "need-update": reverse("matching:need-update", args=[bracket_need.pk]),
        "profile-create": reverse("matching:profile-create"),
        "profile-update": reverse("matching:profile-update", args=[profile.pk]),
    }
    write_post = {
        "profile-verify": reverse("matching:profile-verify", args=[stamping["garment"].pk]),
        "profile-unverify": reverse("matching:profile-unverify", args=[profile.pk]),
        "profile-renew": reverse("matching:profile-renew", args=[profile.pk]),
        "need-introduce": reverse("matching:need-introduce", args=[bracket_need.pk]),
        "introduction-outcome": reverse("matching:introduction-outcome", args=[introduction.pk]),
        "brochure-upload": reverse("matching:brochure-upload", args=[profile.pk]),
        "brochure-delete": reverse("matching:brochure-delete", args=[brochure.pk]),
    }
    return read, write_get, write_post


def test_anonymous_visitors_are_sent_to_sign_in(client, pages):
    read, write_get, write_post = pages
    for url in [*read.values(), *write_get.values()]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url
    for url in write_post.values():
        assert client.post(url).status_code == 302, url


def test_leaders_read_but_never_write(client, leader, pages):
    read, write_get, write_post = pages
    client.force_login(leader)
    for url in read.values():
        assert client.get(url).status_code == 200, url
    for url in write_get.values():
        assert client.get(url).status_code == 403, url
    audit_before = AuditEntry.objects.count()
    for url in write_post.values():
        assert client.post(url, {"status": "deal", "profile": "1"}).status_code == 403, url
    assert AuditEntry.objects.count() == audit_before
    detail = client.get(read["need-detail"]).content.decode()
    assert "data-introduce" not in detail and "data-edit" not in detail


def test_officers_open_every_page(client, officer, pages):
    read, write_get, _write_post = pages
    client.force_login(officer)
    for url in [*read.values(), *write_get.values()]:
        assert client.get(url).status_code == 200, url


def test_need_page_ranks_suppliers_with_reasons(client, officer, stamping, bracket_need):
    client.force_login(officer)
    client.cookies["japandesk_language"] = "en"
    response = client.get(reverse("matching:need-detail", args=[bracket_need.pk]))
    matches = response.context["matches"]
    assert [m.profile.ref for m in matches] == ["s-vi", "s-ja"] or [m.profile.ref for m in matches] == [
        "s-ja",
        "s-vi",
    ]
    html = response.content.decode()
    assert "press working / dập kim loại" in html
    assert "holds IATF 16949" in html
    assert html.count("data-introduce") == 2


def test_need_page_in_japanese_gives_japanese_reasons(client, officer, stamping, bracket_need):
    client.force_login(officer)
    client.cookies["japandesk_language"] = "ja"
    html = client.get(reverse("matching:need-detail", args=[bracket_need.pk])).content.decode()
    assert "IATF 16949 認証を取得済み" in html
    assert "holds IATF 16949" not in html


def test_create_profile_through_the_form(client, officer):
    client.force_login(officer)
    response = client.post(
        reverse("matching:profile-create"),
        {
            "name": "Công ty TNHH Nhựa Hạ Long",
            "country": "VN",
            "description": "Ép nhựa linh kiện điện tử.",
            "processes": ["injection"],
            "materials": ["abs"],
            "certifications": "ISO9001, ＩＳＯ１４００１",
            "hs_codes": "3926.90",
            "product_families": "vỏ nhựa\nlinh kiện",
            "languages_spoken": ["vi", "ja"],
            "employees": "85",
            "verified": "on",
        },
    )
    profile = SupplierProfile.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("matching:profile-detail", args=[profile.pk])
    assert profile.language == "vi"
    assert profile.certifications == ["ISO 9001", "ISO 14001"]
    assert profile.product_families == ["vỏ nhựa", "linh kiện"]
    assert (profile.processes, profile.materials, profile.employees) == (["injection"], ["abs"], 85)
    assert (profile.verified, profile.verified_by) == (True, officer)
    assert AuditEntry.objects.filter(object_id=str(profile.pk), action="create", actor=officer).count() == 1
    html = client.get(response["Location"]).content.decode()
    assert "Vietnamese, Japanese" in html
    assert "injection moulding" in html.lower()


def test_profile_form_shows_the_services_error_and_writes_nothing(client, officer):
    client.force_login(officer)
    response = client.post(
        reverse("matching:profile-create"),
        {"name": "A", "country": "VN", "description": "Dập.", "hs_codes": "87X8"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["hs_codes"] == [
        "“87X8” is not an HS code (4 to 10 digits, such as 8708.29)."
    ]
    assert SupplierProfile.objects.count() == 0


def test_edit_profile_keeps_lists(client, officer, stamping):
    client.force_login(officer)
    profile = stamping["vi"]
    form = client.get(reverse("matching:profile-update", args=[profile.pk])).context["form"]
    assert form.initial["certifications"] == ["IATF 16949", "ISO 9001"]
    data = {k: v for k, v in form.initial.items() if v not in (None, [])}
    data.update({"certifications": "IATF 16949\nISO 9001\nISO 14001", "hs_codes": "8708.29", "zone": ""})
    response = client.post(reverse("matching:profile-update", args=[profile.pk]), data)
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.certifications == ["IATF 16949", "ISO 9001", "ISO 14001"]
    assert profile.description.startswith("Công ty chuyên dập kim loại tấm")


def test_verify_and_renew_buttons(client, officer, stamping, today):
    client.force_login(officer)
    garment = stamping["garment"]
    services.unverify_profile(garment, actor=officer)
    assert client.post(reverse("matching:profile-verify", args=[garment.pk])).status_code == 302
    garment.refresh_from_db()
    assert (garment.verified, garment.verified_by) == (True, officer)
    garment.expires_on = today + days(3)
    garment.save()
    client.post(reverse("matching:profile-renew", args=[garment.pk]))
    garment.refresh_from_db()
    assert garment.expires_on == today + days(368)


def test_introduce_from_the_need_page_and_record_the_outcome(client, officer, stamping, bracket_need, today):
    client.force_login(officer)
    response = client.post(
        reverse("matching:need-introduce", args=[bracket_need.pk]), {"profile": stamping["ja"].pk, "note": "Hi"}
    )
    introduction = Introduction.objects.get()
    assert response["Location"] == reverse("matching:introduction-detail", args=[introduction.pk])
    response = client.post(
        reverse("matching:introduction-outcome", args=[introduction.pk]),
        {"status": "meeting", "outcome_on": today.isoformat(), "outcome_note": "Visited the plant"},
    )
    assert response.status_code == 302
    introduction.refresh_from_db()
    assert (introduction.status, introduction.outcome_note, introduction.introduced_on) == (
        "meeting",
        "Visited the plant",
        today,
    )


def test_introducing_a_supplier_lacking_the_certification_is_refused(client, officer, stamping, bracket_need):
    client.force_login(officer)
    response = client.post(
        reverse("matching:need-introduce", args=[bracket_need.pk]), {"profile": stamping["en"].pk}, follow=True
    )
    assert "The supplier lacks a required certification: IATF 16949." in response.content.decode()
    assert Introduction.objects.count() == 0


def test_outcome_in_the_future_is_refused(client, officer, introduction, today):
    client.force_login(officer)
    response = client.post(
        reverse("matching:introduction-outcome", args=[introduction.pk]),
        {"status": "deal", "outcome_on": (today + days(2)).isoformat()},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["outcome_on"] == ["The date cannot be in the future."]
    introduction.refresh_from_db()
    assert introduction.status == "proposed"


def test_brochure_upload_checks_the_file(client, officer, stamping):
    client.force_login(officer)
    url = reverse("matching:brochure-upload", args=[stamping["vi"].pk])
    response = client.post(url, {"title": "x", "file": SimpleUploadedFile("x.pdf", b"GIF89a....")})
    assert response.status_code == 400
    assert response.context["brochure_form"].errors["file"] == ["Only PDF, PNG and JPEG files are accepted."]
    assert Brochure.objects.count() == 0
    response = client.post(url, {"title": "Catalogue", "file": SimpleUploadedFile("c.pdf", PDF)})
    assert response.status_code == 302
    brochure = Brochure.objects.get()
    download = client.get(reverse("matching:brochure-file", args=[brochure.pk]))
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == PDF


def test_create_need_through_the_form(client, officer):
    client.force_login(officer)
    response = client.post(
        reverse("matching:need-create"),
        {
            "buyer": "山川工業株式会社",
            "buyer_country": "jp",
            "title": "ブラケット",
            "description": "自動車用ブラケットのプレス加工",
            "required_certifications": "IATF16949:2016",
            "status": "open",
        },
    )
    need = BuyerNeed.objects.get()
    assert response["Location"] == reverse("matching:need-detail", args=[need.pk])
    assert (need.language, need.buyer_country, need.required_certifications) == ("ja", "JP", ["IATF 16949"])


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"state": "review"}, ["s-garment"]),
        ({"state": "proposed"}, ["s-en", "s-ja", "s-vi"]),
        ({"certification": "iatf16949"}, ["s-ja", "s-vi"]),
        ({"q": "dap kim loai"}, ["s-vi"]),
        ({"language": "ja"}, ["s-ja"]),
    ],
    ids=["awaiting-review", "proposed", "certification", "folded-search", "language"],
)
def test_profile_list_filters(client, officer, stamping, params, expected):
    services.unverify_profile(stamping["garment"], actor=officer)
    client.force_login(officer)
    response = client.get(reverse("matching:profile-list"), params)
    assert sorted(p.ref for p in response.context["profiles"]) == expected


def test_list_queries_do_not_grow_with_rows(client, officer, make_profile, make_need, zones):
    client.force_login(officer)

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    make_profile("s-1", "Dập.", zone=zones["dong_mai"])
    make_need("n-1", "プレス")
    few = count(reverse("matching:profile-list")), count(reverse("matching:need-list"))
    for i in range(2, 8):
        make_profile(f"s-{i}", "Dập.", zone=zones["van_don"])
        make_need(f"n-{i}", "プレス")
    assert (count(reverse("matching:profile-list")), count(reverse("matching:need-list"))) == few
