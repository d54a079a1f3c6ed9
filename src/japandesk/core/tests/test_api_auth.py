"""Who gets into the API: session and token authentication, and the roles behind them."""

import io

import pytest
from django.core.management import call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


def create_token(username: str) -> str:
    out = io.StringIO()
    call_command("drf_create_token", username, stdout=out)
    return Token.objects.get(user__username=username).key


def test_drf_create_token_prints_the_users_token(officer):
    # When
    out = io.StringIO()
    call_command("drf_create_token", "officer", stdout=out)

    # Then
    token = Token.objects.get(user=officer)
    assert out.getvalue().strip() == f"Generated token {token.key} for user officer"


def test_a_token_opens_the_api(officer, registered_project):
    # Given
    key = create_token("officer")
    client = APIClient()

    # When
    denied = client.get("/api/projects/")
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    allowed = client.get("/api/projects/")
    created = client.post("/api/investors/", {"name": "Token K.K.", "country": "JP"}, format="json")

    # Then
    assert denied.status_code == 403
    assert allowed.status_code == 200
    assert [row["code"] for row in allowed.json()["results"]] == ["QN-T-001"]
    assert created.status_code == 201


def test_a_wrong_token_is_refused(officer):
    # Given
    create_token("officer")
    client = APIClient(HTTP_AUTHORIZATION="Token not-a-real-token")

    # When
    response = client.get("/api/projects/")

    # Then
    assert response.status_code == 403


def test_a_leaders_token_reads_but_does_not_write(leader, countries):
    # Given
    client = APIClient(HTTP_AUTHORIZATION=f"Token {create_token('leader')}")

    # When
    read = client.get("/api/investors/")
    written = client.post("/api/investors/", {"name": "X", "country": "JP"}, format="json")

    # Then
    assert (read.status_code, written.status_code) == (200, 403)


def test_a_deactivated_users_token_stops_working(officer):
    # Given
    client = APIClient(HTTP_AUTHORIZATION=f"Token {create_token('officer')}")
    officer.is_active = False
    officer.save(update_fields=["is_active"])

    # When
    response = client.get("/api/projects/")

    # Then
    assert response.status_code == 403


@pytest.mark.parametrize("password_ok", [True, False], ids=["right-password", "wrong-password"])
def test_session_sign_in_opens_the_api(officer, password_ok):
    # Given
    client = APIClient()
    signed_in = client.login(username="officer", password="pw-officer" if password_ok else "nope")

    # When
    response = client.get("/api/investors/")

    # Then
    assert signed_in is password_ok
    assert response.status_code == (200 if password_ok else 403)


def test_session_writes_need_the_csrf_token(officer, countries):
    # Given
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(officer)

    # When
    response = client.post("/api/investors/", {"name": "X", "country": "JP"}, format="json")

    # Then
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
