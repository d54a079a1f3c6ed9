import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone, translation

from japandesk.matching import services


@pytest.fixture(autouse=True)
def english():
    """The messages and reasons asserted here are the English ones; the product speaks the reader's language."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def fresh_cache():
    """The public form's rate limit counts in the cache: every test starts with none counted."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def make_profile(officer):
    """A supplier profile written through the service, verified unless told otherwise."""

    def make(ref: str, description: str, *, language: str = "vi", verified: bool = True, **extra):
        extra.setdefault("name", f"Supplier {ref}")
        return services.create_profile(
            actor=officer, ref=ref, description=description, language=language, verified=verified, **extra
        )

    return make


@pytest.fixture
def make_need(officer):
    def make(ref: str, description: str, *, language: str = "ja", **extra):
        extra.setdefault("buyer", "株式会社サンプル精機")
        extra.setdefault("title", description[:40])
        return services.create_need(actor=officer, ref=ref, description=description, language=language, **extra)

    return make


@pytest.fixture
def stamping(make_profile):
    """Three stamping suppliers in three languages, one without IATF 16949, and an unrelated garment maker."""
    return {
        "vi": make_profile(
            "s-vi",
            "Công ty chuyên dập kim loại tấm và sơn tĩnh điện giá đỡ cho linh kiện ô tô.",
            certifications=["IATF16949:2016", "ISO 9001:2015"],
            hs_codes=["8708.29"],
        ),
        "en": make_profile(
            "s-en",
            "Metal stamping plant: stamped steel brackets and powder coated parts for automotive customers.",
            language="en",
            certifications=["ISO9001"],
        ),
        "ja": make_profile(
            "s-ja", "自動車部品のプレス加工、ブラケット。", language="ja", certifications=["ＩＡＴＦ１６９４９"]
        ),
        "garment": make_profile("s-garment", "May mặc đồng phục công nhân, áo sơ mi.", certifications=["ISO 9001"]),
    }


@pytest.fixture
def bracket_need(make_need):
    return make_need(
        "n-1", "自動車用ブラケットのプレス加工と粉体塗装。月産5万個。", required_certifications=["IATF 16949"]
    )


def days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


@pytest.fixture
def client(client):
    """Pages answer in the reader's language; these tests read the English one (the site's default is vi)."""
    client.cookies["japandesk_language"] = "en"
    return client
