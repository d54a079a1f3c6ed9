"""The matching services: what they store, normalise, refuse and audit."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from japandesk.core.models import AuditEntry
from japandesk.matching import services
from japandesk.matching.choices import IntroductionStatus, ProfileSource, ProfileState
from japandesk.matching.models import VALIDITY_DAYS, Brochure, Introduction, SupplierProfile
from japandesk.matching.tests.conftest import days

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def audit_actions(instance) -> list[tuple[str, str, str]]:
    entries = AuditEntry.objects.filter(object_id=str(instance.pk), content_type__model=instance._meta.model_name)
    return [(e.action, e.actor_name, e.source) for e in entries.order_by("id")]


def test_create_profile_normalises_certifications_and_is_audited(officer, today):
    profile = services.create_profile(
        actor=officer,
        name="Công ty TNHH Cơ khí Hạ Long",
        description="Dập kim loại tấm.",
        language="vi",
        certifications=["ISO9001", "ISO 9001:2015", "ＩＳＯ９００１", "iatf-16949", "ISO/TS 16949"],
        hs_codes=[" 8708.29 ", "8708.29", "7326"],
        processes=["press", "press"],
        verified=True,
    )
    profile.refresh_from_db()
    assert profile.certifications == ["ISO 9001", "IATF 16949"]
    assert profile.hs_codes == ["8708.29", "7326"]
    assert profile.processes == ["press"]
    assert profile.ref.startswith("S-")
    assert profile.source == ProfileSource.DESK
    assert profile.expires_on == today + datetime.timedelta(days=VALIDITY_DAYS)
    assert (profile.verified, profile.verified_by) == (True, officer)
    assert profile.verified_at is not None
    assert audit_actions(profile) == [("create", "officer", "ui")]
    assert AuditEntry.objects.get(object_id=str(profile.pk)).after["certifications"] == ["ISO 9001", "IATF 16949"]


def test_language_is_detected_when_left_out(officer):
    profile = services.create_profile(
        actor=officer, name="A", description="Công ty chuyên gia công cơ khí chính xác và dập kim loại tấm."
    )
    need = services.create_need(
        actor=officer, buyer="B", title="T", description="精密プレス部品の調達先を探しています。"
    )
    assert (profile.language, need.language) == ("vi", "ja")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"hs_codes": ["87A8"]}, "hs_codes"),
        ({"processes": ["teleportation"]}, "processes"),
        ({"materials": ["press"]}, "materials"),
        ({"languages_spoken": ["fr"]}, "languages_spoken"),
        ({"contact_email": "not-an-address"}, "contact_email"),
        ({"description": "   "}, "description"),
    ],
    ids=["hs-code", "unknown-process", "process-as-material", "language", "e-mail", "empty-description"],
)
def test_bad_profile_data_is_refused_and_nothing_is_stored(officer, data, field):
    values = {"name": "A", "description": "Dập kim loại.", "language": "vi", **data}
    with pytest.raises(ValidationError) as error:
        services.create_profile(actor=officer, **values)
    assert field in error.value.message_dict
    assert SupplierProfile.objects.count() == 0
    assert AuditEntry.objects.count() == 0


def test_update_profile_records_before_and_after(make_profile, officer):
    profile = make_profile("s-1", "Dập kim loại.", certifications=["ISO 9001"])
    services.update_profile(profile, actor=officer, certifications=["ISO 9001", "IATF16949"], source="api")
    entry = AuditEntry.objects.filter(object_id=str(profile.pk), action="update").get()
    assert entry.before["certifications"] == ["ISO 9001"]
    assert entry.after["certifications"] == ["ISO 9001", "IATF 16949"]
    assert entry.source == "api"


def test_verify_and_withdraw(make_profile, officer, administrator):
    profile = make_profile("s-1", "Dập kim loại.", verified=False)
    assert profile.state() == ProfileState.AWAITING_REVIEW
    services.verify_profile(profile, actor=administrator)
    profile.refresh_from_db()
    assert (profile.verified, profile.verified_by, profile.state()) == (True, administrator, ProfileState.PROPOSED)
    services.unverify_profile(profile, actor=officer)
    profile.refresh_from_db()
    assert (profile.verified, profile.verified_by, profile.verified_at) == (False, None, None)
    assert audit_actions(profile) == [
        ("create", "officer", "ui"),
        ("update", "admin", "ui"),
        ("update", "officer", "ui"),
    ]


def test_renew_extends_from_today_or_from_a_later_expiry(make_profile, officer, today):
    expired = make_profile("s-1", "Dập.", expires_on=today - days(10))
    later = make_profile("s-2", "Dập.", expires_on=today + days(20))
    later.reminded_on = today
    later.save()
    services.renew_profile(expired, actor=officer)
    services.renew_profile(later, actor=officer)
    expired.refresh_from_db()
    later.refresh_from_db()
    assert expired.expires_on == today + days(VALIDITY_DAYS)
    assert later.expires_on == today + days(20 + VALIDITY_DAYS)
    assert later.reminded_on is None
    assert expired.state() == ProfileState.PROPOSED


def test_states(make_profile, today):
    assert make_profile("a", "Dập.", expires_on=today - days(1)).state() == ProfileState.EXPIRED
    assert make_profile("b", "Dập.", expires_on=today).state() == ProfileState.EXPIRING
    assert make_profile("c", "Dập.", expires_on=today + days(31)).state() == ProfileState.PROPOSED
    assert make_profile("d", "Dập.", verified=False).state() == ProfileState.AWAITING_REVIEW


def test_register_profile_needs_consent_and_starts_unverified(db, today):
    data = {"name": "Công ty A", "description": "Dập kim loại tấm.", "contact_email": "a@example.com"}
    with pytest.raises(ValidationError) as error:
        services.register_profile(consent=False, **data)
    assert "consent" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.register_profile(consent=True, **{**data, "contact_email": ""})
    assert "contact_email" in error.value.message_dict
    assert SupplierProfile.objects.count() == 0
    profile = services.register_profile(consent=True, **data)
    assert (profile.source, profile.verified, profile.language) == (ProfileSource.PUBLIC, False, "vi")
    assert profile.consent_at is not None
    assert profile.is_proposed() is False
    assert audit_actions(profile) == [("create", "system", "public")]


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [("catalogue.pdf", PDF, "application/pdf"), ("plant.PNG", PNG, "image/png")],
    ids=["pdf", "png"],
)
def test_brochure_accepted(make_profile, officer, name, content, content_type):
    profile = make_profile("s-1", "Dập.")
    brochure = services.add_brochure(profile, actor=officer, file=SimpleUploadedFile(name, content), title="")
    assert (brochure.title, brochure.content_type, brochure.size) == (name, content_type, len(content))
    assert brochure.file.read() == content
    assert audit_actions(brochure) == [("create", "officer", "ui")]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tool.exe", b"MZ\x90\x00" + b"\x00" * 40, "Only PDF, PNG and JPEG files are accepted."),
        ("catalogue.png", PDF, "The file's name does not match its content."),
        ("empty.pdf", b"", "The file is empty."),
        ("huge.pdf", PDF + b"0" * services.BROCHURE_MAX_BYTES, "The file is too large (10.0 MB); the limit is 10 MB."),
    ],
    ids=["executable", "wrong-extension", "empty", "too-large"],
)
def test_brochure_refused(make_profile, officer, name, content, message):
    profile = make_profile("s-1", "Dập.")
    with pytest.raises(ValidationError) as error:
        services.add_brochure(profile, actor=officer, file=SimpleUploadedFile(name, content))
    assert error.value.message_dict == {"file": [message]}
    assert Brochure.objects.count() == 0


def test_remove_brochure_is_audited(make_profile, officer):
    profile = make_profile("s-1", "Dập.")
    brochure = services.add_brochure(profile, actor=officer, file=SimpleUploadedFile("a.pdf", PDF))
    pk = brochure.pk
    services.remove_brochure(brochure, actor=officer)
    assert Brochure.objects.count() == 0
    assert AuditEntry.objects.filter(object_id=str(pk), content_type__model="brochure", action="delete").count() == 1


def test_need_normalises_required_certifications(make_need):
    need = make_need("n-1", "プレス加工", required_certifications=["IATF16949:2016", "ＩＳＯ９００１"])
    assert need.required_certifications == ["IATF 16949", "ISO 9001"]
    assert audit_actions(need) == [("create", "officer", "ui")]


# Introductions -----------------------------------------------------------------------------------------


def test_introduce_records_the_match(stamping, bracket_need, officer):
    introduction = services.introduce(bracket_need, stamping["vi"], actor=officer, note="Call on Monday")
    assert introduction.status == IntroductionStatus.PROPOSED
    assert introduction.officer == officer
    assert introduction.score is not None and Decimal("0.5") < introduction.score <= 1
    assert set(introduction.reasons[:2]) == {"press working / dập kim loại", "powder coating / sơn tĩnh điện"}
    assert "holds IATF 16949" in introduction.reasons
    assert introduction.outcome_note == "Call on Monday"
    assert introduction.crm_lead_id is not None
    assert audit_actions(introduction) == [("create", "officer", "ui")]


def test_introduce_refuses_a_supplier_lacking_a_required_certification(stamping, bracket_need, officer):
    with pytest.raises(ValidationError) as error:
        services.introduce(bracket_need, stamping["en"], actor=officer)
    assert error.value.messages == ["The supplier lacks a required certification: IATF 16949."]
    assert Introduction.objects.count() == 0


def test_introduce_refuses_unverified_expired_and_repeated(make_profile, bracket_need, officer, today):
    text = "Dập kim loại giá đỡ ô tô."
    unverified = make_profile("s-1", text, certifications=["IATF 16949"], verified=False)
    expired = make_profile("s-2", text, certifications=["IATF 16949"], expires_on=today - days(1))
    good = make_profile("s-3", text, certifications=["IATF 16949"])
    for profile in (unverified, expired):
        with pytest.raises(ValidationError) as error:
            services.introduce(bracket_need, profile, actor=officer)
        assert error.value.messages == [
            "This supplier's profile is not verified or has expired; it cannot be introduced."
        ]
    services.introduce(bracket_need, good, actor=officer)
    with pytest.raises(ValidationError) as error:
        services.introduce(bracket_need, good, actor=officer)
    assert error.value.messages == ["This supplier has already been introduced for this need."]
    assert Introduction.objects.count() == 1


def test_record_outcome(stamping, bracket_need, officer, today):
    introduction = services.introduce(bracket_need, stamping["ja"], actor=officer)
    services.record_outcome(
        introduction, actor=officer, status=IntroductionStatus.INTRODUCED, outcome_on=today - days(3)
    )
    services.record_outcome(
        introduction, actor=officer, status=IntroductionStatus.DEAL, outcome_note="Trial order of 2,000 pieces"
    )
    introduction.refresh_from_db()
    assert introduction.status == IntroductionStatus.DEAL
    assert introduction.introduced_on == today - days(3)
    assert (introduction.outcome_on, introduction.outcome_note) == (today, "Trial order of 2,000 pieces")
    assert [a for a, _u, _s in audit_actions(introduction)] == ["create", "update", "update"]
    with pytest.raises(ValidationError) as error:
        services.record_outcome(introduction, actor=officer, status="deal", outcome_on=today + days(1))
    assert error.value.message_dict == {"outcome_on": ["The date cannot be in the future."]}
    with pytest.raises(ValidationError):
        services.record_outcome(introduction, actor=officer, status="won")


def test_introduction_becomes_a_lead_in_the_crm_supplier_pipeline(stamping, bracket_need, officer, countries):
    from japandesk.crm.models import Lead

    introduction = services.introduce(bracket_need, stamping["vi"], actor=officer)
    lead = Lead.objects.get(pk=introduction.crm_lead_id)
    assert lead.pipeline.key == "supplier"
    assert lead.stage == lead.pipeline.stages.order_by("order").first()
    assert lead.organisation_name == stamping["vi"].name
    assert lead.country.code == "VN"
    assert lead.owner == officer
    assert lead.title == "株式会社サンプル精機 ↔ Supplier s-vi: " + bracket_need.title
    assert introduction.crm_lead() == lead


def test_introduction_stands_alone_without_the_crm(stamping, bracket_need, officer, monkeypatch):
    monkeypatch.setattr(services, "_crm_create_lead", lambda: None)
    introduction = services.introduce(bracket_need, stamping["vi"], actor=officer)
    assert (introduction.crm_lead_id, introduction.crm_lead()) == (None, None)
