"""Ingestion of each kind of input, and re-ingestion changing nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from japandesk.core.models import AuditEntry
from japandesk.intel import services
from japandesk.intel.models import Article, Fact, Story

VI_TEXT = "Quảng Ninh đón 3 dự án Nhật Bản\n\nTỉnh Quảng Ninh có 3 dự án của Nhật Bản với vốn đăng ký 45 triệu USD."
EN_TEXT = "Japanese plant in Hai Phong\n\nA Japanese maker will invest 120 million USD in 2 projects in Hai Phong."

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Báo Đầu tư</title><link>https://example.org/</link>
<item><title>Nhà đầu tư Nhật rót 45 triệu USD</title><link>https://example.org/a1</link>
<pubDate>Tue, 14 Jan 2025 08:00:00 +0700</pubDate>
<description><![CDATA[<p>Tỉnh Quảng Ninh có <b>3 dự án</b> của Nhật Bản
với vốn đăng ký 45 triệu USD.</p>]]></description></item>
<item><title>Hai Phong attracts 2 projects</title><link>javascript:alert(1)</link>
<pubDate>Wed, 15 Jan 2025 08:00:00 +0700</pubDate>
<description>Hai Phong attracted 2 projects worth 300 million USD.</description></item>
</channel></rss>
"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Nikkei Asia (test)</title><id>urn:test</id>
<updated>2025-02-01T00:00:00Z</updated>
<entry><title>日系企業、ベトナムに12億ドル投資</title><id>urn:e1</id><link href="https://example.org/ja1"/>
<published>2025-02-01T00:00:00Z</published><updated>2025-02-01T00:00:00Z</updated>
<content type="html">&lt;p&gt;日系企業がクアンニン省に12億ドルを投資する。&lt;/p&gt;</content></entry>
</feed>
"""


def test_pasted_text_is_stored_cleaned_and_analysed(officer, no_network):
    result = services.ingest_text(officer, text="  " + VI_TEXT.replace("\n", "\r\n") + "  ", source="Báo Quảng Ninh",
                                  published_on=datetime.date(2025, 1, 14))  # fmt: skip
    article = Article.objects.get()
    assert result.created is True
    assert (article.title, article.language, article.source, article.ingested_via) == (
        "Quảng Ninh đón 3 dự án Nhật Bản", "vi", "Báo Quảng Ninh", "paste")  # fmt: skip
    assert article.text == VI_TEXT
    assert article.analysed_at is not None
    assert [(f.kind, f.text) for f in article.facts.all()] == [
        ("count", "3 dự án"), ("count", "3 dự án"), ("money", "45 triệu USD")]  # fmt: skip
    money = article.facts.get(kind="money")
    assert article.text[money.start : money.end] == "45 triệu USD"
    assert article.story is not None
    entry = AuditEntry.objects.get(object_id=str(article.pk), content_type__model="article")
    assert (entry.action, entry.actor, entry.after["title"]) == ("create", officer, article.title)


def test_re_ingesting_changes_nothing(officer):
    first = services.ingest_text(officer, text=VI_TEXT, url="https://example.org/a1")
    again = services.ingest_text(officer, text=VI_TEXT.replace("\n\n", "\n\n\n") + "\n")
    same_url = services.ingest_text(officer, text=VI_TEXT + " Cập nhật.", url="https://example.org/a1")
    assert (again.created, same_url.created) == (False, False)
    assert again.article.pk == same_url.article.pk == first.article.pk
    assert (Article.objects.count(), Fact.objects.count(), Story.objects.count(), AuditEntry.objects.count()) == (
        1, 3, 1, 1)  # fmt: skip


@pytest.mark.parametrize(
    ("name", "data", "title"),
    [
        ("a.txt", EN_TEXT.encode(), "Japanese plant in Hai Phong"),
        (
            "a.md",
            ("# Japanese plant in Hai Phong\n\n" + EN_TEXT.split("\n\n")[1]).encode(),
            "# Japanese plant in Hai Phong",
        ),
        (
            "a.html",
            (
                b"<html><head><title>x</title><script>var a=1;</script></head><body><h1>Japanese plant in Hai Phong"
                b"</h1><p>A Japanese maker will invest 120 million USD in 2 projects.</p></body></html>"
            ),
            "Japanese plant in Hai Phong",
        ),
    ],
    ids=["txt", "md", "html"],
)
def test_uploaded_files(officer, name, data, title):
    (result,) = services.ingest_bytes(officer, data, name, via="upload")
    article = result.article
    assert (article.title, article.language, article.ingested_via) == (title, "en", "upload")
    assert "var a" not in article.text
    assert article.facts.filter(kind="money", value=120000000, currency="USD").count() == 1


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.pdf", b"%PDF-1.4", "is not a news file"),
        ("a.txt", "Tỉnh".encode("utf-16"), "is not a text file"),
        ("a.txt", "Đồng Nai à Hà Nội".encode("latin-1", "replace") + b"\xe0\xff", "is not UTF-8 text"),
        ("a.txt", b"x" * (services.MAX_UPLOAD_BYTES + 1), "is larger than"),
        ("a.txt", b"   \n ", "The article has no text."),
        ("feed.xml", b"<?xml version='1.0'?><nothing/>", "is not an RSS or Atom feed"),
    ],
    ids=["type", "binary", "encoding", "size", "empty", "not-a-feed"],
)
def test_bad_files_are_refused_and_nothing_is_stored(officer, name, data, message):
    with pytest.raises(ValidationError) as error:
        services.ingest_bytes(officer, data, name, via="upload")
    assert message in " ".join(error.value.messages)
    assert Article.objects.count() == 0


