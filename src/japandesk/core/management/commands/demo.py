from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from japandesk.core.choices import Role
from japandesk.core.demo import LOGIN_URL, PASSWORD_VARIABLE, load_demo


class Command(BaseCommand):
    help = _(
        "Load reference data, the demo users and the illustrative data set. Safe to run again: "
        "nothing is duplicated, and --reset replaces the illustrative data."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help=_("Remove the illustrative projects and demo investors, then load them again."),
        )

    def handle(self, *args, reset: bool = False, **options):
        users = load_demo(stdout=self.stdout, reset=reset)
        self.stdout.write("")
        self.stdout.write(_("Demo users:"))
        for username, user in users.items():
            role = Role(user["role"]).label
            if user["password"]:
                line = _("  {user} ({role}): password {password}").format(
                    user=username, role=role, password=user["password"]
                )
            else:
                line = _("  {user} ({role}): already existed, its password was kept").format(user=username, role=role)
            self.stdout.write(line)
        if any(user["password"] for user in users.values()):
            self.stdout.write(
                _("Passwords are generated unless {variable} is set; note them now.").format(variable=PASSWORD_VARIABLE)
            )
        self.stdout.write(_("Serve the product with `japandesk runserver` and log in at {url}").format(url=LOGIN_URL))
