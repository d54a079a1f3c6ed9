"""Reference data every registry needs: origin economies (ISO 3166-1, named from the CLDR
data Babel ships) and sectors (VSIC 2018 sections and divisions, from a CSV kept with the code).

Both loaders may run any number of times: rows are matched on their code, created when
missing and updated when a name changed.
"""

import csv
from pathlib import Path

from babel import Locale
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from japandesk.registry.models import Country, Sector

VSIC_CSV = Path(__file__).resolve().parent / "data" / "vsic2018.csv"

# Two-letter territory codes in CLDR that are not assigned ISO 3166-1 alpha-2 codes:
# exceptionally reserved codes (AC, CP, CQ, DG, EA, IC, TA), groupings (EU, EZ, UN, QO),
# pseudo-locales (XA, XB), Kosovo's provisional code (XK) and "unknown" (ZZ).
NOT_ISO_3166 = frozenset({"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ"})

# CLDR's standard names for Hong Kong and Macao are the long administrative ones; statistics
# tables name these economies the short way.
SHORT_NAMES = {
    "HK": {"en": "Hong Kong", "vi": "Hồng Kông", "ja": "香港"},
    "MO": {"en": "Macao", "vi": "Ma Cao", "ja": "マカオ"},
}

COUNTRY_NAME_FIELDS = ("name_en", "name_vi", "name_ja")
SECTOR_FIELDS = ("level", "section", "parent_id", "name_vi", "name_en", "name_ja", "isic_code", "jsic_code")


def country_rows() -> dict[str, dict[str, str]]:
    """Every ISO 3166-1 alpha-2 economy with its English, Vietnamese and Japanese names."""
    names = {language: Locale(language).territories for language in ("en", "vi", "ja")}
    rows = {}
    for code in sorted(names["en"]):
        if len(code) != 2 or not code.isalpha() or code in NOT_ISO_3166:
            continue
        short = SHORT_NAMES.get(code, {})
        rows[code] = {
            f"name_{language}": short.get(language) or names[language].get(code) or names["en"][code]
            for language in ("en", "vi", "ja")
        }
    return rows


def _upsert(model, rows: dict[str, dict], fields: tuple[str, ...]) -> tuple[int, int]:
    """Create the rows whose code is missing and update those that differ; returns (created, updated)."""
    existing = {obj.code: obj for obj in model.objects.filter(code__in=rows)}
    now = timezone.now()
    to_create, to_update = [], []
    for code, values in rows.items():
        obj = existing.get(code)
        if obj is None:
            to_create.append(model(code=code, **values))
            continue
        if any(getattr(obj, field) != values[field] for field in fields):
            for field in fields:
                setattr(obj, field, values[field])
            obj.updated_at = now  # bulk_update leaves auto_now fields alone
            to_update.append(obj)
    model.objects.bulk_create(to_create, batch_size=500)
    if to_update:
        model.objects.bulk_update(to_update, [*fields, "updated_at"], batch_size=500)
    return len(to_create), len(to_update)


@transaction.atomic
def load_countries() -> tuple[int, int]:
    """Load or refresh the origin economies; returns (created, updated)."""
    return _upsert(Country, country_rows(), COUNTRY_NAME_FIELDS)


def sector_rows(path: Path = VSIC_CSV) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def load_sectors(path: Path = VSIC_CSV) -> tuple[int, int]:
    """Load or refresh the VSIC 2018 sections and divisions; returns (created, updated).

    Sections go first so that divisions can point at them.
    """
    rows = sector_rows(path)
    created = updated = 0
    for level in sorted({int(row["level"]) for row in rows}):
        parents = dict(Sector.objects.values_list("code", "id"))
        batch = {}
        for row in rows:
            if int(row["level"]) != level:
                continue
            batch[row["code"]] = {
                "level": level,
                "section": row["section"],
                "parent_id": parents[row["parent"]] if row["parent"] else None,
                "name_vi": row["name_vi"],
                "name_en": row["name_en"],
                "name_ja": row["name_ja"],
                "isic_code": row["isic_code"],
                "jsic_code": row["jsic_code"],
            }
        made, changed = _upsert(Sector, batch, SECTOR_FIELDS)
        created += made
        updated += changed
    return created, updated


def load(stdout=None) -> dict[str, tuple[int, int]]:
    """Load all reference data of the registry; returns (created, updated) per kind."""
    result = {"countries": load_countries(), "sectors": load_sectors()}
    if stdout is not None:
        stdout.write(
            _("Origin economies: {total} ({created} new, {updated} updated).").format(
                total=Country.objects.count(), created=result["countries"][0], updated=result["countries"][1]
            )
        )
        stdout.write(
            _("Sectors: {total} ({created} new, {updated} updated).").format(
                total=Sector.objects.count(), created=result["sectors"][0], updated=result["sectors"][1]
            )
        )
    return result
