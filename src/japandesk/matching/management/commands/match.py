"""``japandesk match``: rank supplier profiles for buyers' needs from JSON-lines files, without the database."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from japandesk.matching.engine import Matcher
from japandesk.matching.io import FormatError, answer_line, read_records


class Command(BaseCommand):
    help = _(
        "Rank supplier profiles for each buyer's need. Reads needs.jsonl and suppliers.jsonl in the exchange "
        "format and writes one JSON line per need, in the order of the needs. Never touches the database."
    )
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("--needs", required=True, help=_("JSON-lines file of buyers' needs."))
        parser.add_argument("--suppliers", required=True, help=_("JSON-lines file of supplier profiles."))
        parser.add_argument("--top", type=int, default=10, help=_("Matches per need (default 10)."))
        parser.add_argument(
            "--json", action="store_true", help=_("Write the answer as JSON lines (the exchange format).")
        )
        parser.add_argument(
            "--language",
            help=_(
                "Language of the reasons (en, vi, ja). Default: English with --json, as the exchange format "
                "is written, otherwise the site's language."
            ),
        )
        parser.add_argument(
            "--embeddings",
            action="store_true",
            help=_("Also compare sentence embeddings (slower; for small files)."),
        )

    def handle(self, *args, **options):
        if options["top"] < 1:
            raise CommandError(_("--top must be at least 1."))
        try:
            suppliers = read_records(options["suppliers"])
            needs = read_records(options["needs"])
        except FormatError as error:
            raise CommandError(str(error)) from error
        language = options["language"] or ("en" if options["json"] else translation.get_language())
        with translation.override(language):
            self.write_answers(needs, Matcher(suppliers, use_embeddings=options["embeddings"]), options)

    def write_answers(self, needs, matcher, options):
        for need in needs:
            matches = matcher.match(need, top=options["top"])
            if options["json"]:
                self.stdout.write(answer_line(need["id"], matches))
                continue
            self.stdout.write(need["id"])
            for rank, m in enumerate(matches, start=1):
                self.stdout.write(f"  {rank:>2}. {m.supplier}  {m.score:.2f}  " + "; ".join(m.reasons))
