"""The demonstration CRM: the programmes of the articles, delegations and missions, the advisory
council, MOUs, leads at every stage, converted leads that are the registry's projects; idempotent."""

import datetime
from decimal import Decimal

import pytest
from django.db import transaction
from django.utils.module_loading import import_string

from japandesk.core.demo import ensure_users, load_fx_rates
from japandesk.crm import demo, queries
from japandesk.crm.models import Agreement, Committee, Inquiry, Interaction, Lead, Organisation, Pipeline, Task

CERTIFICATES = {
    "Castem Vietnam precision mechanical factory",
    "Seiko Vietnam parts",
    "Tamagawa Vietnam factory",
    "Fujix Vietnam industrial products factory",
}


@pytest.fixture(scope="module")
def demo_crm(django_db_setup, django_db_blocker):
    """The registry and zones the CRM builds on, then the CRM, loaded once for this module."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            load_fx_rates()
            for path in ("japandesk.registry.reference.load",):
                import_string(path)()
            ensure_users()
            for app in ("zones", "registry"):
                import_string(f"japandesk.{app}.demo.load")()
            summary = demo.load()
            yield summary
            transaction.set_rollback(True)


@pytest.fixture
def loaded(demo_crm, db):
    return demo_crm


def test_the_programmes_of_the_articles_are_on_the_timeline(loaded):
    conferences = Interaction.objects.filter(kind="conference", illustrative=True)
    assert sorted(conferences.values_list("date", flat=True)) == [
        datetime.date(2021, 12, 9),
        datetime.date(2023, 11, 17),
        datetime.date(2025, 7, 18),
        datetime.date(2025, 11, 25),
    ]
    delegations = Interaction.objects.filter(kind="delegation", illustrative=True)
    assert delegations.count() == 48
    three_years = delegations.filter(date__range=(datetime.date(2014, 1, 1), datetime.date(2016, 12, 31)))
    assert three_years.count() == 42
    assert Interaction.objects.filter(kind="mission", illustrative=True).count() == 10
    assert all(d.zones.exists() for d in delegations)


def test_every_stage_of_every_pipeline_has_leads(loaded):
    for pipeline in Pipeline.objects.all():
        counts = {t.stage.key: t.count for t in queries.pipeline_totals(pipeline)["stages"]}
        assert all(counts.values()), (pipeline.key, counts)


def test_converted_leads_are_the_registry_projects_with_the_four_certificates(loaded):
    converted = Lead.objects.filter(illustrative=True, project__isnull=False).select_related("project", "stage")
    assert CERTIFICATES <= {lead.project.name_latin for lead in converted}
    four = [lead for lead in converted if lead.project.name_latin in CERTIFICATES]
    assert {(lead.stage.key, lead.converted_on) for lead in four} == {("certificate", datetime.date(2023, 11, 17))}
    totals = queries.pipeline_totals(Pipeline.objects.get(key="investment"), on=datetime.date(2023, 11, 17))
    assert totals["converted_count"] == 5
    # The four certificates (USD 81.1 million together) and the Wakaba plant's first certificate (USD 18 million).
    assert totals["converted_capital_usd"] == Decimal("99100000.00")


def test_council_mous_inquiries_and_tasks(loaded, settings):
    council = Committee.objects.get(illustrative=True)
    assert council.members.count() == 7
    assert council.meetings.count() == 5
    assert Agreement.objects.filter(illustrative=True, kind="mou").count() == 2
    languages = set(Inquiry.objects.filter(illustrative=True).values_list("language", flat=True))
    assert languages == {"ja", "en", "vi"}
    assert Inquiry.objects.filter(illustrative=True, first_response_at__isnull=True).count() == 3
    assert queries.overdue_tasks().filter(illustrative=True).count() >= 3
    assert Task.objects.filter(illustrative=True, done_at__isnull=True, due_date__gte=datetime.date.today()).exists()


def crm_counts() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in (Organisation, Lead, Interaction, Task, Inquiry, Agreement))


def test_loading_twice_changes_nothing(loaded):
    before = crm_counts()
    assert demo.load() == {"loaded": False}
    assert crm_counts() == before


def test_the_duplicate_organisation_is_found(loaded):
    groups = [{o.name for o in group} for group in queries.duplicate_organisations()]
    assert {"浪速オートメーション株式会社", "NANIWA AUTOMATION"} in groups
