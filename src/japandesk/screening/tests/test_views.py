"""Pages: every role reads, desk officers appraise and report, only administrators change criteria."""

import datetime
import json
from decimal import Decimal

import pytest
from django.urls import reverse

from japandesk.core.models import AuditEntry
from japandesk.screening.choices import Decision
from japandesk.screening.models import Appraisal, CriteriaSet, MonitoringReport
from japandesk.screening.tests.conftest import PROPOSAL, report


@pytest.fixture
def scene(published, appraise, committed_project, officer):
    first = appraise(title="Electronics plant")
    second = appraise(title="Garment plant", inputs=dict(PROPOSAL, technology_level="conventional", jobs="2000"))
    report(committed_project, officer, datetime.date(2021, 12, 31), "1000000", jobs=10, land="1")
    return {"version": published, "appraisals": [first, second], "project": committed_project}


def pages(scene):
    version = scene["version"]
    appraisal = scene["appraisals"][0]
    project = scene["project"]
    return [
        reverse("screening:dashboard") + "?as_of=2023-06-01",
        reverse("screening:criteria-list"),
        reverse("screening:criteria-detail", args=[version.criteria_set_id]),
        reverse("screening:version-detail", args=[version.pk]),
        reverse("screening:appraisal-list"),
        reverse("screening:appraisal-detail", args=[appraisal.pk]),
        reverse("screening:ranking"),
        reverse("screening:monitoring-list") + "?as_of=2023-06-01",
        reverse("screening:monitoring-list") + "?as_of=2023-06-01&review=1",
        reverse("screening:project-monitoring", args=[project.pk]) + "?as_of=2023-06-01",
        reverse("screening:briefing") + "?as_of=2023-06-01&language=ja",
    ]


@pytest.mark.parametrize("language", ["vi", "ja", "en"])
def test_every_page_reads_for_a_leader_in_each_language(client, leader, scene, language):
    client.force_login(leader)
    client.cookies["django_language"] = language
    for url in pages(scene):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, url
        assert f'<html lang="{language}">' in response.content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client, scene):
    for url in pages(scene):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/accounts/login/" in response["Location"]


def test_only_administrators_create_and_publish_criteria(client, leader, officer, administrator, definition):
    data = {"name": "Rules 2027", "description": "", "definition": json.dumps(definition)}
    for user in (leader, officer):
        client.force_login(user)
        assert client.get(reverse("screening:criteria-create")).status_code == 403
        assert client.post(reverse("screening:criteria-create"), data).status_code == 403
    assert not CriteriaSet.objects.exists()
    client.force_login(administrator)
    response = client.post(reverse("screening:criteria-create"), data)
    criteria_set = CriteriaSet.objects.get()
    assert response.status_code == 302
    version = criteria_set.versions.get()
    for user in (leader, officer):
        client.force_login(user)
        assert client.post(reverse("screening:version-publish", args=[version.pk])).status_code == 403
        assert client.post(reverse("screening:criteria-draft", args=[criteria_set.pk])).status_code == 403
    client.force_login(administrator)
    client.post(reverse("screening:version-publish", args=[version.pk]))
    version.refresh_from_db()
    assert version.is_published


