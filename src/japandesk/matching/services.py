"""Write logic of supplier matching. Pages, the public form, the API, commands and tasks call these
functions, which validate, write inside a transaction and record the audit entry.
"""

import datetime
import inspect
import logging
import secrets
from decimal import Decimal

from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from japandesk.core import audit
from japandesk.core.choices import AuditAction
from japandesk.matching import stored
from japandesk.matching.choices import ContentLanguage, IntroductionStatus, ProfileSource
from japandesk.matching.engine.certifications import canonical_or_clean, certifications_in_text
from japandesk.matching.engine.index import detect_language
from japandesk.matching.models import (
    REMINDER_DAYS,
    VALIDITY_DAYS,
    Brochure,
    BuyerNeed,
    Introduction,
    SupplierProfile,
)
from japandesk.matching.vocabulary import concept_ids, need_record, valid_hs_code

logger = logging.getLogger(__name__)

PROFILE_FIELDS = (
    "ref",
    "name",
    "name_latin",
    "country",
    "province",
    "zone",
    "language",
    "description",
    "processes",
    "materials",
    "product_families",
    "hs_codes",
    "certifications",
    "equipment",
    "capacity",
    "employees",
    "export_experience",
    "languages_spoken",
    "contact_name",
    "contact_email",
    "contact_phone",
    "website",
    "illustrative",
)
NEED_FIELDS = (
    "ref",
    "buyer",
    "buyer_country",
    "contact_name",
    "contact_email",
    "title",
    "language",
    "description",
    "processes",
    "parts",
    "volumes",
    "hs_codes",
    "required_certifications",
    "deadline",
    "status",
    "illustrative",
)
BROCHURE_MAX_BYTES = 10 * 1024 * 1024
# File signatures of the brochure types accepted, with the extensions each may carry.
BROCHURE_TYPES = {
    "application/pdf": (b"%PDF-", (".pdf",)),
    "image/png": (b"\x89PNG\r\n\x1a\n", (".png",)),
    "image/jpeg": (b"\xff\xd8\xff", (".jpg", ".jpeg")),
}
SITE_URL_SETTING = "JAPANDESK_SITE_URL"


def today() -> datetime.date:
    return timezone.localdate()


def _snapshot(instance) -> dict:
    """The audit snapshot, with uploaded files by their stored name."""
    return {
        key: value.name if isinstance(value, FieldFile) else value for key, value in audit.snapshot(instance).items()
    }


