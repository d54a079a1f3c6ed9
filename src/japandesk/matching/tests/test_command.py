import json

import pytest
from django.core.management import CommandError, call_command

SUPPLIERS = [
    {
        "id": "s-1",
        "language": "vi",
        "description": "Dập kim loại tấm, sơn tĩnh điện giá đỡ ô tô.",
        "certifications": ["IATF 16949"],
    },
    {"id": "s-2", "language": "vi", "description": "Dập kim loại và hàn giá đỡ."},
    {"id": "s-3", "language": "en", "description": "Metal stamping of brackets.", "certifications": ["ISO9001"]},
    {"id": "s-4", "language": "ja", "description": "プレス加工、ブラケット。"},
    {"id": "s-5", "language": "vi", "description": "May mặc đồng phục."},
]
NEEDS = [
    {"id": "n-b", "language": "ja", "description": "ブラケットのプレス加工と粉体塗装", "required_certifications": []},
    {"id": "n-a", "description": "Stamped steel brackets", "required_certifications": ["IATF 16949"]},
    {"id": "n-c", "description": "チタンの鍛造"},
]


def write_jsonl(path, records):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return str(path)


def run(tmp_path, needs=NEEDS, suppliers=SUPPLIERS, top=2):
    out = tmp_path / "out.txt"
    with out.open("w", encoding="utf-8") as handle:
        call_command(
            "match",
            needs=write_jsonl(tmp_path / "needs.jsonl", needs),
            suppliers=write_jsonl(tmp_path / "suppliers.jsonl", suppliers),
            top=top,
            json=True,
            stdout=handle,
        )
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_answer_has_one_line_per_need_in_order_with_exact_keys(tmp_path):
    # When the command ranks three needs with --top 2
    lines = run(tmp_path)
    # Then one line per need, in the order of needs.jsonl, with the documented keys only
    assert [line["need"] for line in lines] == ["n-b", "n-a", "n-c"]
    assert all(list(line) == ["need", "matches"] for line in lines)
    for line in lines:
        assert len(line["matches"]) <= 2
        for match in line["matches"]:
            assert list(match) == ["supplier", "score", "reasons"]
            assert 0 <= match["score"] <= 1
            assert match["reasons"]
        scores = [m["score"] for m in line["matches"]]
        assert scores == sorted(scores, reverse=True)
    assert len(lines[0]["matches"]) == 2
    # The required certification leaves one supplier; the titanium forging need finds nobody.
    assert [m["supplier"] for m in lines[1]["matches"]] == ["s-1"]
    assert lines[2]["matches"] == []


def test_top_limits_the_matches(tmp_path):
    lines = run(tmp_path, top=1)
    assert [len(line["matches"]) for line in lines] == [1, 1, 0]


def test_command_does_not_touch_the_database(tmp_path):
    # Given no database access is allowed (pytest-django blocks it without the django_db mark)
    # When the command runs, it answers all the same
    assert len(run(tmp_path)) == 3


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (['{"id": "n-1", "description": "プレス"}', "{not json"], "needs.jsonl, line 2: invalid JSON"),
        (['{"id": "n-1"}'], "needs.jsonl, line 1: “description” is missing or empty."),
        (["", '{"description": "プレス"}'], "needs.jsonl, line 2: “id” is missing or empty."),
        (['["n-1"]'], "needs.jsonl, line 1: a JSON object is expected."),
        (['{"id": "n-1", "description": "a"}', '{"id": "n-1", "description": "b"}'], "the id “n-1” was already used"),
    ],
)
def test_bad_input_names_the_line(tmp_path, lines, message):
    (tmp_path / "needs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command(
            "match",
            needs=str(tmp_path / "needs.jsonl"),
            suppliers=write_jsonl(tmp_path / "suppliers.jsonl", SUPPLIERS),
            json=True,
        )


def test_top_must_be_positive(tmp_path):
    with pytest.raises(CommandError, match="--top must be at least 1"):
        run(tmp_path, top=0)


def test_json_reasons_are_written_in_english_whatever_the_sites_language(tmp_path):
    from django.utils import translation

    with translation.override("vi"):
        answers = run(tmp_path)
    reasons = [reason for answer in answers for match in answer["matches"] for reason in match["reasons"]]
    assert reasons and not any(reason.startswith("có chứng nhận") for reason in reasons)
