"""The CRM's pages: every role on every page, the board's move, forms through the services, the calendar."""

import datetime

import pytest
from django.urls import reverse

from japandesk.core.models import AuditEntry
from japandesk.crm import services
from japandesk.crm.models import Lead, Organisation, StageChange


@pytest.fixture
def world(officer, yamada_corp, yamada, zones, pipelines):
    """One record of each kind, for the pages that show one."""
    lead = services.create_lead(officer, pipeline="investment", title="Yamada plant", organisation=yamada_corp)
    interaction = services.create_interaction(
        officer,
        kind="delegation",
        title="Yamada visit",
        date=datetime.date(2025, 4, 2),
        end_date=datetime.date(2025, 4, 3),
        organisations=[yamada_corp],
        contacts=[yamada],
        officers=[officer],
        zones=[zones["dong_mai"]],
        location="Hạ Long",
    )
    task = services.create_task(officer, title="Send the brochure", due_date=datetime.date(2025, 4, 10), lead=lead)
    agreement = services.create_agreement(officer, title="MOU Yamada", parties=[yamada_corp])
    council = services.create_committee(officer, name_en="Advisory council", name_vi="Hội đồng tư vấn")
    meeting = services.record_meeting(
        council, officer, date=datetime.date(2025, 3, 1), title="Spring", decisions=["Go"]
    )
    inquiry = services.receive_inquiry(name="A", email="a@example.com", message="?", language="ja", consent=True)
    membership = services.add_member(council, officer, contact=yamada, role="member", since=datetime.date(2024, 1, 1))
    return {
        "membership": membership,
        "lead": lead,
        "interaction": interaction,
        "task": task,
        "agreement": agreement,
        "committee": council,
        "meeting": meeting,
        "inquiry": inquiry,
        "organisation": yamada_corp,
        "contact": yamada,
        "decision": meeting.decisions.get(),
    }


READ_PAGES = [
    ("crm:board", None),
    ("crm:lead-list", None),
    ("crm:lead-detail", "lead"),
    ("crm:organisation-list", None),
    ("crm:organisation-detail", "organisation"),
    ("crm:contact-list", None),
    ("crm:contact-detail", "contact"),
    ("crm:duplicates", None),
    ("crm:interaction-list", None),
    ("crm:interaction-detail", "interaction"),
    ("crm:task-list", None),
    ("crm:task-detail", "task"),
    ("crm:inquiry-list", None),
    ("crm:inquiry-detail", "inquiry"),
    ("crm:agreement-list", None),
    ("crm:agreement-detail", "agreement"),
    ("crm:committee-list", None),
    ("crm:committee-detail", "committee"),
    ("crm:meeting-detail", "meeting"),
    ("crm:calendar", None),
]
EDIT_PAGES = [
    ("crm:lead-create", None),
    ("crm:lead-update", "lead"),
    ("crm:organisation-create", None),
    ("crm:organisation-update", "organisation"),
    ("crm:organisation-merge", "organisation"),
    ("crm:contact-create", None),
    ("crm:contact-update", "contact"),
    ("crm:contact-merge", "contact"),
    ("crm:interaction-create", None),
    ("crm:interaction-update", "interaction"),
    ("crm:task-create", None),
    ("crm:task-update", "task"),
    ("crm:inquiry-create", None),
    ("crm:inquiry-answer", "inquiry"),
    ("crm:agreement-create", None),
    ("crm:agreement-update", "agreement"),
    ("crm:obligation-create", "agreement"),
    ("crm:committee-create", None),
    ("crm:member-create", "committee"),
    ("crm:meeting-create", "committee"),
    ("crm:meeting-update", "meeting"),
    ("crm:membership-end", "membership"),
    ("crm:action-create", "decision"),
]


def url(world, name, key):
    return reverse(name, args=[world[key].pk]) if key else reverse(name)


@pytest.mark.parametrize(("name", "key"), READ_PAGES, ids=[n for n, _k in READ_PAGES])
def test_read_pages_for_every_role_and_not_for_anonymous(client, world, leader, name, key):
    address = url(world, name, key) + ("?mine=1&done=0" if name == "crm:task-list" else "")
    assert client.get(address).status_code == 302
    client.force_login(leader)
    response = client.get(address)
    assert response.status_code == 200


@pytest.mark.parametrize(("name", "key"), EDIT_PAGES, ids=[n for n, _k in EDIT_PAGES])
def test_edit_pages_are_for_officers_only(client, world, officer, leader, name, key):
    address = url(world, name, key)
    client.force_login(leader)
    assert client.get(address).status_code == 403
    assert client.post(address, {}).status_code == 403
    client.force_login(officer)
    assert client.get(address).status_code == 200


def test_leader_sees_no_edit_controls_on_the_board(client, world, leader):
    client.force_login(leader)
    html = client.get(reverse("crm:board")).content.decode()
    assert 'data-editable="false"' in html
    assert 'draggable="true"' not in html
    assert "data-move-select" not in html


