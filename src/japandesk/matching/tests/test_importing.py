"""Loading profiles and needs from exchange-format files: all or nothing, every bad line named, safe twice."""

import json

import pytest
from django.core.management import CommandError, call_command

from japandesk.core.models import AuditEntry
from japandesk.matching import stored
from japandesk.matching.models import BuyerNeed, SupplierProfile

SUPPLIERS = [
    {
        "id": "s-000123",
        "name": "Cong ty TNHH Co khi Chinh xac Vi du",
        "country": "VN",
        "province": "Quang Ninh",
        "language": "vi",
        "description": "Gia công CNC chính xác, dập kim loại tấm, sơn tĩnh điện cho linh kiện ô tô và xe máy.",
        "certifications": ["ISO 9001:2015", "IATF 16949"],
        "employees": 180,
        "hs_codes": ["8708.29", "7326.90"],
    },
    {"id": "s-2", "description": "Metal stamping of brackets.", "certifications": ["ISO9001"]},
]
NEEDS = [
    {
        "id": "n-0042",
        "buyer": "Example Seiki K.K.",
        "country": "JP",
        "language": "ja",
        "description": "自動車用ブラケットのプレス加工と粉体塗装。月産5万個。",
        "required_certifications": ["IATF 16949"],
        "hs_codes": [],
    }
]


def write(path, records):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n\n", encoding="utf-8")
    return str(path)


def test_import_suppliers_and_needs_then_match(tmp_path, officer):
    call_command(
        "matching", "import-suppliers", write(tmp_path / "s.jsonl", SUPPLIERS), "--verified", "--user", "officer"
    )
    call_command("matching", "import-needs", write(tmp_path / "n.jsonl", NEEDS))
    profile = SupplierProfile.objects.get(ref="s-000123")
    assert (profile.certifications, profile.hs_codes, profile.employees) == (
        ["ISO 9001", "IATF 16949"],
        ["8708.29", "7326.90"],
        180,
    )
    assert (profile.source, profile.verified, profile.verified_by) == ("import", True, officer)
    assert SupplierProfile.objects.get(ref="s-2").language == "en"
    need = BuyerNeed.objects.get(ref="n-0042")
    assert (need.buyer_country, need.required_certifications) == ("JP", ["IATF 16949"])
    assert [m.profile.ref for m in stored.matches_for_need(need)] == ["s-000123"]


def test_importing_twice_changes_nothing(tmp_path, officer):
    path = write(tmp_path / "s.jsonl", SUPPLIERS)
    call_command("matching", "import-suppliers", path)
    entries = AuditEntry.objects.count()
    call_command("matching", "import-suppliers", path)
    assert SupplierProfile.objects.count() == 2
    assert AuditEntry.objects.count() == entries


def test_a_bad_line_stops_the_whole_file(tmp_path, db):
    records = [*SUPPLIERS, {"id": "s-3", "description": "Dập", "hs_codes": ["12"]}]
    with pytest.raises(CommandError) as error:
        call_command("matching", "import-suppliers", write(tmp_path / "s.jsonl", records))
    assert str(error.value).splitlines() == [
        "Nothing was imported.",
        f"{tmp_path / 's.jsonl'}, line 3: hs_codes: “12” is not an HS code (4 to 10 digits, such as 8708.29).",
    ]
    assert SupplierProfile.objects.count() == 0


def test_a_malformed_line_is_named(tmp_path, db):
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "s-1", "description": "Dập"}\n{"id": "s-2"\n', encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("matching", "import-suppliers", str(path))
    assert f"{path}, line 2: invalid JSON" in str(error.value)
    assert SupplierProfile.objects.count() == 0
