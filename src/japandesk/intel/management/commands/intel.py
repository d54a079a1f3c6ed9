"""`japandesk intel extract|cluster FILE...`: the news engine on files, without the database;
`japandesk intel ingest PATH...`: store articles, folders of articles and RSS/Atom files."""

import json

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from japandesk.intel.extraction import analyse, read_article
from japandesk.intel.extraction.clustering import DEFAULT_THRESHOLD, cluster, signals


def read_files(paths: list[str]) -> list[str]:
    texts = []
    for path in paths:
        try:
            texts.append(read_article(path))
        except FileNotFoundError:
            raise CommandError(_("No such file: “{file}”.").format(file=path)) from None
        except IsADirectoryError:
            raise CommandError(_("“{file}” is a folder; name the article files in it.").format(file=path)) from None
        except UnicodeDecodeError:
            raise CommandError(_("“{file}” is not UTF-8 text.").format(file=path)) from None
        except OSError as error:
            raise CommandError(
                _("Cannot read “{file}”: {reason}.").format(file=path, reason=error.strerror or error)
            ) from None
    return texts


class Command(BaseCommand):
    help = _(
        "Read news articles (.txt, .md or .html files) in any language: extract their facts "
        "(money, counts, percentages, dates) or group the articles that tell the same story."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="{extract,cluster,ingest}")
        extract = actions.add_parser("extract", help=_("Print the facts of each file."))
        cluster_parser = actions.add_parser("cluster", help=_("Group the files by story."))
        for sub in (extract, cluster_parser):
            sub.add_argument("files", nargs="+", metavar="FILE", help=_("Article files."))
            sub.add_argument("--json", action="store_true", help=_("Print JSON."))
            sub.add_argument("--language", help=_("The articles' language (ISO 639-1), instead of detecting it."))
        ingest = actions.add_parser(
            "ingest", help="Store articles: .txt, .md or .html files, RSS/Atom files, or folders of them."
        )
        ingest.add_argument("paths", nargs="+", metavar="PATH", help="Files or folders.")
        ingest.add_argument("--source", default="", help="The newspaper or website the articles come from.")
        ingest.add_argument("--user", help="The desk officer recorded as having added them (default: the system).")
        extract.add_argument(
            "--entities",
            action="store_true",
            help=_("Also list the organisations, places and zones named (key “entities”)."),
        )
        cluster_parser.add_argument(
            "--threshold",
            type=float,
            default=DEFAULT_THRESHOLD,
            help=_("Similarity (0 to 1) from which two stories merge (default %(default)s)."),
        )

    def handle(self, *args, **options):
        if options["action"] == "ingest":
            return self.ingest(options)
        files = options["files"]
        texts = read_files(files)
        language = (options.get("language") or "").strip().lower() or None
        if options["action"] == "extract":
            self.extract(files, texts, language, options)
        else:
            self.cluster(files, texts, language, options)

    def extract(self, files, texts, language, options):
        results = []
        for path, text in zip(files, texts, strict=True):
            article = analyse(text, language, entities=options["entities"])
            result = {"file": path, "language": article.language, "facts": [f.as_json() for f in article.facts]}
            if options["entities"]:
                result["entities"] = [e.as_json() for e in article.entities]
            results.append(result)
        if options["json"]:
            self.stdout.write(json.dumps(results, ensure_ascii=False, indent=1))
            return
        for result in results:
            self.stdout.write(
                _("{file} ({language}): {count} facts").format(
                    file=result["file"], language=result["language"], count=len(result["facts"])
                )
            )
            for fact in result["facts"]:
                detail = fact.get("currency") or fact.get("unit") or ""
                place = f"{fact['start']:>6}-{fact['end']:<6}"
                self.stdout.write(f"  {place} {fact['kind']:<8} {fact['value']} {detail}  «{fact['text']}»")
            for entity in result.get("entities", []):
                self.stdout.write(f"  {entity['start']:>6}-{entity['end']:<6} {entity['kind']:<8} {entity['id']}")

    def cluster(self, files, texts, language, options):
        if not 0 <= options["threshold"] <= 1:
            raise CommandError(_("--threshold takes a number from 0 to 1."))
        documents = []
        for text in texts:
            article = analyse(text, language)
            documents.append(signals(article.facts, article.entities, text))
        groups = [[files[i] for i in group] for group in cluster(documents, options["threshold"])]
        if options["json"]:
            self.stdout.write(json.dumps({"clusters": groups}, ensure_ascii=False, indent=1))
            return
        for number, group in enumerate(groups, start=1):
            self.stdout.write(_("Story {number}:").format(number=number))
            for path in group:
                self.stdout.write(f"  {path}")

    def ingest(self, options):
        from japandesk.intel import services

        user = None
        if options.get("user"):
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(_("No user “{name}”.").format(name=options["user"]))
        results = []
        try:
            for path in options["paths"]:
                results.extend(services.ingest_path(user, path, source=options["source"]))
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        except PermissionDenied:
            raise CommandError(_("This user may not add articles.")) from None
        created = sum(1 for r in results if r.created)
        self.stdout.write(
            _("{created} new articles; {kept} were already stored and are unchanged.").format(
                created=created, kept=len(results) - created
            )
        )
