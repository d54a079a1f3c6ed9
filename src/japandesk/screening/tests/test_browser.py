"""The effectiveness dashboard in headless Chromium, on a phone, in Japanese."""

import datetime

import pytest

from japandesk.core.tests.browser import PHONE, choose_language, sign_in
from japandesk.screening.tests.conftest import report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_leader_reads_the_effectiveness_dashboard_on_a_phone(
    page, leader, committed_project, officer, outside_requests
):
    # given a Japanese project that reported 1 of the 10 million it committed
    report(committed_project, officer, datetime.date(2021, 12, 31), "1000000", jobs=10, land="1")
    sign_in(page, "leader", "pw-leader")
    choose_language(page, "ja")

    # when the leader opens the dashboard as of 1 June 2023
    page.goto("/screening/?as_of=2023-06-01")

    # then the figures are there, the chart is drawn, the page fits the phone, nothing came from outside
    assert page.locator("html").get_attribute("lang") == "ja"
    assert page.locator('[data-figure="japan_projects"]').inner_text() == "1"
    assert page.locator('[data-ground="not_operating"]').get_attribute("data-value") == "1"
    page.wait_for_function("document.getElementById('chart-trend').width > 0")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert outside_requests == []

    # and the Japanese figure opens the project behind it
    with page.expect_navigation():
        page.locator('[data-figure="japan_projects"]').click()
    assert page.locator('[data-project="QN-T-001"]').count() == 1
