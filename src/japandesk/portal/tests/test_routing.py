"""One URL prefix per language, hreflang links between them, `/` by the browser's language, the sitemap."""

import pytest
from django.urls import reverse

PUBLIC_PAGES = ["", "sectors/", "zones/", "zones/dong-mai-ip/", "incentives/", "procedures/", "news/", "contact/"]


@pytest.mark.parametrize("language", ["ja", "en", "vi"])
@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_every_public_page_opens_in_each_language_without_signing_in(client, public_zone, language, page):
    response = client.get(f"/{language}/{page}")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    # hreflang links to the same page in the three languages, and x-default to English
    for other in ("ja", "en", "vi"):
        assert f'<link rel="alternate" hreflang="{other}" href="http://testserver/{other}/{page}">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="http://testserver/en/{page}">' in html


@pytest.mark.parametrize(
    ("accept", "expected"), [("ja,en;q=0.8", "/ja/"), ("en-US,en;q=0.9", "/en/"), ("vi", "/vi/"), ("fr", "/vi/")]
)
def test_the_root_sends_anonymous_visitors_to_the_portal_in_their_browsers_language(client, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert (response.status_code, response["Location"]) == (302, expected)


def test_a_language_chosen_before_wins_over_the_browser(client):
    client.cookies["japandesk_language"] = "en"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ja")
    assert response["Location"] == "/en/"


def test_signed_in_staff_keep_their_home_page(client, leader):
    client.force_login(leader)
    response = client.get("/")
    assert response.status_code == 200
    assert reverse("registry:dashboard") in response.content.decode()


def test_the_portal_speaks_the_language_of_its_prefix(client, public_zone):
    assert "お問い合わせ" in client.get("/ja/zones/").content.decode()
    ja = client.get("/ja/zones/dong-mai-ip/").content.decode()
    assert "日本基準の工業団地" in ja
    en = client.get("/en/zones/dong-mai-ip/").content.decode()
    assert "Dong Mai Industrial Park" in en
    # the Japanese description is the only one, so English readers see it, marked as another language
    assert 'lang="ja"' in en and "data-fallback-language" in en
    assert "data-fallback-language" not in ja


def test_an_unpublished_zone_is_not_public(client, officer, public_zone):
    from japandesk.zones import services

    services.update_zone(public_zone, actor=officer, published=False)
    assert client.get("/en/zones/dong-mai-ip/").status_code == 404
    assert client.get("/en/zones/dong-mai-ip/visit/").status_code == 404


def test_the_sitemap_lists_each_page_in_every_language(client, public_zone):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    for language in ("ja", "en", "vi"):
        assert f"<loc>http://testserver/{language}/zones/dong-mai-ip/</loc>" in xml
        assert f'hreflang="{language}" href="http://testserver/{language}/incentives/"' in xml
    assert "/inquiry/received/" not in xml
