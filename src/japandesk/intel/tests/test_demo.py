"""The illustrative news: every evaluation text stored once, grouped into stories, some facts reviewed."""

import pytest

from japandesk.core.models import AuditEntry
from japandesk.intel import demo
from japandesk.intel.evaluation import EVALUATION_DIR, load_cases
from japandesk.intel.models import Article, Fact, Story
from japandesk.intel.services import content_hash

# The marker makes pytest-django create the test database even when this module runs alone.
pytestmark = pytest.mark.django_db


def _state() -> tuple[int, int, int, int]:
    return Article.objects.count(), Fact.objects.count(), Story.objects.count(), AuditEntry.objects.count()


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The demo loaded twice, once per module (it analyses every article of the evaluation set)."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        get_user_model().objects.create_user(username="officer", role="officer")
        first = demo.load()
        counts = _state()
        second = demo.load()
        story_of = dict(Article.objects.values_list("content_hash", "story_id"))
        result = {
            "first": first,
            "second": second,
            "counts": counts,
            "again": _state(),
            "story_of": story_of,
            "reviewed": Fact.objects.exclude(status="pending").count(),
            "reviewers": set(Fact.objects.exclude(status="pending").values_list("reviewed_by__username", flat=True)),
            "press": list(Article.objects.exclude(url="").values_list("published_on", flat=True)),
        }
        transaction.set_rollback(True)
    return result


def test_demo_stores_every_text_once(loaded):
    cases = load_cases(EVALUATION_DIR)
    assert loaded["first"]["created"] == len(cases) + 1
    assert loaded["second"] == {"created": 0, "kept": len(cases) + 1, "reviewed": 0}
    assert loaded["again"] == loaded["counts"]


def test_demo_stories_are_the_evaluation_set_stories(loaded):
    groups = {}
    for case in load_cases(EVALUATION_DIR):
        groups.setdefault(case.story, set()).add(loaded["story_of"][content_hash(case.text)])
    assert all(len(stories) == 1 for stories in groups.values())
    assert loaded["counts"][2] == len(groups) + 1


def test_demo_reviews_some_facts(loaded):
    assert loaded["first"]["reviewed"] == loaded["reviewed"] > 0
    assert loaded["reviewers"] == {"officer"}
    assert [str(d) for d in loaded["press"]] == ["2025-11-30"]