def _assign(instance, data: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(data) - set(allowed)
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")
    for name, value in data.items():
        setattr(instance, name, value)


def _saved(instance, before, *, actor, source):
    instance.full_clean()
    instance.save()
    audit.record(
        actor,
        instance,
        AuditAction.CREATE if before is None else AuditAction.UPDATE,
        before,
        _snapshot(instance),
        source,
    )
    return instance


def _profile_changed() -> None:
    stored.invalidate()
    transaction.on_commit(stored.invalidate)


def _new_ref(prefix: str) -> str:
    return f"{prefix}-{secrets.token_hex(4)}"


# Cleaning ---------------------------------------------------------------------------------------------


def _unique(items) -> list:
    return list(dict.fromkeys(items))


def _clean_certifications(names) -> list[str]:
    return _unique(canonical_or_clean(str(n)) for n in names or () if str(n).strip())


def _clean_hs(codes, field: str = "hs_codes") -> list[str]:
    cleaned = []
    for code in codes or ():
        code = "".join(str(code).split())
        if not code:
            continue
        if not valid_hs_code(code):
            raise ValidationError(
                {field: _("“{code}” is not an HS code (4 to 10 digits, such as 8708.29).").format(code=code)}
            )
        cleaned.append(code)
    return _unique(cleaned)


def _clean_concepts(ids, kind: str, field: str) -> list[str]:
    known = concept_ids(kind)
    ids = _unique(str(i) for i in ids or ())
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise ValidationError({field: _("Unknown item: {items}.").format(items=", ".join(unknown))})
    return ids


def _clean_languages(codes) -> list[str]:
    codes = _unique(str(c) for c in codes or ())
    unknown = [c for c in codes if c not in ContentLanguage.values]
    if unknown:
        raise ValidationError({"languages_spoken": _("Unknown language: {codes}.").format(codes=", ".join(unknown))})
    return codes


def _clean_language(data: dict, instance) -> None:
    description = data.get("description", getattr(instance, "description", ""))
    if not data.get("language", getattr(instance, "language", "")):
        detected = detect_language(description or "") if (description or "").strip() else ""
        data["language"] = detected if detected in ContentLanguage.values else "en"


def _clean_profile(data: dict, instance) -> dict:
    data = dict(data)
    for key in ("name", "name_latin", "province", "description", "capacity", "contact_name", "contact_phone"):
        if key in data and isinstance(data[key], str):
            data[key] = data[key].strip()
    if "country" in data:
        data["country"] = (data["country"] or "").strip().upper()
    if "certifications" in data:
        data["certifications"] = _clean_certifications(data["certifications"])
    if "hs_codes" in data:
        data["hs_codes"] = _clean_hs(data["hs_codes"])
    if "processes" in data:
        data["processes"] = _clean_concepts(data["processes"], "process", "processes")
    if "materials" in data:
        data["materials"] = _clean_concepts(data["materials"], "material", "materials")
    if "product_families" in data:
        data["product_families"] = _unique(" ".join(str(p).split()) for p in data["product_families"] or () if p)
    if "languages_spoken" in data:
        data["languages_spoken"] = _clean_languages(data["languages_spoken"])
    _clean_language(data, instance)
    if not data.get("ref", getattr(instance, "ref", "")):
        data["ref"] = _new_ref("S")
    return data


def _clean_need(data: dict, instance) -> dict:
    data = dict(data)
    for key in ("buyer", "title", "description", "parts", "volumes", "contact_name"):
        if key in data and isinstance(data[key], str):
            data[key] = data[key].strip()
    if "buyer_country" in data:
        data["buyer_country"] = (data["buyer_country"] or "").strip().upper()
    if "required_certifications" in data:
        data["required_certifications"] = _clean_certifications(data["required_certifications"])
    if "hs_codes" in data:
        data["hs_codes"] = _clean_hs(data["hs_codes"])
    if "processes" in data:
        data["processes"] = _clean_concepts(data["processes"], "process", "processes")
    _clean_language(data, instance)
    if not data.get("ref", getattr(instance, "ref", "")):
        data["ref"] = _new_ref("N")
    return data


# Supplier profiles ------------------------------------------------------------------------------------


@transaction.atomic
def create_profile(
    *, actor, source: str = "ui", verified: bool = False, expires_on: datetime.date | None = None, **data
) -> SupplierProfile:
    """A profile entered by the desk (or imported). `verified=True` records the actor as its verifier; the
    profile expires `VALIDITY_DAYS` from today unless `expires_on` says otherwise (an imported profile's date).
    """
    profile = SupplierProfile(source=ProfileSource.IMPORT if source == "import" else ProfileSource.DESK)
    data = _clean_profile(data, profile)
    _assign(profile, data, PROFILE_FIELDS)
    profile.expires_on = expires_on or today() + datetime.timedelta(days=VALIDITY_DAYS)
    if verified:
        profile.verified = True
        profile.verified_by = actor if getattr(actor, "pk", None) else None
        profile.verified_at = timezone.now()
    _saved(profile, None, actor=actor, source=source)
    _profile_changed()
    return profile


@transaction.atomic
def update_profile(profile: SupplierProfile, *, actor, source: str = "ui", **data) -> SupplierProfile:
    before = _snapshot(profile)
    data = _clean_profile(data, profile)
    _assign(profile, data, PROFILE_FIELDS)
    _saved(profile, before, actor=actor, source=source)
    _profile_changed()
    return profile


@transaction.atomic
def register_profile(*, consent: bool, brochure=None, brochure_title: str = "", **data) -> SupplierProfile:
    """A supplier's self-registration from the public form: an unverified profile the desk reviews
    before it is proposed to buyers. Consent to being listed is required.
    """
    if not consent:
        raise ValidationError({"consent": _("Please agree to your profile being shown to buyers.")})
    if not (data.get("contact_email") or "").strip():
        raise ValidationError({"contact_email": _("An e-mail address is required to reach you.")})
    data.pop("illustrative", None)
    profile = SupplierProfile(source=ProfileSource.PUBLIC, consent_at=timezone.now())
    data = _clean_profile(data, profile)
    _assign(profile, data, PROFILE_FIELDS)
    profile.expires_on = today() + datetime.timedelta(days=VALIDITY_DAYS)
    _saved(profile, None, actor=None, source="public")
    if brochure is not None:
        add_brochure(profile, actor=None, source="public", title=brochure_title or profile.name, file=brochure)
    _profile_changed()
    return profile


@transaction.atomic
def verify_profile(profile: SupplierProfile, *, actor, source: str = "ui") -> SupplierProfile:
    """The desk has checked the profile: it is proposed to buyers (until it expires)."""
    before = _snapshot(profile)
    profile.verified = True
    profile.verified_by = actor if getattr(actor, "pk", None) else None
    profile.verified_at = timezone.now()
    _saved(profile, before, actor=actor, source=source)
    _profile_changed()
    return profile


@transaction.atomic
def unverify_profile(profile: SupplierProfile, *, actor, source: str = "ui") -> SupplierProfile:
    """Withdraw the desk's verification: the profile is no longer proposed."""
    before = _snapshot(profile)
    profile.verified = False
    profile.verified_by = None
    profile.verified_at = None
    _saved(profile, before, actor=actor, source=source)
    _profile_changed()
    return profile


@transaction.atomic
def renew_profile(profile: SupplierProfile, *, actor, source: str = "ui") -> SupplierProfile:
    """Keep the profile listed for another `VALIDITY_DAYS` days from today (or from its expiry, if later)."""
    before = _snapshot(profile)
    start = max(today(), profile.expires_on)
    profile.expires_on = start + datetime.timedelta(days=VALIDITY_DAYS)
    profile.reminded_on = None
    _saved(profile, before, actor=actor, source=source)
    _profile_changed()
    return profile


def check_brochure(file) -> str:
    """The content type of an uploaded brochure; raises ValidationError when it is too large or not a
    PDF, PNG or JPEG file (the file's first bytes are read, not only its name).
    """
    size = getattr(file, "size", None) or 0
    if size > BROCHURE_MAX_BYTES:
        raise ValidationError(
            {
                "file": _("The file is too large ({size} MB); the limit is {limit} MB.").format(
                    size=round(size / 1_048_576, 1), limit=BROCHURE_MAX_BYTES // 1_048_576
                )
            }
        )
    if size == 0:
        raise ValidationError({"file": _("The file is empty.")})
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    name = (getattr(file, "name", "") or "").lower()
    for content_type, (magic, suffixes) in BROCHURE_TYPES.items():
        if head.startswith(magic):
            if not name.endswith(suffixes):
                raise ValidationError({"file": _("The file's name does not match its content.")})
            return content_type
    raise ValidationError({"file": _("Only PDF, PNG and JPEG files are accepted.")})


@transaction.atomic
def add_brochure(profile: SupplierProfile, *, actor, file, title: str = "", source: str = "ui") -> Brochure:
    content_type = check_brochure(file)
    brochure = Brochure(
        profile=profile,
        title=(title or "").strip() or (getattr(file, "name", "") or "").rsplit("/", 1)[-1][:200],
        content_type=content_type,
        size=file.size,
    )
    brochure.file.save(getattr(file, "name", "brochure"), file, save=False)
    _saved(brochure, None, actor=actor, source=source)
    return brochure


@transaction.atomic
def remove_brochure(brochure: Brochure, *, actor, source: str = "ui") -> None:
    audit.record(actor, brochure, AuditAction.DELETE, _snapshot(brochure), None, source)
    name = brochure.file.name
    storage = brochure.file.storage
    brochure.delete()
    transaction.on_commit(lambda: storage.delete(name))


# Expiry reminders ---------------------------------------------------------------------------------------


def site_url() -> str:
    return getattr(settings, SITE_URL_SETTING, "http://127.0.0.1:8000").rstrip("/")


def profiles_to_remind(on: datetime.date | None = None):
    """Profiles expiring within `REMINDER_DAYS` days that can be reached and were not reminded yet."""
    on = on or today()
    return SupplierProfile.objects.filter(
        expires_on__gte=on,
        expires_on__lte=on + datetime.timedelta(days=REMINDER_DAYS),
        reminded_on__isnull=True,
    ).exclude(contact_email="")


def send_expiry_reminders(on: datetime.date | None = None) -> int:
    """E-mail each supplier whose profile expires soon a link to renew it, in the profile's language
    (English for Korean and Chinese). Each profile is reminded once per expiry; returns how many were sent.
    """
    on = on or today()
    sent = 0
    for profile in profiles_to_remind(on).order_by("expires_on", "pk"):
        language = profile.language if profile.language in {"vi", "ja", "en"} else "en"
        with translation.override(language):
            context = {
                "profile": profile,
                "renew_url": site_url() + reverse("matching:public-renew", args=[profile.renewal_token]),
            }
            subject = _("Your supplier profile expires on {date}").format(date=_format_date(profile.expires_on))
            body = render_to_string("matching/email/expiry_reminder.txt", context)
        try:
            mail.send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [profile.contact_email])
        except Exception:  # noqa: BLE001 - one unreachable address must not stop the other reminders
            logger.exception("Expiry reminder to profile %s failed", profile.pk)
            continue
        with transaction.atomic():
            before = _snapshot(profile)
            profile.reminded_on = on
            profile.save(update_fields=["reminded_on", "updated_at"])
            audit.record(None, profile, AuditAction.UPDATE, before, _snapshot(profile), "reminder")
        sent += 1
    return sent


