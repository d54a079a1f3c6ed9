"""A desk officer reviews a fact on a phone, in Japanese, without the page reloading."""

import datetime

import pytest

from japandesk.core.tests.browser import PHONE, choose_language, sign_in

SCREENSHOT = "/tmp/intel-article-ja.png"


@pytest.mark.browser
def test_officer_accepts_a_flagged_figure_on_a_phone(page, officer, japanese_projects, ingest, outside_requests):
    # given an article whose count of Japanese projects disagrees with the registry
    article = ingest(
        "In Quang Ninh, 3 projects are from Japan, with a total registered capital of 4.3 billion USD.",
        published_on=datetime.date(2025, 3, 1),
        language="en",
    )
    fact = article.facts.get(kind="count")
    sign_in(page, "officer", "pw-officer")
    choose_language(page, "ja")

    # when the officer opens the article and accepts the figure
    page.goto(article.get_absolute_url())
    row = page.locator(f"#fact-{fact.pk}")
    assert row.get_attribute("class") == "table-danger"
    assert page.locator("mark.fact-discrepancy").count() == 2
    row.locator("button[value=accepted]").click()

    # then the row is replaced in place with the decision and who made it
    page.locator(f'#fact-{fact.pk}[data-status="accepted"]').wait_for()
    assert "承諾済み" in page.locator(f"#fact-{fact.pk}").inner_text()
    assert "officer" in page.locator(f"#fact-{fact.pk}").inner_text()
    fact.refresh_from_db()
    assert (fact.status, fact.reviewed_by.username) == ("accepted", "officer")
    # and the page fits the phone, with nothing fetched from outside the product
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert outside_requests == []
    page.screenshot(path=SCREENSHOT, full_page=True)
