"""The public portal in headless Chromium: axe-core finds no serious or critical WCAG 2.1 AA violation
on any public page, and an investor sends an inquiry in Japanese."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail

from japandesk.core.tests.browser import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(settings.STATICFILES_DIRS[0]) / "vendor" / "axe-core" / "axe.min.js"
PAGES = [
    "",
    "sectors/",
    "zones/",
    "zones/song-khoai-ip/",
    "zones/quang-yen-ez/",
    "incentives/",
    "procedures/",
    "news/",
    "news/jetro-seminar/",
    "contact/",
    "privacy/",
    "inquiry/",
    "zones/song-khoai-ip/visit/",
]


@pytest.fixture
def portal_data(django_user_model):
    from japandesk.core.choices import Role
    from japandesk.portal import services
    from japandesk.registry import reference
    from japandesk.zones import demo

    reference.load()
    demo.load()
    officer = django_user_model.objects.create_user(username="editor", password="pw", role=Role.OFFICER)
    for language, title, body in [
        ("ja", "投資優遇", "法人税の優遇があります。\n\n輸入関税の免除。"),
        ("en", "Incentives", "Corporate income tax incentives.\n\nImport duty exemptions."),
        ("vi", "Ưu đãi đầu tư", "Ưu đãi thuế thu nhập doanh nghiệp."),
    ]:
        services.save_page(key="incentives", language=language, title=title, body=body, actor=officer)
    post = services.save_news(
        None, slug="jetro-seminar", published_on=datetime.date(2026, 3, 2), is_published=True, actor=officer
    )
    services.save_news_text(post, language="ja", title="JETROセミナー", body="開催しました。", actor=officer)
    return officer


def serious_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_no_serious_accessibility_violation_on_the_public_pages(page, portal_data, outside_requests):
    # every public page in Japanese on a phone (and none wider than the phone), a few in English on a desktop
    visits = [("ja", path, None) for path in PAGES] + [("en", path, DESKTOP) for path in ("", "zones/", "inquiry/")]
    found = {}
    for language, path, size in visits:
        if size:
            page.set_viewport_size(size)
        response = page.goto(f"/{language}/{path}")
        assert response.status == 200, path
        page.wait_for_load_state("load")
        if page.locator("#zone-map").count():
            page.locator("#zone-map .leaflet-interactive").first.wait_for()
        violations = serious_violations(page)
        if size is None and page.evaluate("document.documentElement.scrollWidth") > PHONE["width"]:
            violations.append("wider than a phone's screen")
        if violations:
            found[f"/{language}/{path}"] = violations
    assert found == {}
    assert outside_requests == []


def test_an_investor_sends_an_inquiry_in_japanese(page, portal_data, outside_requests):
    from japandesk.crm.models import Inquiry

    # given a Japanese investor on a park's page
    page.goto("/ja/zones/song-khoai-ip/")
    assert page.locator("html").get_attribute("lang") == "ja"
    # the map drew the province outline and the park without any tile server
    page.locator("#zone-map path.leaflet-interactive").first.wait_for()

    # when they ask for a site visit, leaving out the consent first
    page.click("[data-site-visit]")
    page.fill("#id_name", "山田太郎")
    page.fill("#id_company", "山田精機株式会社")
    page.fill("#id_email", "taro@yamada.example")
    page.fill("#id_land_ha", "12.5")
    page.select_option("#id_timing", "6-12m")
    page.fill("#id_message", "来月、現地を視察したいです。")
    with page.expect_navigation():
        page.click("#inquiry-form button[type=submit]")

    # then the form says, in Japanese, what is missing, and keeps what they typed
    assert page.locator("#id_consent ~ .invalid-feedback").inner_text() == (
        "ご回答のため、個人データの取り扱いに同意してください。"
    )
    assert page.input_value("#id_name") == "山田太郎"
    assert Inquiry.objects.count() == 0

    # when they agree and send again
    page.check("#id_consent")
    with page.expect_navigation():
        page.click("#inquiry-form button[type=submit]")

    # then they see their inquiry's status page in Japanese, and the desk has it
    inquiry = Inquiry.objects.get()
    assert page.url.endswith(f"/ja/inquiry/{inquiry.tracking_token}/")
    assert page.locator("h1").inner_text() == "お問い合わせの状況"
    assert (inquiry.kind, inquiry.zone.code, inquiry.language, str(inquiry.land_ha)) == (
        "site_visit",
        "song-khoai-ip",
        "ja",
        "12.5000",
    )
    # and an acknowledgement in Japanese went to them with the private link
    assert [m.to for m in mail.outbox] == [["taro@yamada.example"]]
    assert "ジャパンデスク" in mail.outbox[0].subject
    assert f"/ja/inquiry/{inquiry.tracking_token}/" in mail.outbox[0].body
    assert outside_requests == []
