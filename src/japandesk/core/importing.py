"""What every all-or-nothing import shares: its report's errors, each with the line it is on."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class ReportErrors:
    """Errors of an import as (line, message): line is None for the file as a whole and 1 for the
    header row. Mixed into each import's report dataclass, which holds the `errors` list."""

    errors: list

    @property
    def ok(self) -> bool:
        return not self.errors

    def add_error(self, line: int | None, message: str) -> None:
        self.errors.append((line, message))

    def error_lines(self) -> list[str]:
        return [
            _("line {line}: {message}").format(line=line, message=message) if line else message
            for line, message in self.errors
        ]

    def errors_summary(self) -> str:
        count = len(self.errors)
        return ngettext(
            "{count} error found; nothing was imported.", "{count} errors found; nothing was imported.", count
        ).format(count=count)
