"""Fact review: accept, correct, reject; who decided; the audit log."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from japandesk.core.models import AuditEntry
from japandesk.intel import services
from japandesk.intel.models import Fact

TEXT = "Tỉnh Quảng Ninh có 3 dự án của Nhật Bản với vốn đăng ký 45 triệu USD, ký ngày 14/01/2025."


@pytest.fixture
def facts(ingest):
    article = ingest(TEXT)
    return {fact.kind: fact for fact in article.facts.all()}


def test_accept_keeps_who_and_when_in_the_audit_log(officer, facts):
    fact = services.review_fact(officer, facts["money"], decision="accepted", note="Checked with the certificate")
    fact.refresh_from_db()
    assert (fact.status, fact.reviewed_by, fact.review_note, fact.corrected_value) == (
        "accepted", officer, "Checked with the certificate", None)  # fmt: skip
    assert fact.reviewed_at is not None
    entry = AuditEntry.objects.get(content_type__model="fact", object_id=str(fact.pk))
    assert (entry.actor, entry.action, entry.source) == (officer, "update", "ui")
    assert (entry.before["status"], entry.after["status"], entry.after["reviewed_by"]) == (
        "pending",
        "accepted",
        officer.pk,
    )


def test_correct_a_number_and_a_date(officer, facts):
    money = services.review_fact(officer, facts["money"], decision="corrected", value="4 500 000")
    assert (money.status, money.corrected_value, money.current_value) == (
        "corrected",
        Decimal(4500000),
        Decimal(4500000),
    )
    date = services.review_fact(officer, facts["date"], decision="corrected", value="2025-01-15")
    assert (date.date_value, date.corrected_date, date.current_value) == ("2025-01-14", "2025-01-15", "2025-01-15")
    entries = AuditEntry.objects.filter(content_type__model="fact").order_by("id")
    assert [(e.before["corrected_value"], e.after["corrected_value"]) for e in entries] == [
        (None, "4500000.000000"), (None, None)]  # fmt: skip
    assert entries[1].after["corrected_date"] == "2025-01-15"


def test_reject_then_accept_again_clears_the_correction(officer, facts):
    services.review_fact(officer, facts["count"], decision="corrected", value="4")
    fact = services.review_fact(officer, facts["count"], decision="rejected", note="Not about the province")
    assert (fact.status, fact.corrected_value) == ("rejected", None)
    assert AuditEntry.objects.filter(content_type__model="fact").count() == 2


@pytest.mark.parametrize(
    ("kind", "decision", "value", "message"),
    [
        ("money", "corrected", "", "A correction needs the right value."),
        ("money", "corrected", "many", "“many” is not a number."),
        ("money", "corrected", "-5", "“-5” is not a number."),
        ("date", "corrected", "14/01/2025", "Write the date as YYYY-MM-DD or YYYY-MM."),
        ("money", "pending", None, "Choose accept, correct or reject."),
    ],
)
def test_bad_reviews_are_refused_and_change_nothing(officer, facts, kind, decision, value, message):
    with pytest.raises(ValidationError) as error:
        services.review_fact(officer, facts[kind], decision=decision, value=value)
    assert error.value.messages == [message]
    fact = Fact.objects.get(pk=facts[kind].pk)
    assert (fact.status, fact.reviewed_by) == ("pending", None)
    assert AuditEntry.objects.filter(content_type__model="fact").count() == 0


def test_leaders_cannot_review(leader, facts):
    with pytest.raises(PermissionDenied):
        services.review_fact(leader, facts["money"], decision="accepted")
    assert Fact.objects.get(pk=facts["money"].pk).status == "pending"


def test_review_date_is_kept(officer, facts):
    fact = services.review_fact(officer, facts["money"], decision="accepted")
    assert fact.reviewed_at.date() >= datetime.date(2025, 1, 1)
