"""Matching on stored profiles: the same engine as the command, on the profiles the desk proposes."""

import pytest
from django.utils import translation

from japandesk.matching import services, stored
from japandesk.matching.engine import Matcher
from japandesk.matching.tests.conftest import days
from japandesk.matching.vocabulary import need_record, profile_record


def refs(matches) -> list[str]:
    return [m.profile.ref for m in matches]


def test_a_japanese_need_finds_the_vietnamese_profile(stamping, make_need):
    need = make_need("n-1", "自動車用ブラケットのプレス加工と粉体塗装。")
    matches = stored.matches_for_need(need)
    assert refs(matches)[0] == "s-vi"
    assert set(refs(matches)) == {"s-vi", "s-en", "s-ja"}
    assert "press working / dập kim loại" in matches[0].reasons
    assert "powder coating / sơn tĩnh điện" in matches[0].reasons
    assert 0 < matches[-1].score <= matches[0].score <= 1


def test_stored_profiles_rank_as_the_command_ranks_them(stamping, bracket_need):
    """The screens use the command's Matcher: the same records give the same answer."""
    from japandesk.matching.models import SupplierProfile

    records = [profile_record(p) for p in SupplierProfile.objects.order_by("pk")]
    expected = Matcher(records).match(need_record(bracket_need), top=10)
    found = stored.matches_for_need(bracket_need, top=10)
    assert [(str(m.profile.pk), m.score, m.reasons) for m in found] == [
        (m.supplier, m.score, m.reasons) for m in expected
    ]


def test_hard_rule_on_stored_profiles(stamping, bracket_need):
    """s-en is a stamping plant like the others but lacks IATF 16949: it is never proposed."""
    found = refs(stored.matches_for_need(bracket_need, top=50))
    assert found == ["s-vi", "s-ja"] or found == ["s-ja", "s-vi"]
    assert "s-en" not in found


def test_certification_written_in_the_description_counts(make_profile, bracket_need):
    make_profile("s-text", "Dập kim loại giá đỡ ô tô, đạt chứng nhận IATF 16949:2016.")
    assert refs(stored.matches_for_need(bracket_need)) == ["s-text"]


def test_expired_and_unverified_profiles_are_never_proposed(make_profile, make_need, today):
    text = "Dập kim loại giá đỡ ô tô."
    make_profile("s-expired", text, expires_on=today - days(1))
    make_profile("s-unverified", text, verified=False)
    make_profile("s-last-day", text, expires_on=today)
    need = make_need("n-1", "ブラケットのプレス加工")
    assert refs(stored.matches_for_need(need)) == ["s-last-day"]


def test_verifying_and_renewing_bring_a_profile_back(make_profile, make_need, officer, today):
    profile = make_profile("s-1", "Dập kim loại giá đỡ ô tô.", verified=False, expires_on=today - days(5))
    need = make_need("n-1", "ブラケットのプレス加工")
    assert refs(stored.matches_for_need(need)) == []
    services.verify_profile(profile, actor=officer)
    assert refs(stored.matches_for_need(need)) == []
    services.renew_profile(profile, actor=officer)
    assert refs(stored.matches_for_need(need)) == ["s-1"]


def test_the_index_is_rebuilt_only_when_profiles_change(stamping, bracket_need, officer):
    stored.matches_for_need(bracket_need)
    built = stored.builds()
    stored.matches_for_need(bracket_need)
    stored.matches_for_need(bracket_need)
    assert stored.builds() == built
    services.update_profile(stamping["en"], actor=officer, certifications=["IATF 16949"])
    assert "s-en" in refs(stored.matches_for_need(bracket_need))
    assert stored.builds() == built + 1


def test_ticked_processes_count_like_words_in_the_description(make_profile, make_need):
    make_profile("s-1", "Công ty TNHH Hạ Long, 120 công nhân.", processes=["injection"])
    need = make_need("n-1", "樹脂部品の射出成形", language="ja")
    assert refs(stored.matches_for_need(need)) == ["s-1"]


@pytest.mark.parametrize(
    ("language", "reason"),
    [("en", "holds IATF 16949"), ("vi", None), ("ja", None)],
    ids=["en", "vi", "ja"],
)
def test_reasons_are_in_the_readers_language(stamping, bracket_need, language, reason):
    with translation.override(language):
        reasons = stored.matches_for_need(bracket_need)[0].reasons
        expected = translation.gettext("holds {certification}").format(certification="IATF 16949")
    assert expected in reasons
    if reason:
        assert reason in reasons
    else:
        assert "holds IATF 16949" not in reasons
