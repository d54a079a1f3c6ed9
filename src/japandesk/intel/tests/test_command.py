import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from japandesk.intel.evaluation import EVALUATION_DIR


@pytest.fixture(autouse=True)
def english():
    """The messages asserted here are the English ones; the command speaks the site's language."""
    with translation.override("en"):
        yield


CONTEXT = EVALUATION_DIR / "de-quang-ninh-fdi-2025.txt"


def run(*args) -> str:
    out = StringIO()
    call_command("intel", *args, stdout=out)
    return out.getvalue()


def test_extract_json_has_one_object_per_file_with_its_facts(no_network):
    # given the German press article, named as the user typed it
    # when extracted (no database: pytest-django refuses any query here)
    result = json.loads(run("extract", str(CONTEXT), "--json"))
    # then one object with the file, the language and the facts in text order
    assert [set(item) for item in result] == [{"file", "language", "facts"}]
    article = result[0]
    assert article["file"] == str(CONTEXT)
    assert article["language"] == "de"
    assert [(f["kind"], f["value"], f.get("currency") or f.get("unit"), f["text"]) for f in article["facts"]] == [
        ("count", 228, "project", "228 aktiven ausländischen Direktinvestitionsprojekten"),
        ("money", 17070000000, "USD", "17,07 Milliarden US-Dollar"),
        ("count", 16, "project", "16 Projekte"),
        ("money", 2770000000, "USD", "2,77 Milliarden US-Dollar"),
        ("percent", 16.3, None, "16,3 %"),
        ("count", 11, "project", "elf Projekte"),
        ("money", 290390000, "USD", "290,39 Millionen US-Dollar"),
        ("money", 2000000, "USD", "2 Millionen US-Dollar"),
        ("date", "2025-11-25", None, "25. November 2025"),
    ]
    text = CONTEXT.read_text(encoding="utf-8")
    money = article["facts"][1]
    assert set(money) == {"kind", "value", "currency", "text", "start", "end"}
    assert text[money["start"] : money["end"]] == money["text"]
    assert set(article["facts"][0]) == {"kind", "value", "unit", "text", "start", "end"}


def test_extract_reads_html_and_can_list_entities(tmp_path):
    page = tmp_path / "tin.html"
    page.write_text(
        "<html><head><script>var x = '99 dự án';</script></head><body><nav>Trang chủ</nav>"
        "<p>Quảng Ninh có <b>5 dự án</b> Nhật Bản, vốn 45 triệu USD.</p></body></html>",
        encoding="utf-8",
    )
    result = json.loads(run("extract", str(page), "--json", "--entities"))
    assert result[0]["language"] == "vi"
    assert [(f["kind"], f["text"], f["start"]) for f in result[0]["facts"]] == [
        ("count", "5 dự án", 14),
        ("money", "45 triệu USD", 36),
    ]
    assert [e["id"] for e in result[0]["entities"]] == ["place:quang-ninh", "place:japan"]


def test_cluster_json_puts_every_file_in_exactly_one_cluster():
    names = ["en-conference-2023.txt", "de-quang-ninh-fdi-2025.txt", "ja-conference-2023.txt"]
    files = [str(EVALUATION_DIR / name) for name in names]
    result = json.loads(run("cluster", *files, "--json"))
    assert result == {"clusters": [[files[0], files[2]], [files[1]]]}


def test_plain_output_lists_facts_and_stories():
    assert "17,07 Milliarden US-Dollar" in run("extract", str(CONTEXT))
    assert run("cluster", str(CONTEXT)) == f"Story 1:\n  {CONTEXT}\n"


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="No such file: “nowhere.txt”"):
        run("extract", "nowhere.txt", "--json")
    with pytest.raises(CommandError, match="is a folder"):
        run("cluster", str(tmp_path), "--json")


def test_a_file_that_is_not_utf8_is_a_clear_error(tmp_path):
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Projekte für 3 Mio. €".encode("cp1252"))
    with pytest.raises(CommandError, match="is not UTF-8 text"):
        run("extract", str(latin1))


def test_an_action_is_required():
    with pytest.raises(CommandError):
        call_command("intel")
