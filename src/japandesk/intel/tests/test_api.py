"""The news API: articles with facts, fact review, stories; leaders read only."""

import datetime

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from japandesk.core.models import AuditEntry
from japandesk.intel.models import Article

TEXT = "In Quang Ninh, 3 projects are from Japan, with a total registered capital of 4.3 billion USD."


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def article(japanese_projects, ingest):
    return ingest(TEXT, published_on=datetime.date(2025, 3, 1), language="en")


def test_anonymous_clients_get_nothing(api, article):
    assert api.get(reverse("api:news-article-list")).status_code in (401, 403)
    assert api.get(reverse("api:news-story-list")).status_code in (401, 403)
    assert api.post(reverse("api:news-article-list"), {"text": "x"}).status_code in (401, 403)


def test_articles_with_facts(api, leader, article, django_assert_max_num_queries):
    api.force_authenticate(leader)
    with django_assert_max_num_queries(6):
        listing = api.get(reverse("api:news-article-list"), {"language": "en", "discrepancies": "true"}).json()
    assert [row["id"] for row in listing["results"]] == [article.pk]
    detail = api.get(reverse("api:news-article-detail", args=[article.pk])).json()
    assert detail["text"] == TEXT
    facts = [(f["kind"], f["text"], f["discrepancy"], f["origin"], f["registry_value"]) for f in detail["facts"]]
    assert facts == [
        ("count", "3 projects", True, "JP", "2.000000"),
        ("money", "4.3 billion USD", True, "JP", "4236000000.000000"),
    ]
    assert ["origin", "Japan", "JP"] in [[m["kind"], m["text"], m["country"]] for m in detail["mentions"]]
    stories = api.get(reverse("api:news-story-list")).json()
    assert [s["articles"] for s in stories["results"]] == [[article.pk]]


def test_leaders_cannot_write(api, leader, article):
    api.force_authenticate(leader)
    fact = article.facts.first()
    assert api.post(reverse("api:news-fact-review", args=[fact.pk]), {"decision": "accepted"}).status_code == 403
    assert api.post(reverse("api:news-article-list"), {"text": "Toyo invests 1 billion USD."}).status_code == 403
    assert Article.objects.count() == 1


def test_officers_add_articles_once(api, officer):
    api.force_authenticate(officer)
    body = {"text": "Toyo invests 1 billion USD in Quang Ninh.", "published_on": "2025-04-01", "source": "Wire"}
    created = api.post(reverse("api:news-article-list"), body, format="json")
    assert created.status_code == 201
    data = created.json()
    assert (data["language"], data["source"], data["ingested_via"], len(data["facts"])) == ("en", "Wire", "api", 1)
    again = api.post(reverse("api:news-article-list"), body, format="json")
    assert (again.status_code, again.json()["id"]) == (200, data["id"])
    bad = api.post(reverse("api:news-article-list"), {"text": " ", "url": "ftp://x"}, format="json")
    assert bad.status_code == 400
    assert Article.objects.count() == 1


def test_review_through_the_api(api, officer, article):
    api.force_authenticate(officer)
    fact = article.facts.get(kind="count")
    url = reverse("api:news-fact-review", args=[fact.pk])
    response = api.post(url, {"decision": "corrected", "value": "2", "note": "Registry"}, format="json")
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["corrected_value"], response.json()["reviewed_by"]) == (
        "corrected", "2.000000", "officer")  # fmt: skip
    entry = AuditEntry.objects.get(content_type__model="fact", object_id=str(fact.pk))
    assert (entry.source, entry.actor) == ("api", officer)
    bad = api.post(url, {"decision": "corrected", "value": "x"}, format="json")
    assert bad.status_code == 400 and "value" in bad.json()
    pending = api.get(reverse("api:news-fact-list"), {"status": "pending"}).json()
    assert [f["text"] for f in pending["results"]] == ["4.3 billion USD"]
