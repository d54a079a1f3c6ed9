"""The news pages: roles, filters, the article page, review and the one-click lead."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from japandesk.intel.models import Article, Fact

FLAGGED = "In Quang Ninh, 3 projects are from Japan, with a total registered capital of 4.3 billion USD."
AGREEING = "Japanese investors now hold 2 projects in Quang Ninh province with registered capital of 4.2 billion USD."
TOYO = "Toyo Heavy Industries will invest 500 million USD in KCN Đông Mai, Quang Ninh."


@pytest.fixture
def articles(japanese_projects, ingest):
    return {
        "flagged": ingest(FLAGGED, published_on=datetime.date(2025, 3, 1), language="en"),
        "agreeing": ingest(AGREEING, published_on=datetime.date(2025, 5, 1), language="en"),
        "toyo": ingest(TOYO, published_on=datetime.date(2025, 6, 1), language="en"),
        "vi": ingest(
            "Tỉnh Quảng Ninh đón đoàn 12 doanh nghiệp Nhật Bản ngày 14/01/2025.",
            published_on=datetime.date(2025, 1, 14),
        ),  # fmt: skip
    }


def count(response) -> int:
    return int(re.search(rb'data-result-count="(\d+)"', response.content).group(1))


def test_anonymous_visitors_are_sent_to_sign_in(client, articles):
    for url in (reverse("intel:article-list"), articles["vi"].get_absolute_url(), reverse("intel:story-list"),
                reverse("intel:article-ingest")):  # fmt: skip
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]
    fact = articles["vi"].facts.first()
    assert client.post(reverse("intel:fact-review", args=[fact.pk]), {"decision": "accepted"}).status_code == 302
    assert Fact.objects.get(pk=fact.pk).status == "pending"


def test_leaders_read_but_change_nothing(client, leader, articles):
    client.force_login(leader)
    article = articles["flagged"]
    for url in (reverse("intel:article-list"), article.get_absolute_url(), reverse("intel:story-list"),
                article.story.get_absolute_url()):  # fmt: skip
        assert client.get(url).status_code == 200
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'action="/intel/facts/' not in page and "make-lead" not in page
    fact = article.facts.first()
    assert client.post(reverse("intel:fact-review", args=[fact.pk]), {"decision": "accepted"}).status_code == 403
    assert client.get(reverse("intel:article-ingest")).status_code == 403
    assert client.post(reverse("intel:article-ingest"), {"form": "paste", "text": "x"}).status_code == 403
    assert client.post(reverse("intel:article-lead", args=[articles["toyo"].pk])).status_code == 403
    assert Fact.objects.get(pk=fact.pk).status == "pending"
    assert Article.objects.count() == 4


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", 4),
        ("language=vi", 1),
        ("language=en", 3),
        ("discrepancies=on", 1),
        ("discrepancies=true", 1),
        ("published_from=2025-03-01&published_to=2025-05-31", 2),
        ("review=pending", 4),
        ("review=accepted", 0),
        ("q=Toyo", 1),
    ],
)
def test_feed_filters(client, officer, articles, query, expected):
    client.force_login(officer)
    response = client.get(reverse("intel:article-list") + "?" + query)
    assert response.status_code == 200
    assert count(response) == expected


def test_feed_filters_by_linked_zone_investor_and_story(client, officer, articles, japanese_projects):
    client.force_login(officer)
    zone = japanese_projects["sample"].zone
    investor = japanese_projects["toyo_investor"]
    assert count(client.get(reverse("intel:article-list") + f"?zone={zone.pk}")) == 1
    assert count(client.get(reverse("intel:article-list") + f"?investor={investor.pk}")) == 1
    story = articles["vi"].story
    assert count(client.get(reverse("intel:article-list") + f"?story={story.pk}")) == story.articles.count()


def test_feed_query_count_does_not_grow_with_articles(client, officer, articles, django_assert_max_num_queries):
    client.force_login(officer)
    with django_assert_max_num_queries(12):
        client.get(reverse("intel:article-list"))


def test_article_page_marks_facts_at_their_offsets_and_links_names(client, officer, articles, japanese_projects):
    client.force_login(officer)
    article = articles["toyo"]
    page = client.get(article.get_absolute_url()).content.decode()
    money = article.facts.get(kind="money")
    assert re.search(rf'data-start="{money.start}" data-end="{money.end}" title="[^"]+">500 million USD</mark>', page)
    investor = japanese_projects["toyo_investor"]
    assert f'<a class="mention" href="/registry/investors/{investor.pk}/">Toyo Heavy Industries</a>' in page
    assert '<a class="mention" href="/zones/dong-mai-ip/">KCN Đông Mai</a>' in page
    flagged = client.get(articles["flagged"].get_absolute_url()).content.decode()
    assert flagged.count("fact-discrepancy") == 2


def test_review_with_htmx_replaces_the_row(client, officer, articles):
    client.force_login(officer)
    fact = articles["flagged"].facts.get(kind="count")
    url = reverse("intel:fact-review", args=[fact.pk])
    response = client.post(url, {"decision": "corrected", "value": "2"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert (
        f'id="fact-{fact.pk}"' in response.content.decode() and 'data-status="corrected"' in response.content.decode()
    )
    fact.refresh_from_db()
    assert (fact.status, fact.corrected_value, fact.reviewed_by) == ("corrected", 2, officer)
    bad = client.post(url, {"decision": "corrected", "value": "two"}, HTTP_HX_REQUEST="true")
    assert bad.status_code == 200
    assert "is not a number" in bad.content.decode() or "không phải là số" in bad.content.decode()
    plain = client.post(url, {"decision": "rejected"})
    assert plain.status_code == 302 and plain["Location"].endswith(f"#fact-{fact.pk}")
    page = client.get(articles["flagged"].get_absolute_url()).content.decode()
    assert "data-audit-history" in page and page.count('data-audit-action="update"') == 2


def test_paste_and_upload_pages(client, officer):
    client.force_login(officer)
    response = client.post(reverse("intel:article-ingest"), {"form": "paste", "text": "Samsung invests 1 billion USD.",
                                                             "published_on": "2025-02-03"})  # fmt: skip
    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"] == article.get_absolute_url()
    assert (article.ingested_via, article.ingested_by, article.published_on) == (
        "paste",
        officer,
        datetime.date(2025, 2, 3),
    )
    upload = SimpleUploadedFile("a.html", b"<html><body><p>Toyo invests 2 billion USD.</p></body></html>", "text/html")
    response = client.post(reverse("intel:article-ingest"), {"form": "upload", "file": upload})
    assert response.status_code == 302
    assert Article.objects.filter(ingested_via="upload").count() == 1
    bad = client.post(reverse("intel:article-ingest"), {"form": "upload", "file": SimpleUploadedFile("a.exe", b"MZ")})
    assert bad.status_code == 200 and "data-form-errors" in bad.content.decode()
    future = client.post(
        reverse("intel:article-ingest"), {"form": "paste", "text": "Later news.", "published_on": "2999-01-01"}
    )
    assert future.status_code == 200 and Article.objects.count() == 2


def test_one_click_lead(client, officer, articles):
    from japandesk.crm.models import Lead

    client.force_login(officer)
    article = articles["toyo"]
    assert 'id="make-lead"' in client.get(article.get_absolute_url()).content.decode()
    no_money = articles["vi"]
    assert 'id="make-lead"' not in client.get(no_money.get_absolute_url()).content.decode()
    response = client.post(reverse("intel:article-lead", args=[article.pk]))
    lead = Lead.objects.get()
    assert response.status_code == 302 and response["Location"] == lead.get_absolute_url()
    assert (
        lead.pipeline.key,
        lead.title,
        lead.country.code,
        lead.estimated_capital_usd,
        lead.zone.code,
        lead.source,
    ) == ("investment", TOYO, "JP", 500000000, "dong-mai-ip", "intel")
    assert "Toyo Heavy Industries" in lead.organisation_name
    article.refresh_from_db()
    assert article.lead_url == lead.get_absolute_url()
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'id="make-lead"' not in page
    assert f'href="{lead.get_absolute_url()}"' in page
    client.post(reverse("intel:article-lead", args=[article.pk]))
    assert Lead.objects.count() == 1


def test_lead_button_hidden_without_the_crm(client, officer, articles, monkeypatch):
    from japandesk.intel import services

    monkeypatch.setattr(services, "lead_service", lambda: None)
    client.force_login(officer)
    assert 'id="make-lead"' not in client.get(articles["toyo"].get_absolute_url()).content.decode()


def test_story_page_shows_versions_side_by_side(client, officer, ingest):
    en = ingest(
        "Castem Vietnam will invest 80 million USD in Dong Mai, creating 450 jobs from 2026-03, said Tanaka Ichiro."
    )
    vi = ingest(
        "Castem Vietnam sẽ đầu tư 80 triệu USD vào KCN Đông Mai, tạo 450 việc làm từ tháng 3/2026, "
        "ông Tanaka Ichiro cho biết."
    )
    assert en.story_id == vi.story_id
    client.force_login(officer)
    page = client.get(en.story.get_absolute_url()).content.decode()
    assert page.count('class="col-11 col-md-6 col-xl-4" data-article=') == 2
    assert "80 triệu USD</mark>" in page and "80 million USD</mark>" in page


def test_a_lead_names_the_crm_organisation(client, officer, japanese_projects, ingest):
    from japandesk.crm import services as crm
    from japandesk.crm.models import Lead

    organisation = crm.create_organisation(officer, name="Kansai Robotics Co., Ltd.")
    article = ingest("Kansai Robotics will invest 30 million USD in a Ha Long plant.", language="en")
    client.force_login(officer)
    client.post(reverse("intel:article-lead", args=[article.pk]))
    lead = Lead.objects.get()
    assert (lead.organisation, lead.estimated_capital_usd, lead.country) == (organisation, 30000000, None)
