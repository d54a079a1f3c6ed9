"""The board in headless Chromium: sign in, switch to Japanese, drag a lead to another stage."""

import pytest

from japandesk.core.choices import Role
from japandesk.core.tests.browser import DESKTOP, PHONE, choose_language, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def board_lead(django_user_model):
    from japandesk.crm import services

    officer = django_user_model.objects.create_user(username="board-officer", password="board-pw", role=Role.OFFICER)
    services.ensure_pipelines()
    lead = services.create_lead(
        officer, pipeline="investment", title="Naniwa Automation plant", estimated_capital_usd=12_000_000
    )
    return lead


def test_officer_drags_a_lead_to_site_visit_in_japanese(page, board_lead, outside_requests):
    from japandesk.crm.models import Lead, StageChange

    # given a desk officer signed in, the interface switched to Japanese
    sign_in(page, "board-officer", "board-pw")
    choose_language(page, "ja")
    page.set_viewport_size(DESKTOP)
    page.goto("/crm/")
    assert page.locator("html").get_attribute("lang") == "ja"
    site_visit = page.locator('[data-stage-key="site_visit"]')
    assert "現地視察" in site_visit.locator("h2").inner_text()

    # when they drag the lead's card onto the "site visit" column
    card = page.locator(f'[data-lead="{board_lead.pk}"]')
    with page.expect_response(lambda r: r.url.endswith(f"/crm/leads/{board_lead.pk}/move/")) as moved:
        card.drag_to(site_visit.locator(".card-body").first, source_position={"x": 4, "y": 4})
    assert moved.value.status == 200

    # then the board is redrawn with the card in that column, and the database agrees
    page.locator(f'[data-stage-key="site_visit"] [data-lead="{board_lead.pk}"]').wait_for()
    lead = Lead.objects.select_related("stage").get(pk=board_lead.pk)
    assert lead.stage.key == "site_visit"
    assert StageChange.objects.filter(lead=lead).count() == 2

    # and on a phone the card's menu moves it on without dragging
    page.set_viewport_size(PHONE)
    menu = page.locator(f"#move-{board_lead.pk}")
    menu.select_option(label="事業提案")
    with page.expect_response(lambda r: r.url.endswith(f"/crm/leads/{board_lead.pk}/move/")):
        page.locator(f'[data-lead="{board_lead.pk}"] button[type=submit]').click()
    page.locator(f'[data-stage-key="proposal"] [data-lead="{board_lead.pk}"]').wait_for()
    assert Lead.objects.get(pk=board_lead.pk).stage.key == "proposal"
    assert outside_requests == []
