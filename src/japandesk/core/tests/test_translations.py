"""The Vietnamese and Japanese catalogues (the shared one and each app's own) translate every
string the interface shows, and every translation keeps the placeholders of its source."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation

PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%\([a-z_0-9]+\)[sdf]|%[sd]")


PACKAGE = Path(settings.LOCALE_PATHS[0]).parent


def catalogue_paths(language: str) -> list[Path]:
    return sorted(PACKAGE.glob(f"**/locale/{language}/LC_MESSAGES/django.po"))


def catalogue(language: str):
    messages = []
    for path in catalogue_paths(language):
        with path.open("rb") as handle:
            messages.extend(read_po(handle, locale=language))
    return messages


def test_the_shared_catalogue_is_among_those_read():
    assert Path(settings.LOCALE_PATHS[0]) / "vi" / "LC_MESSAGES" / "django.po" in catalogue_paths("vi")


def texts(value) -> list[str]:
    return list(value) if isinstance(value, tuple | list) else [value]


@pytest.mark.parametrize("language", ["vi", "ja"])
def test_every_string_is_translated(language):
    untranslated = [m.id for m in catalogue(language) if m.id and not all(texts(m.string))]
    fuzzy = [m.id for m in catalogue(language) if m.id and m.fuzzy]
    assert (untranslated, fuzzy) == ([], [])


@pytest.mark.parametrize("language", ["vi", "ja"])
def test_translations_keep_their_placeholders(language):
    wrong = []
    for message in catalogue(language):
        if not message.id:
            continue
        sources = texts(message.id)
        expected = sorted(set(PLACEHOLDER.findall(" ".join(sources))))
        for text in texts(message.string):
            if sorted(set(PLACEHOLDER.findall(text))) != expected:
                wrong.append((message.id, text))
    assert wrong == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [("vi", "Tổng quan"), ("ja", "ダッシュボード"), ("en", "Dashboard")],
)
def test_compiled_catalogues_are_used(language, expected):
    with translation.override(language):
        assert translation.gettext("Dashboard") == expected