def test_rss_file_entries_become_articles(officer, tmp_path, no_network):
    feed = tmp_path / "news.rss"
    feed.write_text(RSS, encoding="utf-8")
    results = services.ingest_path(officer, feed)
    assert [r.created for r in results] == [True, True]
    first, second = (r.article for r in results)
    assert (first.title, first.source, first.url, first.published_on, first.ingested_via) == (
        "Nhà đầu tư Nhật rót 45 triệu USD",
        "Báo Đầu tư",
        "https://example.org/a1",
        datetime.date(2025, 1, 14),
        "feed",
    )
    assert "<b>" not in first.text and "3 dự án" in first.text
    assert (second.published_on, second.url) == (datetime.date(2025, 1, 15), "")
    assert Article.objects.exclude(analysed_at=None).count() == 2
    again = services.ingest_path(officer, feed)
    assert [r.created for r in again] == [False, False]
    assert Article.objects.count() == 2


def test_atom_file_content_becomes_an_article(officer, no_network):
    (result,) = services.ingest_bytes(officer, ATOM.encode(), "nikkei.atom", via="upload")
    article = result.article
    assert (article.language, article.source, article.url, article.published_on) == (
        "ja",
        "Nikkei Asia (test)",
        "https://example.org/ja1",
        datetime.date(2025, 2, 1),
    )
    assert article.text == "日系企業、ベトナムに12億ドル投資\n\n日系企業がクアンニン省に12億ドルを投資する。"
    assert article.facts.filter(kind="money", value=1200000000, currency="USD").count() == 2


def test_folder_command_ingests_files_and_feeds(officer, tmp_path, no_network):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(VI_TEXT, encoding="utf-8")
    (tmp_path / "sub" / "b.html").write_text(f"<html><body><p>{EN_TEXT}</p></body></html>", encoding="utf-8")
    (tmp_path / "sub" / "c.xml").write_text(ATOM, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    call_command(
        "intel", "ingest", str(tmp_path), "--user", "officer", "--source", "Desk folder", stdout=(out := _Out())
    )
    assert "3 new articles; 0 were already stored" in out.text
    assert sorted(Article.objects.values_list("source", flat=True)) == ["Desk folder", "Desk folder", "Desk folder"]
    assert set(Article.objects.values_list("ingested_via", flat=True)) == {"file", "feed"}
    call_command("intel", "ingest", str(tmp_path), stdout=(out := _Out()))
    assert "0 new articles; 3 were already stored" in out.text
    assert Article.objects.count() == 3


def test_leaders_cannot_ingest(leader):
    with pytest.raises(PermissionDenied):
        services.ingest_text(leader, text=VI_TEXT)
    assert Article.objects.count() == 0


def test_new_articles_join_existing_stories(officer):
    en = services.ingest_text(officer, text="Castem Vietnam will invest 80 million USD in Dong Mai, creating 450 jobs "
                              "from 2026-03, said Tanaka Ichiro in Quang Ninh.").article  # fmt: skip
    other = services.ingest_text(officer, text="Samsung adds 1.2 billion USD in Bac Ninh for 3 projects, 25% more "
                                 "than planned, Kim Min-jun said.").article  # fmt: skip
    vi = services.ingest_text(officer, text="Castem Vietnam sẽ đầu tư 80 triệu USD vào KCN Đông Mai, tạo 450 việc làm "
                              "từ tháng 3/2026, ông Tanaka Ichiro cho biết tại Quảng Ninh.").article  # fmt: skip
    en.refresh_from_db(), other.refresh_from_db(), vi.refresh_from_db()
    assert en.story_id == vi.story_id != other.story_id
    assert Story.objects.count() == 2
    assert en.story.articles.count() == 2


class _Out:
    def __init__(self):
        self.text = ""

    def write(self, message, *args, **kwargs):
        self.text += message

    def flush(self):
        pass


def test_the_command_refuses_leaders_and_missing_paths(leader, tmp_path):
    from django.core.management.base import CommandError

    (tmp_path / "a.txt").write_text(VI_TEXT, encoding="utf-8")
    with pytest.raises(CommandError, match="may not add articles"):
        call_command("intel", "ingest", str(tmp_path), "--user", "leader")
    with pytest.raises(CommandError, match="No such file or folder"):
        call_command("intel", "ingest", str(tmp_path / "missing"))
    with pytest.raises(CommandError, match="No user"):
        call_command("intel", "ingest", str(tmp_path), "--user", "nobody")
    assert Article.objects.count() == 0
