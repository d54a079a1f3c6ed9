"""Fixtures of the CRM tests, built through the CRM's services."""

import pytest

from japandesk.core.tests.conftest import browser, outside_requests, page  # noqa: F401 - the browser fixtures
from japandesk.crm import services


@pytest.fixture
def pipelines(db):
    return services.ensure_pipelines()


@pytest.fixture
def yamada_corp(officer, countries):
    return services.create_organisation(
        officer,
        name="山田精機株式会社",
        name_latin="Yamada Seiki Co., Ltd.",
        name_kana="ヤマダセイキ",
        country=countries["JP"],
    )


@pytest.fixture
def yamada(officer, yamada_corp):
    return services.create_contact(
        officer,
        organisation=yamada_corp,
        family_name="山田",
        given_name="太郎",
        family_name_latin="Yamada",
        given_name_latin="Taro",
        family_name_kana="やまだ",
        given_name_kana="たろう",
        gender="m",
        position="代表取締役",
        languages="ja, en",
        email="taro@yamada.example",
        phone="+81 3 1234 5678",
    )
