"""The real pages in headless Chromium, on a phone: a supplier registers itself in Vietnamese; a desk officer
reads a Japanese need's matches in Japanese and introduces a Vietnamese supplier."""

import pytest

from japandesk.core.tests.browser import PHONE, choose_language, sign_in
from japandesk.core.tests.conftest import browser, outside_requests, page  # noqa: F401 - fixtures of the browser
from japandesk.matching.models import Introduction, SupplierProfile

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_supplier_registers_in_vietnamese_on_a_phone(page, outside_requests):  # noqa: F811
    page.goto("/matching/public/register/")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("h1").inner_text() == "Đăng ký doanh nghiệp của bạn là nhà cung cấp"
    page.fill("#id_name", "Công ty TNHH Cơ khí Hạ Long")
    page.fill("#id_description", "Gia công CNC và dập kim loại tấm cho linh kiện ô tô.")
    page.fill("#id_certifications", "ISO 9001:2015")
    page.fill("#id_contact_email", "sales@halong.example")
    page.check("#id_consent")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    with page.expect_navigation():
        page.click("#public-register button[type=submit]")
    assert page.locator("[data-registered]").is_visible()
    profile = SupplierProfile.objects.get()
    assert (profile.verified, profile.certifications, profile.language) == (False, ["ISO 9001"], "vi")
    assert outside_requests == []


def test_officer_introduces_a_vietnamese_supplier_to_a_japanese_buyer(
    page,  # noqa: F811
    outside_requests,  # noqa: F811
    officer,
    stamping,
    bracket_need,
):
    sign_in(page, "officer", "pw-officer")
    choose_language(page, "ja")
    page.goto(f"/matching/needs/{bracket_need.pk}/")
    first = page.locator("#matches > li").first
    assert "IATF 16949 認証を取得済み" in page.locator("#matches").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    with page.expect_navigation():
        first.locator("[data-introduce]").click()
    introduction = Introduction.objects.get()
    assert page.url.endswith(f"/matching/introductions/{introduction.pk}/")
    assert introduction.profile.ref in {"s-vi", "s-ja"}
    assert outside_requests == []
