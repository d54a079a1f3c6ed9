"""Criteria versions, appraisals (reproducible after the criteria change) and the decision record."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from japandesk.core.choices import AuditAction
from japandesk.core.models import AuditEntry
from japandesk.screening import services
from japandesk.screening.choices import Decision, Recommendation, VersionStatus
from japandesk.screening.models import CriteriaVersion


def test_a_published_version_never_changes_and_editing_makes_a_new_draft(administrator, published, definition):
    with pytest.raises(ValidationError) as error:
        services.update_draft(published, actor=administrator, definition=definition)
    assert error.value.messages == ["Version 1 is published and cannot change; start a new draft."]
    draft = services.new_draft(published.criteria_set, actor=administrator)
    assert (draft.number, draft.status, draft.definition) == (2, VersionStatus.DRAFT, published.definition)
    assert services.new_draft(published.criteria_set, actor=administrator).pk == draft.pk
    definition["criteria"][0]["weight"] = "40"
    services.update_draft(draft, actor=administrator, definition=definition, note="Technology counts double")
    services.publish(draft, actor=administrator)
    published.refresh_from_db()
    assert published.definition["criteria"][0]["weight"] == "20"
    assert CriteriaVersion.objects.get(pk=draft.pk).definition["criteria"][0]["weight"] == "40"
    assert published.criteria_set.current.pk == draft.pk


def test_only_administrators_change_criteria(officer, leader, definition):
    for user in (officer, leader):
        with pytest.raises(PermissionDenied):
            services.create_criteria_set(actor=user, name="Mine", definition=definition)


def test_a_bad_definition_is_refused_with_its_problems(administrator, definition):
    definition["criteria"][0]["weight"] = "-1"
    with pytest.raises(ValidationError) as error:
        services.create_criteria_set(actor=administrator, name="Bad", definition=definition)
    assert error.value.message_dict == {"definition": ["Criterion 1: -1 is below 0."]}


def test_appraisal_stores_inputs_result_percentile_and_audit(appraise, officer, registered_project):
    appraisal = appraise(title="Electronics plant")
    assert appraisal.inputs["zone_class"] == "ip"
    assert appraisal.inputs["sector_code"] == "26"
    assert appraisal.total_score == Decimal("85.72")
    assert appraisal.recommendation == Recommendation.RECOMMEND
    assert appraisal.hard_pass is True
    # One licensed electronics project (USD 10 million on 5.5 ha, 300 planned jobs) to compare with.
    assert appraisal.peers["peers"] == 1
    assert appraisal.peers["capital_per_ha"] == {
        "value": "5000000.00",
        "percentile": "100.0",
        "median": "1818181.82",
        "count": 1,
    }
    entry = AuditEntry.objects.get(object_id=str(appraisal.pk), content_type__model="appraisal")
    assert entry.action == AuditAction.CREATE
    assert entry.actor == officer
    assert entry.after["version"] == appraisal.version_id
    assert entry.after["appraised_by"] == officer.pk
    assert entry.after["inputs"]["capital_usd"] == "60000000"
    assert entry.after["recommendation"] == "recommend"


def test_appraisal_is_reproducible_after_the_criteria_change(appraise, administrator, published, definition):
    appraisal = appraise()
    stored = dict(appraisal.result)
    draft = services.new_draft(published.criteria_set, actor=administrator)
    definition["criteria"][0]["weight"] = "80"
    definition["criteria"][2]["rule"] = {"kind": "linear", "from": "500", "to": "1000"}
    definition["thresholds"] = {"recommend": "95", "conditions": "90"}
    services.update_draft(draft, actor=administrator, definition=definition)
    draft = services.publish(draft, actor=administrator)
    appraisal.refresh_from_db()
    assert services.recompute(appraisal) == stored
    assert appraisal.result == stored
    # The same inputs under the new version score differently: the old score stands for the old rules.
    newer = appraise(version=draft)
    assert newer.total_score != appraisal.total_score
    assert newer.recommendation == Recommendation.NOT_RECOMMENDED


def test_appraisal_needs_a_published_version(appraise, administrator, published):
    draft = services.new_draft(published.criteria_set, actor=administrator)
    with pytest.raises(ValidationError) as error:
        appraise(version=draft)
    assert error.value.message_dict == {"version": ["Appraise with a published criteria version, not a draft."]}


def test_bad_inputs_are_refused_and_nothing_is_written(appraise):
    with pytest.raises(ValidationError) as error:
        appraise(inputs={"land_ha": "0", "export_share": "120"})
    assert error.value.message_dict == {
        "export_share": ["A share is at most 100%."],
        "land_ha": ["The land area must be greater than zero."],
    }


def test_leaders_do_not_appraise(leader, published, sectors):
    with pytest.raises(PermissionDenied):
        services.create_appraisal(actor=leader, version=published, title="X", sector=sectors["26"], inputs={})


def test_decision_record_is_audited(appraise, officer):
    appraisal = appraise()
    services.record_decision(
        appraisal,
        actor=officer,
        decision=Decision.APPROVED,
        note="Meets the rules",
        decided_on=datetime.date(2026, 2, 1),
    )
    appraisal.refresh_from_db()
    assert (appraisal.decision, appraisal.decided_by, appraisal.decided_on) == (
        Decision.APPROVED,
        officer,
        datetime.date(2026, 2, 1),
    )
    entry = AuditEntry.objects.filter(object_id=str(appraisal.pk), content_type__model="appraisal").first()
    assert entry.action == AuditAction.UPDATE
    assert dict((k, (b, a)) for k, b, a in entry.changes) == {
        "decision": ("pending", "approved"),
        "decision_note": ("", "Meets the rules"),
        "decided_on": (None, "2026-02-01"),
        "decided_by": (None, officer.pk),
    }
    with pytest.raises(ValidationError):
        services.record_decision(appraisal, actor=officer, decision="maybe")
    with pytest.raises(ValidationError):
        services.record_decision(appraisal, actor=officer, decision="approved", decided_on=datetime.date(2025, 1, 1))
