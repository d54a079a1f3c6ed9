"""Reading and writing the supplier-matching exchange format (JSON lines)."""

import json
from pathlib import Path

from django.utils.translation import gettext as _

from .engine import Match


class FormatError(ValueError):
    """A line of an input file that is not a record of the exchange format; the message names the line."""


def read_records(path: str | Path) -> list[dict]:
    """The records of a JSON-lines file; blank lines are skipped, each record needs a non-empty id and description."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise FormatError(_("{path}: cannot be read ({error}).").format(path=path, error=error)) from error
    records, seen = [], set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise FormatError(
                _("{path}, line {line}: invalid JSON ({error}).").format(path=path, line=number, error=error.msg)
            ) from error
        if not isinstance(record, dict):
            raise FormatError(_("{path}, line {line}: a JSON object is expected.").format(path=path, line=number))
        for key in ("id", "description"):
            value = record.get(key)
            if not isinstance(value, str | int) or isinstance(value, bool) or not str(value).strip():
                raise FormatError(
                    _("{path}, line {line}: “{key}” is missing or empty.").format(path=path, line=number, key=key)
                )
        record["id"] = str(record["id"])
        if record["id"] in seen:
            raise FormatError(
                _("{path}, line {line}: the id “{id}” was already used.").format(
                    path=path, line=number, id=record["id"]
                )
            )
        seen.add(record["id"])
        records.append(record)
    return records


def answer_line(need_id: str, matches: list[Match]) -> str:
    """One line of the answer: the need and its matches, best first."""
    return json.dumps(
        {
            "need": need_id,
            "matches": [{"supplier": m.supplier, "score": m.score, "reasons": m.reasons} for m in matches],
        },
        ensure_ascii=False,
    )
