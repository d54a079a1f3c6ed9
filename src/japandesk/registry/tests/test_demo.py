"""`japandesk demo`: a deterministic, illustrative registry that loads once, reloads on
--reset, writes through the services, and creates the three demo users.
"""

import datetime
from collections import Counter
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.db import transaction
from django.db.models import Max
from django.utils import translation

from japandesk.core.demo import DEMO_USERS, LOGIN_URL, REGISTRY_APPS, ensure_users, load_demo
from japandesk.core.models import AuditEntry, FxRate
from japandesk.registry import demo
from japandesk.registry.choices import EventKind
from japandesk.registry.models import (
    Country,
    Disbursement,
    Investor,
    JobsReport,
    LedgerEvent,
    Participation,
    Project,
    Sector,
)
from japandesk.zones.models import Zone

FORUM_2025 = datetime.date(2025, 11, 30)
LAST_DAY = datetime.date(2025, 12, 31)


@pytest.fixture(autouse=True)
def english():
    """The messages are read in English, whatever the site's language."""
    with translation.override("en"):
        yield


@pytest.fixture(scope="module")
def demo_registry(django_db_setup, django_db_blocker):
    """The demonstration data set, loaded once for this module and rolled back after it."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            users = load_demo(only=REGISTRY_APPS)
            yield users
            transaction.set_rollback(True)


def counts() -> dict[str, int]:
    models = [Country, Sector, Zone, Investor, Project, LedgerEvent, Participation, Disbursement, JobsReport, FxRate]
    return {model.__name__: model.objects.count() for model in [*models, get_user_model()]}


def capital_by_project() -> dict[str, Decimal]:
    return dict(Project.objects.as_of(FORUM_2025).values_list("code", "capital_usd"))


@pytest.mark.django_db
def test_demo_loads_the_planned_registry(demo_registry):
    kinds = Counter(LedgerEvent.objects.values_list("kind", flat=True))

    assert counts() == {
        "Country": 249,
        "Sector": 109,
        "Zone": 30,
        "Investor": 316,
        "Project": 244,
        "LedgerEvent": 395,
        "Participation": 365,
        "Disbursement": 217,
        "JobsReport": 130,
        "FxRate": 21,
        "User": 3,
    }
    assert kinds == {
        EventKind.REGISTRATION: 244,
        EventKind.INCREASE: 118,
        EventKind.TERMINATION: 14,
        EventKind.SHARE_PURCHASE: 12,
        EventKind.DECREASE: 7,
    }
    assert not Project.objects.filter(illustrative=False).exists()


@pytest.mark.django_db
def test_demo_matches_its_plan(demo_registry):
    plan = demo.build_plan()

    assert capital_by_project() == {p.code: p.capital_on(FORUM_2025) for p in plan.projects}


def test_the_plan_is_deterministic():
    first, second = demo.build_plan(), demo.build_plan()

    assert [(p.code, p.name, p.zone, p.events, p.disbursements, p.jobs) for p in first.projects] == [
        (p.code, p.name, p.zone, p.events, p.disbursements, p.jobs) for p in second.projects
    ]


@pytest.mark.django_db
def test_running_the_demo_again_adds_nothing(demo_registry):
    before = counts()
    out = StringIO()

    users = load_demo(stdout=out, only=REGISTRY_APPS)

    assert counts() == before
    assert "already loaded" in out.getvalue()
    assert {name: user["password"] for name, user in users.items()} == {"admin": None, "officer": None, "leader": None}


@pytest.mark.django_db
def test_reset_reloads_the_same_registry_and_keeps_other_records(demo_registry):
    castem = Investor.objects.get(name="株式会社キャステム")
    own = Project.objects.create(code="QN-REAL-1", name="Real project", sector=Sector.objects.get(code="25"))
    event = LedgerEvent.objects.create(
        project=own,
        kind=EventKind.REGISTRATION,
        date=datetime.date(2024, 1, 5),
        certificate_no="REAL-1",
        capital_change_usd=Decimal(1000000),
    )
    Participation.objects.create(event=event, investor=castem, share=Decimal(100))
    before, capital = counts(), capital_by_project()
    last_id = Project.objects.filter(illustrative=True).aggregate(last=Max("id"))["last"]
    out = StringIO()

    load_demo(stdout=out, reset=True, only=REGISTRY_APPS)

    assert counts() == before
    assert capital_by_project() == capital
    assert not Project.objects.filter(illustrative=True, id__lte=last_id).exists()
    assert Investor.objects.get(name="株式会社キャステム") == castem
    assert "Removed 244 illustrative projects and 315 demonstration investors." in out.getvalue()


@pytest.mark.django_db
def test_every_demo_record_is_audited_as_coming_from_the_demo(demo_registry):
    sources = Counter(AuditEntry.objects.filter(actor=None).values_list("source", flat=True))

    # zones, investors, projects, ledger events, disbursements, jobs reports; then the zones'
    # profiles, land figures, plots and descriptions
    assert sources["demo"] == 30 + 316 + 244 + 395 + 217 + 130 + 30 + 35 + 7 + 90


@pytest.mark.django_db
def test_nothing_is_dated_after_2025(demo_registry):
    assert LedgerEvent.objects.aggregate(last=Max("date"))["last"] <= LAST_DAY
    assert Disbursement.objects.aggregate(last=Max("date"))["last"] <= LAST_DAY
    assert JobsReport.objects.aggregate(last=Max("date"))["last"] <= LAST_DAY
    assert LedgerEvent.objects.order_by("date").first().date >= datetime.date(2005, 1, 1)


@pytest.mark.django_db
def test_demo_investors_are_named_in_their_own_script(demo_registry):
    castem = Investor.objects.get(name="株式会社キャステム")
    korean = (
        Investor.objects.filter(country__code="KR").exclude(name__startswith="주식회사").exclude(name__endswith="그룹")
    )

    assert (castem.name_latin, castem.name_kana, castem.country.code) == ("Castem Co., Ltd.", "キャステム", "JP")
    assert not Investor.objects.filter(country__code="JP", name_kana="").exists()
    assert not korean.exists()
    assert Investor.objects.filter(subsidiaries__isnull=False).distinct().count() >= 5


@pytest.mark.django_db
def test_demo_has_joint_ventures_and_changes_of_control(demo_registry):
    lineups = Counter(Participation.objects.values_list("event_id", flat=True))
    hoi_king = Project.objects.get(name_latin="Hoi King Ha Long urban and service area")

    assert sum(1 for size in lineups.values() if size > 1) >= 50
    assert list(hoi_king.events.values_list("kind", "origin__code")) == [
        ("registration", "HK"),
        ("share_purchase", "JP"),
        ("increase", None),
    ]


@pytest.mark.django_db
def test_demo_users_have_their_roles(demo_registry):
    users = {user.username: user for user in get_user_model().objects.all()}

    assert {name: users[name].role for name, _role in DEMO_USERS} == {
        "admin": "administrator",
        "officer": "officer",
        "leader": "leader",
    }
    assert users["admin"].is_superuser
    assert not users["officer"].is_superuser
    assert all(
        authenticate(username=name, password=user["password"]) == users[name] for name, user in demo_registry.items()
    )


@pytest.mark.django_db
def test_demo_password_comes_from_the_environment(demo_registry, monkeypatch):
    get_user_model().objects.filter(username__in=["admin", "officer", "leader"]).delete()
    monkeypatch.setenv("JAPANDESK_DEMO_PASSWORD", "demo-pass-2025")

    users = ensure_users()

    assert {name: user["password"] for name, user in users.items()} == {
        "admin": "demo-pass-2025",
        "officer": "demo-pass-2025",
        "leader": "demo-pass-2025",
    }
    assert authenticate(username="leader", password="demo-pass-2025").role == "leader"


@pytest.mark.django_db
def test_generated_passwords_differ(demo_registry, monkeypatch):
    get_user_model().objects.filter(username__in=["admin", "officer", "leader"]).delete()
    monkeypatch.delenv("JAPANDESK_DEMO_PASSWORD", raising=False)

    users = ensure_users()

    assert len({user["password"] for user in users.values()}) == 3
    assert all(len(user["password"]) >= 16 for user in users.values())


@pytest.mark.django_db
def test_demo_command_says_what_it_kept_and_where_to_log_in(demo_registry):
    out = StringIO()

    call_command("demo", stdout=out)

    text = out.getvalue()
    assert "already loaded" in text
    assert text.count("password was kept") == 3
    assert LOGIN_URL in text


def test_demo_help_explains_reset():
    from japandesk.core.management.commands.demo import Command

    with translation.override("en"):
        text = " ".join(Command().create_parser("japandesk", "demo").format_help().split())

    assert "--reset Remove the illustrative projects and demo investors, then load them again." in text
