import pytest
from django.urls import reverse

from japandesk.core.choices import Role
from japandesk.core.models import AuditEntry
from japandesk.registry.models import Country


@pytest.mark.parametrize(
    ("role", "superuser", "edit", "view", "staff"),
    [
        pytest.param(Role.ADMINISTRATOR, False, True, True, True, id="administrator"),
        pytest.param(Role.OFFICER, False, True, True, False, id="officer"),
        pytest.param(Role.LEADER, False, False, True, False, id="leader"),
        pytest.param(Role.LEADER, True, True, True, True, id="superuser-is-administrator"),
    ],
)
def test_roles_decide_who_reads_and_who_edits(make_user, role, superuser, edit, view, staff):
    user = make_user("someone", role, is_superuser=superuser)
    assert (user.can_edit, user.can_view, user.is_staff) == (edit, view, staff)


def test_an_inactive_user_can_do_nothing(make_user):
    user = make_user("gone", Role.OFFICER, is_active=False)
    assert (user.can_edit, user.can_view) == (False, False)


def test_only_administrators_reach_the_administration_site(client, make_user):
    officer = make_user("officer", Role.OFFICER, is_staff=True)
    administrator = make_user("boss", Role.ADMINISTRATOR)
    client.force_login(officer)
    assert client.get(reverse("admin:index")).status_code == 302
    client.force_login(administrator)
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("admin:registry_country_changelist")).status_code == 200


def test_reference_data_changed_in_the_administration_site_is_audited(client, make_user):
    administrator = make_user("boss", Role.ADMINISTRATOR)
    country = Country.objects.create(code="JP", name_en="Japan", name_vi="Nhật Bản", name_ja="日本")
    client.force_login(administrator)
    response = client.post(
        reverse("admin:registry_country_change", args=[country.pk]),
        {"code": "JP", "name_en": "Japan", "name_vi": "Nhật Bản", "name_ja": "日本国"},
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.source, entry.before["name_ja"], entry.after["name_ja"]) == (
        administrator,
        "admin",
        "日本",
        "日本国",
    )


def test_anonymous_visitors_reach_only_the_public_pages(client):
    # `/` sends them to the public portal in their browser's language
    home = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="ja,en;q=0.8")
    assert (home.status_code, home["Location"]) == (302, "/ja/")
    response = client.get(reverse("registry:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
