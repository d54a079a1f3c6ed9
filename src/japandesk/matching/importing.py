"""Loading supplier profiles and buyers' needs in bulk from files in the exchange format.

A file is taken whole or not at all: every record goes through the services inside one transaction, and the
errors of every bad record are reported with their line number. Records are matched on their id (a profile's
or need's reference), so loading the same file twice changes nothing.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from japandesk.matching import services
from japandesk.matching.io import read_records
from japandesk.matching.models import BuyerNeed, SupplierProfile


class ImportFailed(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class Outcome:
    created: int = 0
    updated: int = 0
    errors: list[str] = field(default_factory=list)


def _line_numbers(path: Path) -> list[int]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [number for number, line in enumerate(lines, start=1) if line.strip()]


def _profile_data(record: dict) -> dict:
    data = {"ref": record["id"], "name": str(record.get("name") or record["id"]), "description": record["description"]}
    for key in ("country", "province", "language"):
        if record.get(key):
            data[key] = str(record[key])
    for key in ("certifications", "hs_codes"):
        if record.get(key) is not None:
            data[key] = [str(item) for item in record[key]]
    if record.get("employees") is not None:
        data["employees"] = record["employees"]
    return data


def _need_data(record: dict) -> dict:
    description = record["description"]
    data = {
        "ref": record["id"],
        "buyer": str(record.get("buyer") or "—"),
        "title": str(record.get("title") or description[:80]),
        "description": description,
        "required_certifications": [str(item) for item in record.get("required_certifications") or ()],
        "hs_codes": [str(item) for item in record.get("hs_codes") or ()],
    }
    if record.get("country"):
        data["buyer_country"] = str(record["country"])
    if record.get("language"):
        data["language"] = str(record["language"])
    return data


def _messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [f"{name}: {message}" for name, messages in error.message_dict.items() for message in messages]
    return error.messages


def import_file(path: str | Path, kind: str, *, actor=None, verified: bool = False) -> Outcome:
    """Load `kind` ("suppliers" or "needs") records from the file; raises ImportFailed listing every bad
    line, and then nothing is stored. New profiles are verified by `actor` when `verified` is set."""
    path = Path(path)
    try:
        records = read_records(path)
    except ValueError as error:
        raise ImportFailed([str(error)]) from error
    numbers = _line_numbers(path)
    outcome = Outcome()
    with transaction.atomic():
        for number, record in zip(numbers, records, strict=True):
            try:
                with transaction.atomic():
                    _import_one(record, kind, actor=actor, verified=verified, outcome=outcome)
            except (ValidationError, TypeError, ValueError) as error:
                messages = _messages(error) if isinstance(error, ValidationError) else [str(error)]
                outcome.errors.extend(
                    _("{path}, line {line}: {message}").format(path=path, line=number, message=message)
                    for message in messages
                )
        if outcome.errors:
            transaction.set_rollback(True)
    if outcome.errors:
        raise ImportFailed(outcome.errors)
    return outcome


def _import_one(record: dict, kind: str, *, actor, verified: bool, outcome: Outcome) -> None:
    if kind == "suppliers":
        data = _profile_data(record)
        existing = SupplierProfile.objects.filter(ref=data["ref"]).first()
        if existing is None:
            services.create_profile(actor=actor, source="import", verified=verified, **data)
            outcome.created += 1
        else:
            services.update_profile(existing, actor=actor, source="import", **data)
            outcome.updated += 1
        return
    data = _need_data(record)
    existing = BuyerNeed.objects.filter(ref=data["ref"]).first()
    if existing is None:
        services.create_need(actor=actor, source="import", **data)
        outcome.created += 1
    else:
        services.update_need(existing, actor=actor, source="import", **data)
        outcome.updated += 1