def test_board_move_through_htmx_redraws_the_board(client, world, officer, pipelines):
    lead = world["lead"]
    target = pipelines["investment"].stages.get(key="site_visit")
    client.force_login(officer)
    response = client.post(reverse("crm:lead-move", args=[lead.pk]), {"stage": target.pk}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="board"')
    assert f'data-lead="{lead.pk}" data-stage="{target.pk}"' in html
    assert Lead.objects.get(pk=lead.pk).stage == target
    assert StageChange.objects.filter(lead=lead).count() == 2


def test_board_move_by_a_leader_is_refused(client, world, leader, pipelines):
    lead = world["lead"]
    target = pipelines["investment"].stages.get(key="proposal")
    client.force_login(leader)
    assert client.post(reverse("crm:lead-move", args=[lead.pk]), {"stage": target.pk}).status_code == 403
    assert Lead.objects.get(pk=lead.pk).stage.key == "inquiry"


def test_move_to_another_pipelines_stage_shows_the_error(client, world, officer, pipelines):
    lead = world["lead"]
    foreign = pipelines["supplier"].stages.get(key="audit")
    client.force_login(officer)
    response = client.post(reverse("crm:lead-move", args=[lead.pk]), {"stage": foreign.pk}, HTTP_HX_REQUEST="true")
    assert 'role="alert"' in response.content.decode()
    assert Lead.objects.get(pk=lead.pk).stage.key == "inquiry"


def test_board_shows_totals_per_stage_in_japanese(client, world, officer):
    services.update_lead(world["lead"], officer, estimated_capital_usd=12_500_000, estimated_jobs=1200)
    client.force_login(officer)
    html = client.get(reverse("crm:board"), HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "1,250万米ドル · 0.0 ha · 1,200 人" in html


def test_organisation_form_creates_through_the_service_and_shows_errors(client, officer, countries):
    client.force_login(officer)
    response = client.post(reverse("crm:organisation-create"), {"name": "", "kind": "company"})
    assert response.status_code == 200
    assert Organisation.objects.count() == 0
    response = client.post(
        reverse("crm:organisation-create"), {"name": "JETRO", "kind": "agency", "country": countries["JP"].pk}
    )
    organisation = Organisation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == organisation.get_absolute_url()


def test_merge_page_moves_the_links(client, officer, yamada_corp, yamada):
    duplicate = services.create_organisation(officer, name="YAMADA SEIKI")
    services.update_contact(yamada, officer, organisation=duplicate)
    client.force_login(officer)
    response = client.post(reverse("crm:organisation-merge", args=[duplicate.pk]), {"keep": yamada_corp.pk})
    assert response.status_code == 302
    yamada.refresh_from_db()
    assert yamada.organisation == yamada_corp
    assert not Organisation.objects.filter(name="YAMADA SEIKI").exists()


def test_contact_names_follow_the_reader_language(client, officer, yamada):
    client.force_login(officer)
    assert "山田 太郎 様" in client.get(reverse("crm:contact-list"), HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "Mr Yamada Taro" in client.get(reverse("crm:contact-list"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Ông Yamada Taro" in client.get(reverse("crm:contact-list"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()


def test_calendar_exports_interactions_and_tasks(client, world, officer):
    from icalendar import Calendar

    client.force_login(officer)
    response = client.get(reverse("crm:calendar"), HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    events = [c for c in calendar.walk("VEVENT")]
    todos = [c for c in calendar.walk("VTODO")]
    assert [(str(e["summary"]), e.decoded("dtstart"), e.decoded("dtend")) for e in events] == [
        ("Delegation visit received: Yamada visit", datetime.date(2025, 4, 2), datetime.date(2025, 4, 4))
    ]
    assert [(str(t["summary"]), t.decoded("due")) for t in todos] == [("Send the brochure", datetime.date(2025, 4, 10))]


def test_inquiry_panel_shows_the_figures_and_the_unanswered(client, officer):
    received = datetime.datetime(2025, 3, 1, 9, tzinfo=datetime.UTC)
    for n, hours in enumerate([1, 3]):
        inquiry = services.receive_inquiry(
            name=f"P{n}", email=f"p{n}@example.com", message="?", language="ja", consent=True, received_at=received
        )
        services.answer_inquiry(inquiry, officer, message="A", at=received + datetime.timedelta(hours=hours))
    services.receive_inquiry(name="Waiting person", email="w@example.com", message="?", language="en", consent=True)
    client.force_login(officer)
    html = client.get(reverse("crm:inquiry-list"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<td class="num" data-median>2.0</td>' in html
    assert '<td class="num" data-p90>2.8</td>' in html
    assert "Waiting person" in html


def test_inquiry_form_records_an_inquiry_and_its_lead(client, officer, countries):
    client.force_login(officer)
    response = client.post(
        reverse("crm:inquiry-create"),
        {
            "kind": "inquiry",
            "name": "Sato",
            "email": "sato@example.jp",
            "language": "ja",
            "message": "Land?",
            "country_code": "JP",
            "consent": "on",
        },
    )
    assert response.status_code == 302
    lead = Lead.objects.get()
    assert (lead.owner, lead.stage.key, lead.country.code) == (officer, "inquiry", "JP")


def test_task_list_defaults_to_my_open_tasks(client, officer, administrator):
    services.create_task(officer, title="Mine", due_date=datetime.date(2025, 1, 1))
    services.create_task(officer, title="Theirs", due_date=datetime.date(2025, 1, 1), assignee=administrator)
    client.force_login(officer)
    response = client.get(reverse("crm:task-list"))
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "Mine" in html and "Theirs" not in html
    assert "data-overdue" in html


def test_a_lead_is_linked_to_a_project_by_its_code(client, world, officer, registered_project):
    client.force_login(officer)
    lead = world["lead"]
    client.post(reverse("crm:lead-convert", args=[lead.pk]), {"project": "NO-SUCH-CODE"}, HTTP_ACCEPT_LANGUAGE="en")
    assert Lead.objects.get(pk=lead.pk).project is None
    client.post(reverse("crm:lead-convert", args=[lead.pk]), {"project": registered_project.code})
    lead.refresh_from_db()
    assert (lead.project, lead.stage.key) == (registered_project, "certificate")


def test_an_organisation_is_linked_to_a_registry_investor_by_number(client, officer, registered_project):
    from japandesk.registry.models import Investor

    investor = Investor.objects.get(name_latin="Sample Denshi K.K.")
    client.force_login(officer)
    response = client.post(
        reverse("crm:organisation-create"), {"name": "Sample Denshi", "kind": "company", "investor": investor.pk}
    )
    assert response.status_code == 302
    assert Organisation.objects.get(name="Sample Denshi").investor == investor
    response = client.post(reverse("crm:organisation-create"), {"name": "Ghost", "kind": "company", "investor": 99999})
    assert response.status_code == 200
    assert not Organisation.objects.filter(name="Ghost").exists()


def test_post_only_actions_refuse_a_leader_and_work_for_an_officer(client, world, officer, leader):
    obligation = services.add_obligation(world["agreement"], officer, description="Visit Osaka")
    actions = [
        (reverse("crm:task-complete", args=[world["task"].pk]), {}),
        (reverse("crm:task-reopen", args=[world["task"].pk]), {}),
        (reverse("crm:obligation-done", args=[obligation.pk]), {}),
        (reverse("crm:lead-convert", args=[world["lead"].pk]), {"project": "X"}),
    ]
    client.force_login(leader)
    assert [client.post(address, data).status_code for address, data in actions] == [403, 403, 403, 403]
    client.force_login(officer)
    assert [client.post(address, data).status_code for address, data in actions] == [302, 302, 302, 302]
    obligation.refresh_from_db()
    world["task"].refresh_from_db()
    assert obligation.done_on is not None
    assert world["task"].done_at is None  # completed, then reopened


def test_an_officer_corrects_a_meeting_and_adds_a_decision(client, world, officer, yamada):
    meeting = world["meeting"]
    client.force_login(officer)

    response = client.post(
        reverse("crm:meeting-update", args=[meeting.pk]),
        {
            "date": "2025-03-02",
            "title": "Spring session",
            "location": "Hạ Long",
            "attendees": [yamada.pk],
            "minutes": "Agreed on the Osaka seminar.",
            "decisions": "Hold a seminar in Osaka\n",
        },
    )

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (str(meeting.date), meeting.title, list(meeting.attendees.all())) == (
        "2025-03-02",
        "Spring session",
        [yamada],
    )
    assert [d.text for d in meeting.decisions.order_by("id")] == ["Go", "Hold a seminar in Osaka"]
    entry = AuditEntry.objects.filter(object_id=str(meeting.pk), action="update").get()
    assert (entry.before["title"], entry.after["title"]) == ("Spring", "Spring session")


def test_a_member_leaves_the_committee_on_a_date_and_stays_in_its_history(client, world, officer):
    membership = world["membership"]
    client.force_login(officer)
    client.cookies["japandesk_language"] = "en"
    address = reverse("crm:membership-end", args=[membership.pk])

    early = client.post(address, {"until": "2023-12-31"})
    response = client.post(address, {"until": "2025-06-30"})

    assert "A membership cannot end before it began." in early.content.decode()
    assert response.status_code == 302
    membership.refresh_from_db()
    assert str(membership.until) == "2025-06-30"
    page = client.get(world["committee"].get_absolute_url()).content.decode()
    assert reverse("crm:membership-end", args=[membership.pk]) not in page
