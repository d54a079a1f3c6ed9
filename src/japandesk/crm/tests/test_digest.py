"""The daily digest: the command, the task, the e-mail in the officer's language."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from japandesk.crm import services
from japandesk.crm.tasks import send_daily_digest

DAY = datetime.date(2025, 6, 10)


@pytest.fixture
def officers(make_user):
    ja = make_user("sato", email="sato@desk.example", language="ja")
    en = make_user("lan", email="lan@desk.example", language="en")
    make_user("idle", email="idle@desk.example")
    make_user("reader", role="leader", email="reader@desk.example")
    services.create_task(ja, title="横浜市へ電話", due_date=datetime.date(2025, 6, 1))
    services.create_task(en, title="Send the zone brochure", due_date=DAY)
    return ja, en


def test_the_command_sends_each_officer_their_digest_in_their_language(officers):
    out = StringIO()
    call_command("crm", "digest", "--date", "2025-06-10", stdout=out)
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_recipient) == ["lan@desk.example", "sato@desk.example"]
    assert "横浜市へ電話" in by_recipient["sato@desk.example"].body
    assert "Send the zone brochure" in by_recipient["lan@desk.example"].body
    assert "Due today" in by_recipient["lan@desk.example"].body
    assert "Sent 2 digest(s)." in out.getvalue()


def test_dry_run_sends_nothing_and_bad_dates_are_refused(officers):
    out = StringIO()
    call_command("crm", "digest", "--date", "2025-06-10", "--dry-run", "--user", "lan", stdout=out)
    assert mail.outbox == []
    assert "Would send 1 digest(s)." in out.getvalue()
    with pytest.raises(CommandError):
        call_command("crm", "digest", "--date", "10/06/2025")


def test_the_task_sends_the_same_digests(officers):
    result = send_daily_digest.enqueue("2025-06-10")
    assert result.return_value == 2
    assert len(mail.outbox) == 2


def test_link_projects_command_reports_what_it_linked(officer, registered_project):
    from japandesk.registry.models import Investor

    organisation = services.create_organisation(
        officer, name="Sample Denshi", investor=Investor.objects.get(name_latin="Sample Denshi K.K.")
    )
    services.create_lead(officer, pipeline="investment", title="Sample plant", organisation=organisation)
    out = StringIO()
    call_command("crm", "link-projects", "--since", "2020-01-01", stdout=out)
    assert out.getvalue().splitlines() == [f"Sample plant → {registered_project}", "Linked 1 lead(s)."]
    with pytest.raises(CommandError):
        call_command("crm", "link-projects", "--since", "yesterday")
