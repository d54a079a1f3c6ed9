import pytest

from japandesk.matching.engine.certifications import certifications_in_text, normalize_certification


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("ISO9001", "ISO 9001"),
        ("ISO 9001:2015", "ISO 9001"),
        ("ＩＳＯ９００１", "ISO 9001"),
        ("iso-9001", "ISO 9001"),
        ("ISO 9001 : 2008", "ISO 9001"),
        ("JIS Q 9001", "ISO 9001"),
        ("IATF16949", "IATF 16949"),
        ("IATF 16949:2016", "IATF 16949"),
        ("ISO/TS 16949", "IATF 16949"),
        ("ＩＡＴＦ１６９４９", "IATF 16949"),
        ("iso14001", "ISO 14001"),
        ("ISO 13485:2016", "ISO 13485"),
        ("RoHS", "RoHS"),
        ("UL listed", "UL"),
        ("CE marking", "CE"),
    ],
)
def test_certification_variants_have_one_canonical_name(written, canonical):
    assert normalize_certification(written) == canonical


def test_unknown_certification_is_not_recognised():
    assert normalize_certification("Best supplier award") is None


def test_certifications_are_read_from_running_text_in_any_script():
    # Given descriptions that mention certifications inside Japanese and Vietnamese sentences
    # When they are read
    # Then each certification is found once, under its canonical name
    assert certifications_in_text("IATF16949取得、ISO 14001:2015認証") == {"IATF 16949", "ISO 14001"}
    assert certifications_in_text("Công ty đạt chứng nhận ISO 9001:2015 và ISO45001") == {"ISO 9001", "ISO 45001"}
