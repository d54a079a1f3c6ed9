"""The matching API: every role reads, leaders never write, anonymous callers get nothing; writes go through
the services; /api/needs/{id}/matches/ answers with the stored-profile engine."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from japandesk.core.models import AuditEntry
from japandesk.matching import services
from japandesk.matching.models import BuyerNeed, Introduction, SupplierProfile


@pytest.fixture
def api():
    return APIClient(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def introduction(stamping, bracket_need, officer):
    return services.introduce(bracket_need, stamping["vi"], actor=officer)


@pytest.fixture
def urls(stamping, bracket_need, introduction):
    return [
        "/api/supplier-profiles/",
        f"/api/supplier-profiles/{stamping['vi'].pk}/",
        "/api/needs/",
        f"/api/needs/{bracket_need.pk}/",
        f"/api/needs/{bracket_need.pk}/matches/",
        "/api/introductions/",
        f"/api/introductions/{introduction.pk}/",
    ]


def test_anonymous_callers_get_nothing(api, urls):
    for url in urls:
        assert api.get(url).status_code in (401, 403), url
    assert api.post("/api/needs/", {"buyer": "X", "title": "T", "description": "D"}).status_code in (401, 403)


def test_leaders_read_only(api, leader, urls, stamping, bracket_need, introduction):
    api.force_authenticate(leader)
    for url in urls:
        assert api.get(url).status_code == 200, url
    audit_before = AuditEntry.objects.count()
    attempts = [
        api.post("/api/needs/", {"buyer": "X", "title": "T", "description": "プレス"}, format="json"),
        api.patch(f"/api/needs/{bracket_need.pk}/", {"title": "New"}, format="json"),
        api.post("/api/supplier-profiles/", {"name": "X", "description": "Dập"}, format="json"),
        api.post(f"/api/supplier-profiles/{stamping['garment'].pk}/verify/"),
        api.post(f"/api/supplier-profiles/{stamping['vi'].pk}/renew/"),
        api.post("/api/introductions/", {"need": bracket_need.pk, "profile": stamping["ja"].pk}, format="json"),
        api.patch(f"/api/introductions/{introduction.pk}/", {"status": "deal"}, format="json"),
    ]
    assert [r.status_code for r in attempts] == [403] * len(attempts)
    assert AuditEntry.objects.count() == audit_before


def test_matches_for_a_need(api, officer, stamping, bracket_need):
    api.force_authenticate(officer)
    response = api.get(f"/api/needs/{bracket_need.pk}/matches/", {"top": 5}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    body = response.json()
    assert sorted(m["ref"] for m in body) == ["s-ja", "s-vi"]
    vi = next(m for m in body if m["ref"] == "s-vi")
    assert vi["profile"] == stamping["vi"].pk
    assert vi["language"] == "vi"
    assert "press working / dập kim loại" in vi["reasons"]
    assert "holds IATF 16949" in vi["reasons"]
    assert 0 < vi["score"] <= 1
    assert api.get(f"/api/needs/{bracket_need.pk}/matches/", {"top": 0}).status_code == 400
    assert len(api.get(f"/api/needs/{bracket_need.pk}/matches/", {"top": 1}).json()) == 1


def test_create_and_verify_a_profile(api, officer):
    api.force_authenticate(officer)
    response = api.post(
        "/api/supplier-profiles/",
        {
            "name": "Ha Long Precision Co., Ltd.",
            "description": "CNC machining and sheet metal for electronics enclosures.",
            "certifications": ["ISO9001:2015"],
            "processes": ["cnc"],
            "verified": True,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["language"], body["certifications"], body["verified"], body["state"]) == (
        "en",
        ["ISO 9001"],
        False,
        "review",
    )
    response = api.post(f"/api/supplier-profiles/{body['id']}/verify/")
    assert (response.status_code, response.json()["verified"], response.json()["state"]) == (200, True, "proposed")
    entries = AuditEntry.objects.filter(object_id=str(body["id"]), content_type__model="supplierprofile")
    assert sorted(entries.values_list("action", "source")) == [("create", "api"), ("update", "api")]


def test_bad_profile_is_a_400_naming_the_field(api, officer):
    api.force_authenticate(officer)
    response = api.post(
        "/api/supplier-profiles/", {"name": "A", "description": "Dập", "hs_codes": ["12"]}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"hs_codes": ["“12” is not an HS code (4 to 10 digits, such as 8708.29)."]}
    assert SupplierProfile.objects.count() == 0


def test_create_need_and_introduce_and_record_outcome(api, officer, stamping):
    api.force_authenticate(officer)
    response = api.post(
        "/api/needs/",
        {
            "buyer": "東和電子株式会社",
            "title": "ブラケット",
            "description": "自動車用ブラケットのプレス加工",
            "required_certifications": ["IATF16949"],
        },
        format="json",
    )
    assert response.status_code == 201
    need = BuyerNeed.objects.get(pk=response.json()["id"])
    assert need.required_certifications == ["IATF 16949"]
    refused = api.post("/api/introductions/", {"need": need.pk, "profile": stamping["en"].pk}, format="json")
    assert refused.status_code == 400
    assert refused.json() == {"non_field_errors": ["The supplier lacks a required certification: IATF 16949."]}
    created = api.post("/api/introductions/", {"need": need.pk, "profile": stamping["ja"].pk}, format="json")
    assert created.status_code == 201
    assert created.json()["status"] == "proposed"
    pk = created.json()["id"]
    updated = api.patch(f"/api/introductions/{pk}/", {"status": "meeting", "outcome_note": "Visit"}, format="json")
    assert updated.status_code == 200
    assert (updated.json()["status"], updated.json()["outcome_note"]) == ("meeting", "Visit")
    assert Introduction.objects.get(pk=pk).introduced_on is not None


def test_profile_list_filters_and_queries(api, officer, make_profile, zones):
    api.force_authenticate(officer)
    make_profile("s-1", "Dập.", zone=zones["dong_mai"], certifications=["ISO 9001"])
    with CaptureQueriesContext(connection) as few:
        assert api.get("/api/supplier-profiles/").status_code == 200
    for i in range(2, 8):
        make_profile(f"s-{i}", "Dập.", zone=zones["van_don"])
    with CaptureQueriesContext(connection) as many:
        body = api.get("/api/supplier-profiles/").json()
    assert body["count"] == 7
    assert len(many) == len(few)
    filtered = api.get("/api/supplier-profiles/", {"certification": "ISO9001"}).json()
    assert [p["ref"] for p in filtered["results"]] == ["s-1"]
