"""Staff screens for the portal's content: leaders read, officers edit, every change is audited."""

import datetime

import pytest
from django.urls import reverse

from japandesk.core.models import AuditEntry
from japandesk.portal import services
from japandesk.portal.models import NewsPost, PageTranslation

EDIT_URLS = [
    "/en/manage/pages/incentives/ja/",
    "/en/manage/news/new/",
]


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for url in ["/en/manage/", *EDIT_URLS]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("url", EDIT_URLS)
def test_leaders_read_the_content_list_but_change_nothing(client, leader, url):
    client.force_login(leader)
    assert client.get("/en/manage/").status_code == 200
    assert client.get(url).status_code == 403
    assert client.post(url, {"title": "x", "body": "y", "slug": "x", "published_on": "2026-01-01"}).status_code == 403
    assert PageTranslation.objects.count() == NewsPost.objects.count() == 0


def test_an_officer_writes_a_page_in_japanese_and_it_is_audited(client, officer):
    client.force_login(officer)
    response = client.post(
        "/en/manage/pages/incentives/ja/", {"title": "投資優遇", "body": "法人税の優遇。\n\n輸入税の免除。"}
    )
    assert response.status_code == 302
    row = PageTranslation.objects.get()
    assert (row.key, row.language, row.title) == ("incentives", "ja", "投資優遇")
    entry = AuditEntry.objects.get(object_repr__startswith="Incentives")
    assert (entry.action, entry.actor) == ("create", officer)
    public = client.get("/ja/incentives/").content.decode()
    assert "<p>法人税の優遇。</p>" in public and "<p>輸入税の免除。</p>" in public


def test_a_page_needs_both_title_and_text(client, officer):
    client.force_login(officer)
    response = client.post("/en/manage/pages/procedures/en/", {"title": "Procedures", "body": ""})
    assert response.status_code == 200
    assert response.context["form"].errors == {"body": ["Write the page's text."]}


def test_news_appears_once_published_and_in_the_readers_language(client, officer):
    post = services.save_news(
        None, slug="jetro-seminar", published_on=datetime.date(2026, 3, 2), is_published=False, actor=officer
    )
    services.save_news_text(post, language="ja", title="JETROセミナー", body="開催しました。", actor=officer)
    services.save_news_text(post, language="en", title="JETRO seminar", body="It took place.", actor=officer)
    assert client.get("/ja/news/jetro-seminar/").status_code == 404

    services.save_news(
        post, slug="jetro-seminar", published_on=datetime.date(2026, 3, 2), is_published=True, actor=officer
    )

    assert "JETROセミナー" in client.get("/ja/news/jetro-seminar/").content.decode()
    assert "JETRO seminar" in client.get("/en/news/").content.decode()
    # no Vietnamese text: Vietnamese readers get the English one
    assert "JETRO seminar" in client.get("/vi/news/jetro-seminar/").content.decode()
