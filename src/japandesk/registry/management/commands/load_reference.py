from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from japandesk.registry import reference


class Command(BaseCommand):
    help = _(
        "Load or refresh the origin economies (ISO 3166-1, named in Vietnamese, Japanese and English) "
        "and the VSIC 2018 sections and divisions. Safe to run again."
    )

    def handle(self, *args, **options):
        reference.load(stdout=self.stdout)