def test_bad_json_is_explained_and_nothing_is_created(client, administrator):
    client.force_login(administrator)
    response = client.post(
        reverse("screening:criteria-create"), {"name": "X", "definition": "{oops"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "The definition is not valid JSON: line 1, column 2" in response.content.decode()
    assert not CriteriaSet.objects.exists()


def test_an_officer_appraises_and_records_the_decision(client, officer, leader, published, sectors, zones):
    data = {
        "version": published.pk,
        "title": "Auto parts",
        "sector": sectors["26"].pk,
        "zone": zones["van_don"].pk,
        "appraised_on": "2026-01-10",
        "capital_usd": "15.000.000",
        "land_ha": "10",
        "jobs": "300",
        "technology_level": "advanced",
        "environment_group": "3",
    }
    client.force_login(leader)
    assert client.post(reverse("screening:appraisal-create"), data).status_code == 403
    client.force_login(officer)
    client.cookies["django_language"] = "vi"
    response = client.post(reverse("screening:appraisal-create"), data, HTTP_ACCEPT_LANGUAGE="vi")
    appraisal = Appraisal.objects.get()
    assert response.status_code == 302
    assert appraisal.inputs["capital_usd"] == "15000000"
    assert appraisal.inputs["zone_class"] == "ez"
    assert appraisal.hard_pass is True  # exactly USD 1.5 million per hectare in the economic zone
    url = reverse("screening:appraisal-decision", args=[appraisal.pk])
    client.force_login(leader)
    assert client.post(url, {"decision": "approved", "decided_on": "2026-01-20"}).status_code == 403
    client.force_login(officer)
    client.post(url, {"decision": "approved", "decided_on": "2026-01-20", "note": "ok"})
    appraisal.refresh_from_db()
    assert appraisal.decision == Decision.APPROVED
    page = client.get(appraisal.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'data-reproduced="yes"' in page
    assert AuditEntry.objects.filter(content_type__model="appraisal", object_id=str(appraisal.pk)).count() == 2


def test_ranking_page_shows_both_rankings_and_the_sensitivity(client, leader, scene):
    client.force_login(leader)
    response = client.get(reverse("screening:ranking"), {"version": scene["version"].pk})
    page = response.content.decode()
    assert page.count('data-rank="topsis"') == 2
    assert page.count('data-changed="') == 16  # 8 criteria, each weight moved down and up


def test_dashboard_figures_open_the_rows_behind_them(client, leader, scene):
    client.force_login(leader)
    response = client.get(reverse("screening:dashboard"), {"as_of": "2023-06-01"})
    assert response.context["figures"]["total"].projects == 1
    assert response.context["figures"]["japan"].url == "/screening/monitoring/?as_of=2023-06-01&origin=JP"
    rows = client.get(response.context["figures"]["japan"].url)
    assert [s.project.code for s in rows.context["states"]] == ["QN-T-001"]
    review = client.get("/screening/monitoring/?as_of=2023-06-01&ground=not_operating&review=1")
    assert [s.project.code for s in review.context["states"]] == ["QN-T-001"]
    none = client.get("/screening/monitoring/?as_of=2023-06-01&origin=KR")
    assert none.context["states"] == []


def test_officers_record_reports_and_leaders_cannot(client, officer, leader, committed_project):
    url = reverse("screening:report-create", args=[committed_project.pk])
    data = {"date": "2022-12-31", "realised_capital_usd": "9000000", "jobs": "250", "operating": "on"}
    client.force_login(leader)
    assert client.post(url, data).status_code == 403
    client.force_login(officer)
    assert client.post(url, data).status_code == 302
    assert MonitoringReport.objects.get().jobs == 250
    commitment_url = reverse("screening:commitment", args=[committed_project.pk])
    client.force_login(leader)
    assert client.get(commitment_url).status_code == 403


def test_an_appraisal_starts_from_a_crm_lead(client, officer, published, sectors, zones, countries):
    """The CRM's leads carry estimated capital, land and jobs: the appraisal form takes them over."""
    from japandesk.crm import services as crm_services

    lead = crm_services.create_lead(
        officer,
        pipeline="investment",
        title="Sample Denshi phase 2",
        organisation_name="Sample Denshi K.K.",
        country_code="JP",
        sector=sectors["26"],
        zone=zones["dong_mai"],
        estimated_capital_usd=Decimal("20000000"),
        estimated_land_ha=Decimal("4"),
        estimated_jobs=250,
    )
    client.force_login(officer)
    form = client.get(reverse("screening:appraisal-create"), {"lead": lead.pk}).context["form"]
    assert form.initial["title"] == "Sample Denshi phase 2"
    assert form.initial["capital_usd"] == Decimal("20000000")
    assert form.initial["land_ha"] == Decimal("4")
    assert form.initial["jobs"] == 250
    assert form.initial["origin"] == countries["JP"]
    assert form.initial["sector"] == sectors["26"]
    response = client.post(
        reverse("screening:appraisal-create"),
        {
            "lead": lead.pk,
            "version": published.pk,
            "title": "Sample Denshi phase 2",
            "sector": sectors["26"].pk,
            "zone": zones["dong_mai"].pk,
            "appraised_on": "2026-01-10",
            "capital_usd": "20000000",
            "land_ha": "4",
            "jobs": "250",
        },
    )
    assert response.status_code == 302
    assert Appraisal.objects.get().lead_id == lead.pk


def test_lists_read_a_fixed_number_of_queries(client, leader, scene, appraise, django_assert_max_num_queries):
    """More rows do not mean more queries (no query per row)."""
    client.force_login(leader)
    for n in range(5):
        appraise(title=f"Extra {n}")
    with django_assert_max_num_queries(8):
        client.get(reverse("screening:appraisal-list"))
    with django_assert_max_num_queries(10):
        client.get(reverse("screening:monitoring-list"), {"as_of": "2023-06-01"})
    with django_assert_max_num_queries(12):
        client.get(reverse("screening:ranking"))