def _format_date(value) -> str:
    from japandesk.core import formatting

    return formatting.date(value)


# Buyers' needs --------------------------------------------------------------------------------------------


@transaction.atomic
def create_need(*, actor, source: str = "ui", **data) -> BuyerNeed:
    need = BuyerNeed()
    data = _clean_need(data, need)
    _assign(need, data, NEED_FIELDS)
    return _saved(need, None, actor=actor, source=source)


@transaction.atomic
def update_need(need: BuyerNeed, *, actor, source: str = "ui", **data) -> BuyerNeed:
    before = _snapshot(need)
    data = _clean_need(data, need)
    _assign(need, data, NEED_FIELDS)
    return _saved(need, before, actor=actor, source=source)


# Introductions --------------------------------------------------------------------------------------------


def held_certifications(profile: SupplierProfile) -> set[str]:
    """What the profile holds: its list and what its description states."""
    return set(_clean_certifications(profile.certifications)) | certifications_in_text(profile.description)


def _crm_create_lead():
    try:
        from japandesk.crm import services as crm_services
    except ImportError:
        return None
    return getattr(crm_services, "create_lead", None)


def _known_country(code: str) -> str:
    from japandesk.registry.models import Country

    return code if code and Country.objects.filter(code=code).exists() else ""


def _lead_arguments(need: BuyerNeed, profile: SupplierProfile, create_lead) -> dict:
    """What the CRM's lead of an introduction says: the supplier, the buyer and the need."""
    arguments = {
        "pipeline": "supplier",
        "title": _("{buyer} ↔ {supplier}: {need}").format(buyer=need.buyer, supplier=profile, need=need.title)[:200],
        "organisation_name": profile.name,
        "country_code": _known_country(profile.country),
        "zone": profile.zone,
        "next_step": _("Introduce the two firms"),
        "notes": "\n\n".join(part for part in (need.buyer, need.description, need.volumes) if part)[:4000],
        "source": "matching",
    }
    if "illustrative" in inspect.signature(create_lead).parameters:
        arguments["illustrative"] = need.illustrative or profile.illustrative
    return arguments


