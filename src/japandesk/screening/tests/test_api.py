"""The screening API: leaders read; officers appraise and report; only administrators change criteria."""

import pytest
from rest_framework.test import APIClient

from japandesk.screening.models import Appraisal, CriteriaSet, MonitoringReport
from japandesk.screening.tests.conftest import PROPOSAL


@pytest.fixture
def api():
    return APIClient(HTTP_ACCEPT_LANGUAGE="en")


def test_criteria_are_read_by_everyone_and_changed_by_administrators(api, leader, officer, administrator, definition):
    body = {"name": "Rules 2027", "definition": definition}
    for user in (leader, officer):
        api.force_authenticate(user)
        assert api.post("/api/screening/criteria-sets/", body, format="json").status_code == 403
    api.force_authenticate(administrator)
    created = api.post("/api/screening/criteria-sets/", body, format="json")
    assert created.status_code == 201
    version_id = created.json()["versions"][0]["id"]
    api.force_authenticate(leader)
    listed = api.get("/api/screening/criteria-sets/")
    assert listed.status_code == 200
    assert listed.json()["count"] == 1
    assert api.post(f"/api/screening/criteria-versions/{version_id}/publish/").status_code == 403
    api.force_authenticate(administrator)
    published = api.post(f"/api/screening/criteria-versions/{version_id}/publish/")
    assert published.json()["status"] == "published"
    changed = api.patch(f"/api/screening/criteria-versions/{version_id}/", {"definition": definition}, format="json")
    assert changed.status_code == 400
    assert changed.json() == {"non_field_errors": ["Version 1 is published and cannot change; start a new draft."]}
    draft = api.post(f"/api/screening/criteria-sets/{created.json()['id']}/draft/")
    assert (draft.status_code, draft.json()["number"], draft.json()["status"]) == (201, 2, "draft")


def test_bad_definition_gets_a_400_naming_the_problem(api, administrator, definition):
    definition["criteria"][0]["rule"] = {"kind": "spline"}
    api.force_authenticate(administrator)
    response = api.post("/api/screening/criteria-sets/", {"name": "X", "definition": definition}, format="json")
    assert response.status_code == 400
    assert response.json() == {
        "definition": ["Criterion 1: the rule kind “spline” is unknown; use linear, steps or categories."]
    }
    vietnamese = api.post(
        "/api/screening/criteria-sets/",
        {"name": "X", "definition": definition},
        format="json",
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert vietnamese.json() == {
        "definition": ["Tiêu chí 1: không rõ loại quy tắc “spline”; hãy dùng linear, steps hoặc categories."]
    }
    assert not CriteriaSet.objects.exists()


def test_appraisals_through_the_api(api, officer, leader, published, sectors):
    body = {"title": "Plant", "sector": "26", "version": published.pk, "inputs": PROPOSAL, "appraised_on": "2026-01-15"}
    api.force_authenticate(leader)
    assert api.post("/api/screening/appraisals/", body, format="json").status_code == 403
    api.force_authenticate(officer)
    created = api.post("/api/screening/appraisals/", body, format="json")
    assert created.status_code == 201
    assert created.json()["total_score"] == "85.72"
    assert created.json()["recommendation"] == "recommend"
    decided = api.post(
        f"/api/screening/appraisals/{created.json()['id']}/decision/", {"decision": "rejected", "note": "No land"}
    )
    assert decided.json()["decision"] == "rejected"
    api.force_authenticate(leader)
    assert api.get("/api/screening/appraisals/?recommendation=recommend").json()["count"] == 1
    assert Appraisal.objects.get().decided_by == officer


def test_monitoring_reports_through_the_api(api, officer, leader, committed_project):
    body = {
        "project": "QN-T-001",
        "date": "2021-12-31",
        "realised_capital_usd": "8000000",
        "jobs": 280,
        "operating": True,
    }
    api.force_authenticate(leader)
    assert api.post("/api/screening/monitoring-reports/", body, format="json").status_code == 403
    api.force_authenticate(officer)
    created = api.post("/api/screening/monitoring-reports/", body, format="json")
    assert created.status_code == 201
    again = api.post("/api/screening/monitoring-reports/", body, format="json")
    assert again.status_code == 400
    assert again.json() == {"date": ["Project QN-T-001 already has a report on 2021-12-31."]}
    report_id = created.json()["id"]
    assert (
        api.patch(f"/api/screening/monitoring-reports/{report_id}/", {"jobs": 290}, format="json").json()["jobs"] == 290
    )
    api.force_authenticate(leader)
    assert api.get("/api/screening/monitoring-reports/?project=QN-T-001").json()["count"] == 1
    assert api.delete(f"/api/screening/monitoring-reports/{report_id}/").status_code == 403
    api.force_authenticate(officer)
    assert api.delete(f"/api/screening/monitoring-reports/{report_id}/").status_code == 204
    assert not MonitoringReport.objects.exists()


def test_anonymous_clients_get_nothing(api, published):
    assert api.get("/api/screening/criteria-sets/").status_code in (401, 403)
    assert api.get("/api/screening/appraisals/").status_code in (401, 403)
