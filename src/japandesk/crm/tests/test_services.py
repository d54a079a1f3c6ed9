"""The CRM's services: stage transitions, conversion, merge, response times, permissions."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from japandesk.core.models import AuditEntry
from japandesk.crm import queries, services
from japandesk.crm.models import (
    Agreement,
    Contact,
    Inquiry,
    Interaction,
    Lead,
    Membership,
    Obligation,
    Organisation,
    StageChange,
    Task,
)


def at(day: int, hour: int = 9, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(2025, 3, day, hour, minute))


# Stage transitions ------------------------------------------------------------------------------------


def test_moving_a_lead_records_each_stage_with_its_date(officer, pipelines):
    lead = services.create_lead(officer, pipeline="investment", title="Tokai Parts", at=at(1))
    services.move_lead(lead, officer, "first_meeting", at=at(3), note="Met in Hanoi")
    services.move_lead(lead, officer, "site_visit", at=at(10))
    services.move_lead(lead, officer, "first_meeting", at=at(12))

    lead.refresh_from_db()
    assert lead.stage.key == "first_meeting"
    assert lead.stage_entered_at == at(12)
    history = [
        (c.from_stage.key if c.from_stage else None, c.to_stage.key, c.changed_at, c.note)
        for c in StageChange.objects.filter(lead=lead).select_related("from_stage", "to_stage")
    ]
    assert history == [
        (None, "inquiry", at(1), ""),
        ("inquiry", "first_meeting", at(3), "Met in Hanoi"),
        ("first_meeting", "site_visit", at(10), ""),
        ("site_visit", "first_meeting", at(12), ""),
    ]
    assert AuditEntry.objects.filter(content_type__model="lead", object_id=str(lead.pk), action="update").count() == 3


def test_moving_to_the_same_stage_changes_nothing(officer, pipelines):
    lead = services.create_lead(officer, pipeline="aftercare", title="Check-in")
    services.move_lead(lead, officer, "check_in")
    assert StageChange.objects.filter(lead=lead).count() == 1


def test_a_lead_cannot_move_to_another_pipelines_stage_or_back_in_time(officer, pipelines):
    lead = services.create_lead(officer, pipeline="investment", title="Tokai Parts", at=at(5))
    supplier_stage = pipelines["supplier"].stages.get(key="introduced")
    with pytest.raises(ValidationError) as error:
        services.move_lead(lead, officer, supplier_stage)
    assert "stage" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.move_lead(lead, officer, "nonsense")
    assert "stage" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.move_lead(lead, officer, "proposal", at=at(4))
    assert "at" in error.value.message_dict
    lead.refresh_from_db()
    assert lead.stage.key == "inquiry"
    assert StageChange.objects.filter(lead=lead).count() == 1


def test_a_leader_cannot_move_a_lead(officer, leader, pipelines):
    lead = services.create_lead(officer, pipeline="investment", title="Tokai Parts")
    with pytest.raises(PermissionDenied):
        services.move_lead(lead, leader, "proposal")
    lead.refresh_from_db()
    assert lead.stage.key == "inquiry"


def test_pipeline_totals_per_stage_and_converted_capital(officer, registered_project, pipelines):
    a = services.create_lead(
        officer,
        pipeline="investment",
        title="A",
        estimated_capital_usd=Decimal("1000000"),
        estimated_land_ha=Decimal("2.5"),
        estimated_jobs=100,
    )
    services.create_lead(
        officer, pipeline="investment", title="B", estimated_capital_usd=Decimal("500000"), estimated_jobs=20
    )
    c = services.create_lead(officer, pipeline="investment", title="C", estimated_capital_usd=Decimal("7000000"))
    services.move_lead(a, officer, "proposal")
    services.convert_lead(c, officer, registered_project, on=datetime.date(2020, 3, 2))

    totals = queries.pipeline_totals(pipelines["investment"], on=datetime.date(2025, 1, 1))
    by_key = {t.stage.key: t for t in totals["stages"]}
    assert (by_key["inquiry"].count, by_key["inquiry"].capital_usd, by_key["inquiry"].jobs) == (
        1,
        Decimal("500000"),
        20,
    )
    assert (by_key["proposal"].count, by_key["proposal"].land_ha, by_key["proposal"].jobs) == (1, Decimal("2.5"), 100)
    assert by_key["certificate"].count == 1
    assert totals["open_count"] == 2
    assert totals["open_capital_usd"] == Decimal("1500000")
    # Converted capital is the registry's capital of the project, not the lead's estimate.
    assert (totals["converted_count"], totals["converted_capital_usd"]) == (1, Decimal("10000000.00"))


# Conversion from the registry ---------------------------------------------------------------------------


def test_registering_a_project_converts_the_lead_of_its_investor(officer, countries, sectors, zones):
    from japandesk.registry import services as registry

    investor = registry.create_investor(
        actor=officer, name="東海部品株式会社", name_latin="Tokai Buhin", country=countries["JP"]
    )
    organisation = services.create_organisation(officer, name="東海部品株式会社", investor=investor)
    lead = services.create_lead(officer, pipeline="investment", title="Tokai plant", organisation=organisation)
    services.move_lead(lead, officer, "mou")
    other = services.create_lead(officer, pipeline="investment", title="Unrelated")
    project = registry.create_project(actor=officer, code="QN-X-1", name="Nhà máy Tokai", sector=sectors["26"])

    registry.record_event(
        project,
        actor=officer,
        kind="registration",
        date=datetime.date(2024, 6, 3),
        certificate_no="IRC-X-1",
        capital_usd=Decimal("3000000"),
        capital_vnd=Decimal("1"),
        lineup=[(investor, Decimal(100))],
    )

    lead.refresh_from_db()
    other.refresh_from_db()
    assert (lead.project, lead.stage.key, lead.converted_on) == (project, "certificate", datetime.date(2024, 6, 3))
    assert (other.project, other.stage.key) == (None, "inquiry")
    totals = queries.pipeline_totals(lead.pipeline, on=datetime.date(2024, 12, 31))
    assert totals["converted_capital_usd"] == Decimal("3000000.00")


def test_registering_a_project_converts_the_lead_that_named_it(officer, countries, sectors):
    from japandesk.registry import services as registry

    project = registry.create_project(actor=officer, code="QN-X-2", name="Nhà máy", sector=sectors["26"])
    investor = registry.create_investor(actor=officer, name="Any", country=countries["KR"])
    lead = services.create_lead(officer, pipeline="investment", title="Named")
    services.update_lead(lead, officer, project=project)
    registry.record_event(
        project,
        actor=officer,
        kind="registration",
        date=datetime.date(2024, 6, 3),
        certificate_no="IRC-X-2",
        capital_usd=Decimal("10"),
        capital_vnd=Decimal("1"),
        lineup=[(investor, Decimal(100))],
    )
    lead.refresh_from_db()
    assert (lead.stage.key, lead.converted_on) == ("certificate", datetime.date(2024, 6, 3))


def test_a_project_links_to_one_lead_per_pipeline(officer, registered_project, pipelines):
    first = services.create_lead(officer, pipeline="investment", title="First")
    second = services.create_lead(officer, pipeline="investment", title="Second")
    services.convert_lead(first, officer, registered_project)
    with pytest.raises(ValidationError) as error:
        services.convert_lead(second, officer, registered_project)
    assert "project" in error.value.message_dict


# Merge ------------------------------------------------------------------------------------------------


def test_merging_organisations_keeps_every_linked_record(officer, yamada_corp, yamada, zones, pipelines):
    duplicate = services.create_organisation(
        officer,
        name="ヤマダ精機",
        name_latin="YAMADA SEIKI K.K.",
        website="https://yamada.example",
        notes="Met in Osaka",
    )
    colleague = services.create_contact(officer, organisation=duplicate, family_name="鈴木", given_name="一郎")
    lead = services.create_lead(officer, pipeline="investment", title="Yamada plant", organisation=duplicate)
    visit = services.create_interaction(
        officer,
        kind="delegation",
        title="Visit",
        date=datetime.date(2025, 4, 1),
        organisations=[duplicate, yamada_corp],
        contacts=[colleague],
        zones=[zones["van_don"]],
    )
    mission = services.create_interaction(
        officer, kind="mission", title="Mission", date=datetime.date(2025, 5, 1), organisations=[duplicate]
    )
    mou = services.create_agreement(officer, title="MOU", parties=[duplicate])
    obligation = services.add_obligation(mou, officer, description="Send a delegation", party=duplicate)

    duplicate_pk = duplicate.pk
    kept = services.merge_organisations(officer, yamada_corp, duplicate)

    assert not Organisation.objects.filter(pk=duplicate_pk).exists()
    assert set(kept.contacts.all()) == {yamada, colleague}
    lead.refresh_from_db()
    assert lead.organisation == kept
    assert list(visit.organisations.all()) == [kept]
    assert list(mission.organisations.all()) == [kept]
    assert list(Agreement.objects.get(pk=mou.pk).parties.all()) == [kept]
    assert Obligation.objects.get(pk=obligation.pk).party == kept
    assert kept.website == "https://yamada.example"
    assert kept.name_latin == "Yamada Seiki Co., Ltd."
    assert "Met in Osaka" in kept.notes
    assert (
        AuditEntry.objects.filter(
            content_type__model="organisation", object_id=str(duplicate_pk), action="delete"
        ).count()
        == 1
    )


def test_merging_contacts_keeps_interactions_and_memberships(officer, yamada):
    twin = services.create_contact(
        officer, family_name="Yamada", given_name="Taro", email="TARO@yamada.example", address="Tokyo"
    )
    meeting = services.create_interaction(
        officer, kind="meeting", title="Lunch", date=datetime.date(2025, 1, 9), contacts=[twin, yamada]
    )
    call = services.create_interaction(
        officer, kind="call", title="Call", date=datetime.date(2025, 1, 10), contacts=[twin]
    )
    council = services.create_committee(officer, name_en="Council", name_vi="Hội đồng")
    services.add_member(council, officer, contact=twin, role="member")
    services.add_member(council, officer, contact=yamada, role="member")
    services.add_member(council, officer, contact=twin, role="vice_chair")
    session = services.record_meeting(council, officer, date=datetime.date(2025, 2, 1), title="First", attendees=[twin])

    assert [sorted(c.pk for c in g) for g in queries.duplicate_contacts()] == [sorted([yamada.pk, twin.pk])]
    twin_pk = twin.pk
    kept = services.merge_contacts(officer, yamada, twin)

    assert not Contact.objects.filter(pk=twin_pk).exists()
    assert list(Interaction.objects.get(pk=meeting.pk).contacts.all()) == [kept]
    assert list(Interaction.objects.get(pk=call.pk).contacts.all()) == [kept]
    assert sorted(Membership.objects.filter(committee=council).values_list("contact_id", "role")) == sorted(
        [(kept.pk, "member"), (kept.pk, "vice_chair")]
    )
    assert list(session.attendees.all()) == [kept]
    assert kept.address == "Tokyo"
    assert kept.email == "taro@yamada.example"


def test_a_record_cannot_merge_into_itself_and_a_leader_cannot_merge(officer, leader, yamada_corp):
    with pytest.raises(ValidationError):
        services.merge_organisations(officer, yamada_corp, yamada_corp)
    other = services.create_organisation(officer, name="Other")
    with pytest.raises(PermissionDenied):
        services.merge_organisations(leader, yamada_corp, other)
    assert Organisation.objects.count() == 2


def test_duplicate_organisations_fold_case_width_kana_and_legal_forms(officer):
    a = services.create_organisation(officer, name="山田精機株式会社", name_latin="Yamada Seiki Co., Ltd.")
    b = services.create_organisation(officer, name="ＹＡＭＡＤＡ ＳＥＩＫＩ", name_latin="")
    c = services.create_organisation(officer, name="Công ty TNHH Đông Á", name_latin="")
    d = services.create_organisation(officer, name="Cong ty Dong A", name_latin="")
    services.create_organisation(officer, name="Tokai Buhin")
    groups = sorted(sorted(o.pk for o in group) for group in queries.duplicate_organisations())
    assert groups == sorted([sorted([a.pk, b.pk]), sorted([c.pk, d.pk])])


# Search and names ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    ["yamada", "ＹＡＭＡＤＡ", "やまだ", "ﾔﾏﾀﾞ", "山田 太郎", "taro yamada"],
    ids=["latin", "full-width", "hiragana", "half-width-kana", "kanji", "western-order"],
)
def test_contact_search_folds_width_kana_and_case(officer, yamada, typed):
    from japandesk.crm.filtersets import ContactFilterSet

    assert list(ContactFilterSet({"q": typed}, queryset=Contact.objects.all()).qs) == [yamada]


def test_organisation_search_ignores_vietnamese_diacritics(officer):
    from japandesk.crm.filtersets import OrganisationFilterSet

    hanoi = services.create_organisation(officer, name="Sở Kế hoạch và Đầu tư Quảng Ninh")
    assert list(
        OrganisationFilterSet({"q": "so ke hoach dau tu quang ninh"}, queryset=Organisation.objects.all()).qs
    ) == [hanoi]


# Response times ---------------------------------------------------------------------------------------


def test_response_time_median_and_p90_by_language_and_officer(officer, administrator):
    answered = [
        ("ja", 1, officer),
        ("ja", 2, officer),
        ("ja", 3, administrator),
        ("ja", 4, officer),
        ("ja", 10, administrator),
        ("en", 5, officer),
        ("vi", 0.5, administrator),
    ]
    for n, (language, hours, who) in enumerate(answered):
        inquiry = services.receive_inquiry(
            name=f"Person {n}",
            email=f"p{n}@example.com",
            message="Land?",
            language=language,
            consent=True,
            received_at=at(2),
        )
        services.answer_inquiry(inquiry, who, message="Answer", at=at(2) + datetime.timedelta(hours=hours))
    waiting = services.receive_inquiry(
        name="Waiting", email="w@example.com", message="?", language="en", consent=True, received_at=at(3)
    )

    figures = queries.response_times()
    overall = figures["overall"]
    assert (overall.received, overall.answered, overall.unanswered) == (8, 7, 1)
    assert overall.median_hours == 3.0  # 0.5 1 2 [3] 4 5 10
    assert overall.p90_hours == pytest.approx(7.0)  # rank 5.4: 5 + 0.4 × (10 − 5)
    languages = {f.key: f for f in figures["by_language"]}
    assert (languages["ja"].median_hours, languages["ja"].p90_hours) == (3.0, pytest.approx(7.6))
    assert (languages["en"].received, languages["en"].answered, languages["en"].median_hours) == (2, 1, 5.0)
    assert languages["vi"].p90_hours == 0.5
    officers = {f.label: f for f in figures["by_officer"]}
    assert (officers["officer"].answered, officers["officer"].median_hours) == (4, 3.0)
    assert officers["officer"].p90_hours == pytest.approx(4.7)  # 1 2 4 5: rank 2.7
    assert (officers["admin"].answered, officers["admin"].median_hours) == (3, 3.0)
    assert list(queries.unanswered_inquiries()) == [waiting]


def test_only_the_first_answer_stops_the_clock(officer, administrator):
    inquiry = services.receive_inquiry(
        name="A", email="a@example.com", message="?", language="ja", consent=True, received_at=at(1)
    )
    services.answer_inquiry(inquiry, officer, message="First", at=at(1, 15))
    services.answer_inquiry(inquiry, administrator, message="Second", at=at(2))
    inquiry.refresh_from_db()
    assert (inquiry.first_response_at, inquiry.first_responder, inquiry.status) == (at(1, 15), officer, "answered")
    assert inquiry.response_hours == 6.0
    with pytest.raises(ValidationError):
        services.answer_inquiry(inquiry, officer, message="Too early", at=at(1, 8))


def test_a_leader_cannot_answer_or_enter_an_inquiry(leader):
    inquiry = services.receive_inquiry(name="A", email="a@example.com", message="?", language="vi", consent=True)
    with pytest.raises(PermissionDenied):
        services.answer_inquiry(inquiry, leader, message="x")
    with pytest.raises(PermissionDenied):
        services.receive_inquiry(
            name="B", email="b@example.com", message="?", language="vi", consent=True, actor=leader
        )
    assert Inquiry.objects.count() == 1
    assert Lead.objects.count() == 1


# Tasks, agreements, committees --------------------------------------------------------------------------


def test_my_and_overdue_tasks_and_the_digest(officer, administrator, pipelines):
    today = datetime.date(2025, 6, 10)
    late = services.create_task(officer, title="Late", due_date=datetime.date(2025, 6, 1))
    due = services.create_task(officer, title="Today", due_date=today)
    soon = services.create_task(officer, title="Soon", due_date=datetime.date(2025, 6, 15))
    services.create_task(officer, title="Later", due_date=datetime.date(2025, 7, 30))
    services.create_task(officer, title="Theirs", due_date=datetime.date(2025, 6, 2), assignee=administrator)
    done = services.create_task(officer, title="Done", due_date=datetime.date(2025, 6, 3))
    services.complete_task(done, officer)
    lead = services.create_lead(
        officer, pipeline="investment", title="Slow", next_step="Call", next_step_due=datetime.date(2025, 6, 9)
    )

    assert [t.title for t in queries.overdue_tasks(today)] == ["Late", "Theirs"]
    digest = queries.digest_for(officer, today)
    assert (digest["overdue"], digest["today"], digest["week"], digest["leads"]) == ([late], [due], [soon], [lead])
    assert Task.objects.get(pk=done.pk).is_done


def test_agreement_dates_are_checked(officer, yamada_corp):
    with pytest.raises(ValidationError) as error:
        services.create_agreement(
            officer,
            title="MOU",
            parties=[yamada_corp],
            signed_on=datetime.date(2025, 1, 1),
            expires_on=datetime.date(2024, 1, 1),
        )
    assert "expires_on" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.create_agreement(officer, title="MOU", status="signed")
    assert "signed_on" in error.value.message_dict
    assert Agreement.objects.count() == 0


def test_a_committee_decision_creates_its_action_items(officer):
    council = services.create_committee(officer, name_en="Advisory council", name_vi="Hội đồng tư vấn")
    meeting = services.record_meeting(
        council,
        officer,
        date=datetime.date(2025, 3, 1),
        title="Spring session",
        minutes="…",
        decisions=[
            "Approve the 2025 plan",
            ("Hold a seminar in Osaka", [{"title": "Book the venue", "due_date": datetime.date(2025, 4, 1)}]),
        ],
    )
    assert [d.text for d in meeting.decisions.all()] == ["Approve the 2025 plan", "Hold a seminar in Osaka"]
    task = Task.objects.get()
    assert (task.title, task.decision.text, task.assignee) == ("Book the venue", "Hold a seminar in Osaka", officer)


def test_every_write_is_refused_to_a_leader(leader, officer, yamada_corp):
    calls = [
        lambda: services.create_organisation(leader, name="X"),
        lambda: services.update_organisation(yamada_corp, leader, name="X"),
        lambda: services.create_contact(leader, family_name="X"),
        lambda: services.create_task(leader, title="X", due_date=datetime.date(2025, 1, 1)),
        lambda: services.create_interaction(leader, kind="call", title="X", date=datetime.date(2025, 1, 1)),
        lambda: services.create_agreement(leader, title="X"),
        lambda: services.create_committee(leader, name_en="X", name_vi="X"),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert Organisation.objects.get().name == "山田精機株式会社"


def test_leads_are_linked_to_projects_an_import_registered(officer, countries, sectors):
    """The importer writes the ledger in bulk, without the registry's per-event hook."""
    from japandesk.registry import services as registry
    from japandesk.registry.models import LedgerEvent, Participation

    investor = registry.create_investor(actor=officer, name="Imported K.K.", country=countries["JP"])
    organisation = services.create_organisation(officer, name="Imported K.K.", investor=investor)
    lead = services.create_lead(officer, pipeline="investment", title="Imported plant", organisation=organisation)
    project = registry.create_project(actor=officer, code="QN-IMP-1", name="Imported", sector=sectors["26"])
    event = LedgerEvent.objects.create(
        project=project,
        kind="registration",
        date=datetime.date(2026, 1, 5),
        certificate_no="IMP-1",
        capital_change_usd=Decimal("1000000"),
        origin=countries["JP"],
    )
    Participation.objects.create(event=event, investor=investor, share=Decimal(100))

    assert services.link_registered_projects(since=datetime.date(2025, 1, 1)) == [lead]
    lead.refresh_from_db()
    assert (lead.project, lead.stage.key, lead.converted_on) == (project, "certificate", datetime.date(2026, 1, 5))
    assert services.link_registered_projects(since=datetime.date(2025, 1, 1)) == []


def test_a_terminated_project_no_longer_counts_in_converted_capital(officer, registered_project, pipelines):
    from japandesk.registry import services as registry

    lead = services.create_lead(officer, pipeline="investment", title="Sample")
    services.convert_lead(lead, officer, registered_project, on=datetime.date(2020, 3, 2))
    registry.record_event(
        registered_project, actor=officer, kind="termination", date=datetime.date(2024, 5, 1), certificate_no="END-1"
    )
    investment = pipelines["investment"]
    assert queries.pipeline_totals(investment, on=datetime.date(2024, 4, 30))["converted_capital_usd"] == Decimal(
        "10000000.00"
    )
    after = queries.pipeline_totals(investment, on=datetime.date(2024, 5, 1))
    assert (after["converted_count"], after["converted_capital_usd"]) == (1, Decimal("0.00"))