def _pair_score(need: BuyerNeed, profile: SupplierProfile) -> tuple[float | None, list[str]]:
    """The engine's score and reasons for one stored profile against the need, from the shared index."""
    matcher = stored.matcher()
    key = str(profile.pk)
    try:
        i = matcher.ids.index(key)
    except ValueError:
        return None, []
    prepared = matcher.prepare(need_record(need))
    match = matcher.score(prepared, i)
    return match.score, match.reasons


@transaction.atomic
def introduce(need: BuyerNeed, profile: SupplierProfile, *, actor, note: str = "", source: str = "ui") -> Introduction:
    """The desk proposes to introduce the buyer to the supplier. The supplier must be proposed (verified,
    not expired) and hold every certification the need requires. Where the CRM has a "supplier" pipeline,
    the introduction becomes a lead in it.
    """
    if not profile.is_proposed():
        raise ValidationError(_("This supplier's profile is not verified or has expired; it cannot be introduced."))
    missing = sorted(set(_clean_certifications(need.required_certifications)) - held_certifications(profile))
    if missing:
        raise ValidationError(
            _("The supplier lacks a required certification: {names}.").format(names=", ".join(missing))
        )
    if Introduction.objects.filter(need=need, profile=profile).exists():
        raise ValidationError(_("This supplier has already been introduced for this need."))
    score, reasons = _pair_score(need, profile)
    introduction = Introduction(
        need=need,
        profile=profile,
        status=IntroductionStatus.PROPOSED,
        score=None if score is None else Decimal(str(round(score, 4))),
        reasons=reasons,
        officer=actor if getattr(actor, "pk", None) else None,
        outcome_note=(note or "").strip(),
    )
    introduction.full_clean()
    create_lead = _crm_create_lead()
    if create_lead is not None:
        lead = create_lead(actor if getattr(actor, "pk", None) else None, **_lead_arguments(need, profile, create_lead))
        introduction.crm_lead_id = lead.pk
    _saved(introduction, None, actor=actor, source=source)
    return introduction


@transaction.atomic
def record_outcome(
    introduction: Introduction,
    *,
    actor,
    status: str,
    outcome_note: str = "",
    outcome_on: datetime.date | None = None,
    source: str = "ui",
) -> Introduction:
    """Move the introduction to a status (introduced, meeting held, deal, no interest) with a dated note."""
    if status not in IntroductionStatus.values:
        raise ValidationError({"status": _("Unknown status.")})
    outcome_on = outcome_on or today()
    if outcome_on > today():
        raise ValidationError({"outcome_on": _("The date cannot be in the future.")})
    before = _snapshot(introduction)
    introduction.status = status
    introduction.outcome_note = (outcome_note or "").strip()
    introduction.outcome_on = outcome_on
    if status != IntroductionStatus.PROPOSED and introduction.introduced_on is None:
        introduction.introduced_on = outcome_on
    return _saved(introduction, before, actor=actor, source=source)
