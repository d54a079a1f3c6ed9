"""The inquiry form: it becomes a CRM inquiry and lead, the sender is acknowledged in their language
with a private link, bad input is refused field by field in the reader's language, robots and floods
are turned away."""

import re
from decimal import Decimal

import pytest
from django.core import mail

from japandesk.crm.models import Inquiry, Lead


def form(**changes):
    data = {
        "name": "山田太郎",
        "company": "山田精機株式会社",
        "email": "taro@yamada.example",
        "country": "JP",
        "sector": "",
        "zone": "",
        "land_ha": "5.5",
        "timing": "6-12m",
        "message": "工場用地を探しています。",
        "language": "ja",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_an_inquiry_becomes_a_crm_inquiry_and_lead_and_is_acknowledged_in_the_senders_language(
    client, countries, sectors, public_zone, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/inquiry/", form(sector=sectors["26"].pk, zone=public_zone.pk, land_ha="5.5"))

    inquiry = Inquiry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/inquiry/{inquiry.tracking_token}/"
    assert (inquiry.kind, inquiry.name, inquiry.language, inquiry.country.code, inquiry.land_ha, inquiry.zone) == (
        "inquiry",
        "山田太郎",
        "ja",
        "JP",
        Decimal("5.5"),
        public_zone,
    )
    assert inquiry.timing == "Trong 6 đến 12 tháng" or inquiry.timing == "In 6 to 12 months"
    lead = Lead.objects.get()
    assert (lead.pipeline.key, inquiry.lead) == ("investment", lead)
    # the acknowledgement goes to the sender, in Japanese, with the private link in Japanese
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["taro@yamada.example"]
    assert f"http://testserver/ja/inquiry/{inquiry.tracking_token}/" in message.body
    assert "山田太郎" in message.body


def test_the_private_link_shows_the_status_and_an_unknown_token_nothing(client, countries):
    client.post("/ja/inquiry/", form())
    inquiry = Inquiry.objects.get()
    page = client.get(f"/ja/inquiry/{inquiry.tracking_token}/")
    assert page.status_code == 200
    assert page["X-Robots-Tag"] == "noindex"
    assert f'data-status="{inquiry.status}"' in page.content.decode()
    assert client.get("/ja/inquiry/not-a-token/").status_code == 404


def test_a_site_visit_request_from_a_zone_page_names_the_zone(client, countries, public_zone):
    response = client.post("/vi/zones/dong-mai-ip/visit/", form(zone=public_zone.pk, language="vi"))
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert (inquiry.kind, inquiry.zone, inquiry.language) == ("site_visit", public_zone, "vi")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"email": "not-an-address"}, "email"),
        ({"message": ""}, "message"),
        ({"consent": None}, "consent"),
        ({"land_ha": "lots"}, "land_ha"),
        ({"land_ha": "-3"}, "land_ha"),
        ({"country": "XX"}, "country"),
        ({"language": "fr"}, "language"),
    ],
    ids=["no-name", "bad-email", "no-message", "no-consent", "land-not-a-number", "negative-land", "country", "lang"],
)
def test_bad_input_is_refused_on_its_field_and_nothing_is_stored(client, countries, changes, field):
    response = client.post("/en/inquiry/", form(**changes))
    assert response.status_code == 400
    assert list(response.context["form"].errors) == [field]
    assert Inquiry.objects.count() == 0
    assert mail.outbox == []


def test_field_errors_are_in_the_readers_language(client, countries):
    response = client.post("/ja/inquiry/", form(consent=None, email=""))
    errors = response.context["form"].errors
    assert errors["email"] == ["この項目は必須です。"]
    assert errors["consent"] == ["ご回答のため、個人データの取り扱いに同意してください。"]


def test_a_filled_honeypot_is_thanked_and_forgotten(client, countries):
    response = client.post("/en/inquiry/", form(website="http://spam.example"))
    assert (response.status_code, response["Location"]) == (302, "/en/inquiry/received/")
    assert Inquiry.objects.count() == 0
    assert mail.outbox == []


def test_each_address_may_send_a_limited_number_of_inquiries(client, countries, settings):
    settings.JAPANDESK_INQUIRY_LIMIT = 3
    codes = [client.post("/en/inquiry/", form(), REMOTE_ADDR="203.0.113.7").status_code for _ in range(4)]
    assert codes == [302, 302, 302, 429]
    assert Inquiry.objects.count() == 3
    # another address is not affected
    assert client.post("/en/inquiry/", form(), REMOTE_ADDR="203.0.113.8").status_code == 302
    assert Inquiry.objects.count() == 4
    refused = client.post("/ja/inquiry/", form(), REMOTE_ADDR="203.0.113.7")
    assert refused.status_code == 429
    assert "data-rate-limited" in refused.content.decode()


def test_robots_count_against_the_limit_too(client, countries, settings):
    settings.JAPANDESK_INQUIRY_LIMIT = 2
    for _ in range(2):
        client.post("/en/inquiry/", form(website="x"), REMOTE_ADDR="198.51.100.1")
    assert client.post("/en/inquiry/", form(), REMOTE_ADDR="198.51.100.1").status_code == 429
    assert Inquiry.objects.count() == 0


def test_the_form_carries_a_csrf_token_and_the_consent_text(client, countries):
    html = client.get("/en/inquiry/").content.decode()
    assert "csrfmiddlewaretoken" in html
    assert "Decree 13/2023/ND-CP" in html
    assert re.search(r'name="website"[^>]*tabindex="-1"', html)


def test_a_failing_mail_server_does_not_lose_the_inquiry(
    client, countries, monkeypatch, django_capture_on_commit_callbacks
):
    from japandesk.portal import inquiries

    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(inquiries, "send_mail", broken)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/inquiry/", form())
    inquiry = Inquiry.objects.get()
    assert (response.status_code, response["Location"]) == (302, f"/en/inquiry/{inquiry.tracking_token}/")
    assert mail.outbox == []
