"""Public registration in Japanese, English and Vietnamese, and the participant's private page."""

import pytest
from django.core import mail
from django.urls import reverse

from japandesk.events import services
from japandesk.events.choices import RequestStatus
from japandesk.events.models import Meeting, MeetingRequest, Participant
from japandesk.events.views import public


def form_data(conference, **changes):
    data = {
        "kind": "investor",
        "organisation": "株式会社テスト",
        "name": "山田太郎",
        "email": "Yamada@Example.JP",
        "phone": "",
        "country_code": "jp",
        "language": "ja",
        "profile": "Precision parts",
        "looking_for": "Land",
        "available": [str(s.pk) for s in conference.slots.order_by("start")[:3]],
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("language", "title", "button"),
    [("ja", "テスト会議", "登録"), ("en", "Test conference", "Register"), ("vi", "Hội nghị thử nghiệm", "Đăng ký")],
)
def test_registration_page_speaks_the_chosen_language(client, conference, language, title, button):
    url = reverse("events:public-event", args=[conference.slug])
    response = client.get(url + f"?lang={language}", follow=True)
    assert response.redirect_chain == [(url, 302)]
    html = response.content.decode()
    assert response["Content-Language"] == language
    assert f'<h1 class="h3">{title}</h1>' in html
    assert f">{button}</button>" in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_registration_stores_the_participant_and_sends_the_private_link(client, conference):
    url = reverse("events:public-event", args=[conference.slug])
    response = client.post(url, form_data(conference))
    participant = Participant.objects.get(email="yamada@example.jp")
    assert response.status_code == 302
    assert response["Location"] == participant.get_private_url()
    assert (participant.kind, participant.country_code, participant.language) == ("investor", "JP", "ja")
    assert participant.available.count() == 3
    assert participant.consent_at is not None
    assert len(participant.token) >= 32
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["yamada@example.jp"]
    assert mail.outbox[0].subject == "テスト会議への登録"
    assert participant.get_private_url() in mail.outbox[0].body


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"consent": ""}, "consent", "Registration needs your consent to the processing of your personal data."),
        ({"email": "org1@"}, "email", "Enter a valid email address."),
        ({"email": "inv1@example.org"}, "email", "This e-mail address is already registered for the event."),
        ({"available": []}, "available", "Choose at least one slot in which you can meet."),
        ({"country_code": "JPN"}, "country_code", "Ensure this value has at most 2 characters (it has 3)."),
        ({"organisation": " "}, "organisation", "This field is required."),
    ],
    ids=["no-consent", "bad-email", "duplicate", "no-slot", "bad-country", "no-organisation"],
)
def test_bad_registrations_are_refused_with_a_clear_error(client, conference, changes, field, message):
    with_english = client.get(reverse("events:public-event", args=[conference.slug]) + "?lang=en")
    assert with_english.status_code == 302
    before = Participant.objects.count()
    response = client.post(reverse("events:public-event", args=[conference.slug]), form_data(conference, **changes))
    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert Participant.objects.count() == before
    assert mail.outbox == []


def test_the_honeypot_stores_nothing(client, conference):
    response = client.post(
        reverse("events:public-event", args=[conference.slug]), form_data(conference, website="http://spam")
    )
    assert response.status_code == 200
    assert not Participant.objects.filter(email="yamada@example.jp").exists()


def test_registration_is_rate_limited_per_address(client, conference, monkeypatch):
    monkeypatch.setitem(public.RATE_LIMITS, "register", (2, 3600))
    url = reverse("events:public-event", args=[conference.slug])
    for n in range(2):
        client.post(url, form_data(conference, email=f"r{n}@example.jp"))
    response = client.post(url, form_data(conference, email="r3@example.jp"), follow=True)
    assert Participant.objects.filter(email__startswith="r").count() == 2
    assert "Too many registrations from your address" in response.content.decode()


def test_registration_closed(client, conference):
    services.update_event(conference, registration_open=False)
    response = client.post(reverse("events:public-event", args=[conference.slug]), form_data(conference))
    assert not Participant.objects.filter(email="yamada@example.jp").exists()
    assert "Registration for this event is closed." in response.content.decode()


def test_the_private_page_sends_answers_and_cancels_requests(client, conference):
    p = conference.people
    incoming = services.send_request(p["sup1"], p["inv1"], message="Hello")
    page = client.get(p["inv1"].get_private_url())
    html = page.content.decode()
    assert page["Content-Language"] == "ja"
    assert "Org sup1" in html and "Hello" in html
    # inv1 asks sup2; the list offers only whom the rules allow and who is not linked yet.
    choices = dict(page.context["form"].fields["recipient"].choices)
    assert p["sup2"].pk in choices and p["sup1"].pk not in choices and p["press"].pk not in choices
    client.post(p["inv1"].get_private_url(), {"recipient": p["sup2"].pk, "priority": "2", "message": ""})
    sent = MeetingRequest.objects.get(requester=p["inv1"])
    assert (sent.recipient, sent.priority) == (p["sup2"], 2)
    assert mail.outbox[-1].to == ["sup2@example.org"]
    client.post(reverse("events:public-request", args=[p["inv1"].token, incoming.pk]), {"action": "accept"})
    incoming.refresh_from_db()
    assert incoming.status == RequestStatus.ACCEPTED
    assert Meeting.objects.filter(request=incoming).count() == 1
    client.post(reverse("events:public-request", args=[p["inv1"].token, sent.pk]), {"action": "cancel"})
    sent.refresh_from_db()
    assert sent.status == RequestStatus.CANCELLED


def test_a_participant_cannot_answer_for_someone_else(client, conference):
    p = conference.people
    request = services.send_request(p["sup1"], p["inv1"])
    response = client.post(reverse("events:public-request", args=[p["sup1"].token, request.pk]), {"action": "accept"})
    assert response.status_code == 404
    outsider = client.post(reverse("events:public-request", args=[p["sup2"].token, request.pk]), {"action": "cancel"})
    assert outsider.status_code == 404
    request.refresh_from_db()
    assert request.status == RequestStatus.PENDING


def test_an_unknown_token_finds_nothing(client, conference):
    assert client.get(reverse("events:public-participant", args=["not-a-token"])).status_code == 404


def test_public_posts_need_a_csrf_token(conference):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("events:public-event", args=[conference.slug]), form_data(conference))
    assert response.status_code == 403


def test_participants_change_their_availability_on_their_page(client, conference):
    participant = conference.people["sup1"]
    slots = list(conference.slots.order_by("start"))
    url = reverse("events:public-availability", args=[participant.token])
    client.post(url, {"available": [slots[0].pk, slots[5].pk]})
    assert sorted(participant.available.values_list("pk", flat=True)) == [slots[0].pk, slots[5].pk]
    response = client.post(url, {}, follow=True)
    # The participant chose Vietnamese: the page answers in it.
    assert "Hãy chọn ít nhất một khung giờ bạn có thể gặp." in response.content.decode()
    assert participant.available.count() == 2
