"""Expiry reminders: the service, the command `japandesk matching remind` and the background task."""

from django.core import mail
from django.core.management import call_command

from japandesk.matching import services, tasks
from japandesk.matching.tests.conftest import days


def test_suppliers_are_reminded_once_before_expiry(make_profile, today, officer):
    soon = make_profile("s-soon", "Dập.", expires_on=today + days(10), contact_email="soon@example.com")
    make_profile("s-late", "Dập.", expires_on=today + days(31), contact_email="late@example.com")
    make_profile("s-gone", "Dập.", expires_on=today - days(1), contact_email="gone@example.com")
    make_profile("s-mute", "Dập.", expires_on=today + days(5))
    ja = make_profile("s-ja", "プレス", language="ja", expires_on=today + days(30), contact_email="ja@example.com")

    assert services.send_expiry_reminders() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["ja@example.com", "soon@example.com"]
    vi_mail = next(m for m in mail.outbox if m.to == ["soon@example.com"])
    ja_mail = next(m for m in mail.outbox if m.to == ["ja@example.com"])
    assert vi_mail.subject.startswith("Hồ sơ nhà cung cấp của bạn hết hạn vào")
    assert "/matching/public/renew/" + soon.renewal_token + "/" in vi_mail.body
    assert ja_mail.subject.startswith("サプライヤープロフィール")
    soon.refresh_from_db()
    assert soon.reminded_on == today

    assert services.send_expiry_reminders() == 0
    services.renew_profile(ja, actor=officer)
    assert services.send_expiry_reminders(today + days(365 + 10)) == 1


def test_command_and_task(make_profile, today):
    make_profile("s-1", "Dập.", expires_on=today + days(3), contact_email="a@example.com")
    make_profile("s-2", "Dập.", expires_on=today + days(40), contact_email="b@example.com")
    out = []

    class Out:
        def write(self, text):
            out.append(text)

    call_command("matching", "remind", stdout=Out())
    assert out == ["Expiry reminders sent: 1.\n"] or out == ["Expiry reminders sent: 1."]
    result = tasks.send_expiry_reminders.enqueue((today + days(15)).isoformat())
    assert result.return_value == 1
    assert [m.to for m in mail.outbox] == [["a@example.com"], ["b@example.com"]]
