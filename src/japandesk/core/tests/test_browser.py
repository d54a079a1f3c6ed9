"""The real pages in headless Chromium: sign in, switch to Japanese, read the dashboard."""

import pytest

from japandesk.core.choices import Role
from japandesk.core.tests.browser import DESKTOP, PHONE, choose_language, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOT = "/tmp/dashboard-ja.png"


@pytest.fixture
def demo_officer(django_user_model):
    from japandesk.core.demo import REGISTRY_APPS, load_demo

    load_demo(only=REGISTRY_APPS)
    django_user_model.objects.create_user(username="browser-officer", password="browser-officer-pw", role=Role.OFFICER)
    return "browser-officer", "browser-officer-pw"


def figure(page, name: str) -> str:
    return " ".join(page.locator(f'[data-figure="{name}"]').first.inner_text().split())


def test_officer_reads_the_november_2025_figures_in_japanese(page, demo_officer, outside_requests):
    # given the demo registry and a desk officer whose browser asks for Vietnamese
    sign_in(page, *demo_officer)
    assert page.locator("html").get_attribute("lang") == "vi"

    # when they switch the interface to Japanese and open the dashboard as of 30 November 2025
    choose_language(page, "ja")
    page.goto("/registry/?as_of=2025-11-30")

    # then the page is in Japanese and shows the published figures, written the Japanese way
    assert page.locator("html").get_attribute("lang") == "ja"
    assert figure(page, "projects") == "228"
    assert figure(page, "focus_projects") == "16"
    assert figure(page, "focus_share") == "16.3%"
    assert figure(page, "registered_capital_usd") == "170億6,800万米ドル"
    # and the page fits the phone's width, and nothing was fetched from outside the product
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert outside_requests == []

    page.screenshot(path=SCREENSHOT)
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=SCREENSHOT.replace(".png", "-desktop.png"))


def test_api_docs_load_their_front_end_files_from_the_product(page, make_user, outside_requests):
    # given a signed-in leader
    make_user("reader", Role.LEADER)
    sign_in(page, "reader", "pw-reader")

    # when they open the API documentation
    response = page.goto("/api/docs/")

    # then Swagger UI, served from the vendored files, shows the API's title, and no CDN was asked
    assert response.status == 200
    html = page.content()
    assert "/static/vendor/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    page.locator(".swagger-ui .info .title").wait_for()
    assert "Japan Desk API" in page.locator(".swagger-ui .info .title").inner_text()
    assert outside_requests == []
