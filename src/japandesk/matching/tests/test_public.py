"""The public self-registration and renewal pages: no sign-in, CSRF, honeypot, rate limit, consent."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from japandesk.matching.choices import ProfileSource
from japandesk.matching.models import Brochure, SupplierProfile
from japandesk.matching.tests.conftest import days
from japandesk.matching.tests.test_services import PDF
from japandesk.matching.views.public import RATE_LIMIT

pytestmark = pytest.mark.django_db

URL = "/matching/public/register/"


def form_data(**extra):
    return {
        "name": "Công ty TNHH Cơ khí Uông Bí",
        "description": "Gia công CNC, dập kim loại tấm cho linh kiện ô tô.",
        "processes": ["cnc"],
        "certifications": "ISO 9001:2015",
        "contact_email": "sales@uongbi.example",
        "consent": "on",
        **extra,
    }


def test_the_url_is_public_under_matching_public(client):
    assert reverse("matching:public-register") == URL
    response = client.get(URL)
    assert response.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("vi", "Đăng ký doanh nghiệp của bạn là nhà cung cấp"),
        ("ja", "サプライヤーとして貴社を登録する"),
        ("en", "Register your company as a supplier"),
    ],
    ids=["vi", "ja", "en"],
)
def test_the_form_speaks_three_languages(client, language, heading):
    client.cookies["japandesk_language"] = language
    assert heading in client.get(URL).content.decode()


def test_registration_creates_an_unverified_profile_the_desk_reviews(client):
    brochure = SimpleUploadedFile("catalogue.pdf", PDF, content_type="application/pdf")
    response = client.post(URL, form_data(brochure=brochure))
    assert response.status_code == 302
    assert response["Location"] == reverse("matching:public-thanks")
    profile = SupplierProfile.objects.get()
    assert (profile.source, profile.verified, profile.language) == (ProfileSource.PUBLIC, False, "vi")
    assert profile.certifications == ["ISO 9001"]
    assert profile.is_proposed() is False
    assert Brochure.objects.get().profile == profile


def test_registration_without_consent_is_refused(client):
    data = form_data()
    del data["consent"]
    response = client.post(URL, data)
    assert response.status_code == 200
    assert "consent" in response.context["form"].errors
    assert SupplierProfile.objects.count() == 0


def test_a_bad_brochure_is_refused_and_nothing_is_stored(client):
    response = client.post(URL, form_data(brochure=SimpleUploadedFile("x.pdf", b"MZ\x90\x00 not a pdf")))
    assert response.status_code == 200
    assert response.context["form"].errors["brochure"] == ["Only PDF, PNG and JPEG files are accepted."]
    assert SupplierProfile.objects.count() == 0


def test_the_honeypot_turns_robots_away_silently(client):
    response = client.post(URL, form_data(homepage="http://spam.example"))
    assert response["Location"] == reverse("matching:public-thanks")
    assert SupplierProfile.objects.count() == 0


def test_csrf_is_enforced(db):
    client = Client(enforce_csrf_checks=True)
    assert client.post(URL, form_data()).status_code == 403
    assert SupplierProfile.objects.count() == 0


def test_rate_limit_per_address(client):
    for i in range(RATE_LIMIT):
        assert client.post(URL, form_data(contact_email=f"s{i}@example.com")).status_code == 302
    response = client.post(URL, form_data(contact_email="late@example.com"))
    assert response.status_code == 429
    assert SupplierProfile.objects.count() == RATE_LIMIT
    other = client.post(URL, form_data(contact_email="other@example.com"), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_renewal_link(client, make_profile, today):
    profile = make_profile("s-1", "Dập.", expires_on=today + days(10))
    url = reverse("matching:public-renew", args=[profile.renewal_token])
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 200
    profile.refresh_from_db()
    assert profile.expires_on == today + days(375)
    assert client.get(reverse("matching:public-renew", args=["not-a-token"])).status_code == 404
