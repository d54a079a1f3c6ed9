"""The as-of dashboard: its figures for a small ledger, the lists behind them, HTMX, language
and the number of queries it costs.
"""

import datetime
import html
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from japandesk.registry import services

D = datetime.date
DASHBOARD = reverse("registry:dashboard")


def add_project(actor, code, sector, zone, investor, registered, usd, **extra):
    project = services.create_project(actor=actor, code=code, name=f"Project {code}", sector=sector, zone=zone, **extra)
    services.record_event(
        project,
        actor=actor,
        kind="registration",
        date=registered,
        certificate_no=f"IRC-{code}",
        capital_usd=Decimal(usd),
        capital_vnd=Decimal(usd) * 25000,
        lineup=[(investor, Decimal(100))],
    )
    return project


def change(actor, project, kind, on, usd=None, number=None):
    return services.record_event(
        project,
        actor=actor,
        kind=kind,
        date=on,
        certificate_no=number or f"{project.code}-{kind}-{on.isoformat()}",
        capital_usd=None if usd is None else Decimal(usd),
        capital_vnd=None if usd is None else Decimal(usd) * 25000,
    )


@pytest.fixture
def ledger(officer, countries, sectors, zones, registered_project):
    """Five projects; as of 31 December 2024 four are active with USD 71.5 million:

    QN-T-001 JP electronics in Dong Mai (ip), 10 M, 2020, realised 2 M (2021) + 3 M (2024)
    QN-T-002 KR power outside any zone, 50 M (2021) + 5 M increase (Feb 2024)
    QN-T-003 JP manufacturing in Van Don (ez), 2 M (Mar 2024)
    QN-T-004 SG electronics in a cluster, 3 M (2019), terminated May 2023
    QN-T-005 JP electronics in Dong Mai (ip), 4 M (Jul 2024) + 1 M (Sep) - 0.5 M (Oct)
    """
    kr = services.create_investor(actor=officer, name="한국전력", name_latin="Korea Power", country=countries["KR"])
    jp = services.create_investor(
        actor=officer, name="株式会社ミナト", name_latin="Minato K.K.", country=countries["JP"]
    )
    sg = services.create_investor(actor=officer, name="Lion Holdings", country=countries["SG"])
    p2 = add_project(officer, "QN-T-002", sectors["35"], None, kr, D(2021, 6, 1), "50000000")
    change(officer, p2, "increase", D(2024, 2, 1), "5000000")
    add_project(officer, "QN-T-003", sectors["C"], zones["van_don"], jp, D(2024, 3, 15), "2000000")
    p4 = add_project(officer, "QN-T-004", sectors["26"], zones["cluster"], sg, D(2019, 1, 10), "3000000")
    change(officer, p4, "termination", D(2023, 5, 5))
    p5 = add_project(officer, "QN-T-005", sectors["26"], zones["dong_mai"], jp, D(2024, 7, 1), "4000000")
    change(officer, p5, "increase", D(2024, 9, 1), "1000000")
    change(officer, p5, "decrease", D(2024, 10, 1), "500000")
    services.record_disbursement(
        registered_project, actor=officer, date=D(2021, 1, 1), amount_usd=Decimal("2000000"), amount_vnd=Decimal(1)
    )
    services.record_disbursement(
        registered_project, actor=officer, date=D(2024, 1, 1), amount_usd=Decimal("3000000"), amount_vnd=Decimal(1)
    )
    return {"p1": registered_project, "p2": p2, "p4": p4, "p5": p5}


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    client.cookies["japandesk_language"] = "en"
    return client


def figures(content: str) -> dict[str, tuple[str, str]]:
    """Each data-figure on the page as (raw value, text shown)."""
    found = {}
    pattern = re.compile(r'data-figure="(\w+)" data-value="([^"]*)"[^>]*>([^<]*)<')
    for name, value, text in pattern.findall(content):
        found[name] = (value, " ".join(html.unescape(text).split()))
    return found


def link_after(content: str, marker: str) -> str:
    """The first link that follows `marker` on the page."""
    start = content.index(marker)
    return html.unescape(re.search(r'href="([^"]+)"', content[start:]).group(1))


def result_count(client, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200
    return int(re.search(r'data-result-count="(\d+)"', response.content.decode()).group(1))


def test_dashboard_shows_the_figures_of_the_ledger_as_of_a_date(officer_client, ledger):
    # when the officer opens the dashboard as of the end of 2024
    response = officer_client.get(DASHBOARD, {"as_of": "2024-12-31"})

    # then each headline figure is the ledger's, written for an English reader
    assert response.status_code == 200
    shown = figures(response.content.decode())
    assert shown == {
        "projects": ("4", "4"),
        "registered_capital_usd": ("71500000.00", "$71.5M"),
        "origin_economies": ("2", "2"),
        "focus_projects": ("3", "3"),
        "focus_capital_usd": ("16500000.00", "$16.5M"),
        "focus_share": (shown["focus_share"][0], "23.1%"),
        "attracted_usd": ("12000000.00", "$12M"),
        "realised_usd": ("5000000.00", "$5M"),
    }
    assert Decimal(shown["focus_share"][0]).quantize(Decimal("0.0001")) == Decimal("0.2308")
    context = response.context
    assert context["period_from"] == D(2024, 1, 1)
    assert (context["period"]["new_projects"], context["period"]["increases"]) == (2, 2)
    assert [(b.key, b.projects, b.capital_usd) for b in context["figures"]["by_origin"]] == [
        ("KR", 1, Decimal("55000000.00")),
        ("JP", 3, Decimal("16500000.00")),
    ]
    assert [(b.key, b.projects) for b in context["figures"]["by_zone_kind"]] == [(None, 1), ("ip", 2), ("ez", 1)]
    assert [(row["year"], row["projects"], row["registered_capital_usd"]) for row in context["series"]][-2:] == [
        (2023, 2, Decimal("60000000.00")),
        (2024, 4, Decimal("71500000.00")),
    ]


def test_dashboard_filters_keep_parks_and_zones_only(officer_client, ledger):
    response = officer_client.get(DASHBOARD, {"as_of": "2024-12-31", "in_zones": "on"})

    shown = figures(response.content.decode())
    assert (shown["projects"][0], shown["registered_capital_usd"][0]) == ("3", "16500000.00")
    assert (shown["focus_projects"][0], shown["focus_share"][1]) == ("3", "100.0%")
    assert shown["attracted_usd"][0] == "7000000.00"


def test_dashboard_before_a_termination_counts_the_project(officer_client, ledger):
    response = officer_client.get(DASHBOARD, {"as_of": "2023-05-04", "period_from": "2023-01-01"})

    shown = figures(response.content.decode())
    assert (shown["projects"][0], shown["registered_capital_usd"][0], shown["origin_economies"][0]) == (
        "3",
        "63000000.00",
        "3",
    )
    assert shown["attracted_usd"][0] == "0.00"


def test_the_projects_figure_opens_the_list_of_the_same_projects(officer_client, ledger):
    # given the dashboard as of 2024 restricted to parks and economic zones
    content = officer_client.get(DASHBOARD, {"as_of": "2024-12-31", "in_zones": "1"}).content.decode()

    # when the reader follows the "projects" figure
    url = link_after(content, 'data-figure-link="projects"')

    # then the list holds exactly the projects counted, as of the same date and with the same filter
    assert "as_of=2024-12-31" in url and "status=active" in url and "in_zones=1" in url
    assert result_count(officer_client, url) == 3


def test_a_by_origin_row_opens_the_projects_of_that_origin(officer_client, ledger):
    content = officer_client.get(DASHBOARD, {"as_of": "2024-12-31"}).content.decode()

    url = link_after(content, 'data-key="JP"')

    assert "origin=JP" in url
    assert result_count(officer_client, url) == 3
    assert result_count(officer_client, link_after(content, 'data-key="KR"')) == 1


def test_the_attracted_figure_opens_the_events_behind_it(officer_client, ledger):
    content = officer_client.get(DASHBOARD, {"as_of": "2024-12-31"}).content.decode()

    url = link_after(content, 'data-figure-link="attracted_usd"')

    assert "kind=registration&kind=increase" in url and "date_from=2024-01-01" in url and "date_to=2024-12-31" in url
    assert result_count(officer_client, url) == 4


def test_a_sector_row_and_a_zone_kind_row_open_their_projects(officer_client, ledger):
    content = officer_client.get(DASHBOARD, {"as_of": "2024-12-31"}).content.decode()
    sector_table = content[content.index('id="table-sector"') :]
    zone_kind_table = content[content.index('id="table-zone-kind"') :]

    assert result_count(officer_client, link_after(sector_table, 'data-key="C"')) == 3
    assert result_count(officer_client, link_after(zone_kind_table, 'data-key="none"')) == 1
    assert result_count(officer_client, link_after(zone_kind_table, 'data-key="ip"')) == 2


def test_an_htmx_request_gets_only_the_results_region(officer_client, ledger):
    response = officer_client.get(DASHBOARD, {"as_of": "2024-12-31"}, HTTP_HX_REQUEST="true")

    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content and 'id="dashboard-form"' not in content
    assert figures(content)["projects"][0] == "4"
    assert 'id="dashboard-data"' in content


def test_the_dashboard_works_without_any_data(officer_client):
    response = officer_client.get(DASHBOARD)

    assert response.status_code == 200
    assert figures(response.content.decode())["projects"] == ("0", "0")


def test_a_bad_date_falls_back_to_today_and_says_so(officer_client, ledger):
    response = officer_client.get(DASHBOARD, {"as_of": "2024-02-30"})

    assert response.status_code == 200
    assert response.context["as_of"] == timezone.localdate()
    assert "The default value is used instead." in response.content.decode()


@pytest.mark.parametrize(
    ("cookie", "accept", "lang"),
    [("ja", None, "ja"), (None, "ja", "ja"), (None, "en-US,en;q=0.9", "en"), (None, None, "vi")],
    ids=["cookie-ja", "header-ja", "header-en", "default-vi"],
)
def test_the_dashboard_speaks_the_readers_language(client, officer, ledger, cookie, accept, lang):
    client.force_login(officer)
    if cookie:
        client.cookies["japandesk_language"] = cookie
    headers = {"HTTP_ACCEPT_LANGUAGE": accept} if accept else {}

    response = client.get(DASHBOARD, {"as_of": "2024-12-31"}, **headers)

    content = response.content.decode()
    assert f'<html lang="{lang}">' in content
    capital = figures(content)["registered_capital_usd"][1]
    assert capital == {"ja": "7,150万米ドル", "en": "$71.5M", "vi": "71,5 Tr US$"}[lang]


def test_the_illustrative_banner_shows_only_with_demo_projects(officer_client, officer, ledger, sectors):
    assert "data-illustrative" not in officer_client.get(DASHBOARD).content.decode()

    services.create_project(actor=officer, code="DEMO-1", name="Demo", sector=sectors["C"], illustrative=True)

    assert "data-illustrative" in officer_client.get(DASHBOARD).content.decode()


def make_projects(officer, countries, sectors, zones, count):
    investor = services.create_investor(actor=officer, name="Bulk K.K.", country=countries["JP"])
    for number in range(count):
        project = add_project(
            officer,
            f"QN-B-{number:03}",
            sectors["26"],
            zones["dong_mai"] if number % 2 else None,
            investor,
            D(2020, 1, 1) + datetime.timedelta(days=number),
            "1000000",
        )
        change(officer, project, "increase", D(2022, 1, 1) + datetime.timedelta(days=number), "500000")
        services.record_disbursement(
            project, actor=officer, date=D(2023, 1, 1), amount_usd=Decimal(100), amount_vnd=Decimal(1)
        )


@pytest.mark.parametrize("count", [5, 20])
def test_the_dashboard_costs_the_same_queries_for_any_number_of_projects(
    officer_client, officer, countries, sectors, zones, django_assert_max_num_queries, count
):
    make_projects(officer, countries, sectors, zones, count)

    with django_assert_max_num_queries(20):
        response = officer_client.get(DASHBOARD, {"as_of": "2024-12-31", "origin": "JP", "zone": zones["dong_mai"].pk})

    assert figures(response.content.decode())["projects"][0] == str(count // 2)


def test_every_headline_figure_is_a_link_to_its_rows(officer_client, ledger):
    content = officer_client.get(DASHBOARD, {"as_of": "2024-12-31"}).content.decode()

    linked = set(re.findall(r'data-figure-link="(\w+)"', content))

    assert linked >= {
        "projects",
        "registered_capital_usd",
        "origin_economies",
        "focus_projects",
        "focus_capital_usd",
        "attracted_usd",
        "realised_usd",
        "new_projects",
        "increases",
    }


def test_the_zone_table_lists_the_largest_zones_and_sums_up_the_rest(officer_client, officer, countries, sectors):
    from japandesk.registry.views.dashboard import ZONE_ROWS
    from japandesk.zones.models import Zone

    investor = services.create_investor(actor=officer, name="Bulk K.K.", country=countries["JP"])
    for number in range(ZONE_ROWS + 3):
        zone = Zone.objects.create(code=f"park-{number:02}", name=f"KCN {number:02}", kind="ip")
        add_project(officer, f"QN-Z-{number:02}", sectors["26"], zone, investor, D(2020, 1, 1), 1_000_000 + number)
    table = re.compile(r'<table[^>]*id="table-zone".*?</table>', re.S)

    page = officer_client.get(DASHBOARD, {"as_of": "2024-12-31"}).content.decode()
    everything = officer_client.get(DASHBOARD, {"as_of": "2024-12-31", "zones": "all"}).content.decode()

    shown = re.findall(r'<tr data-key="(\d+)"', table.search(page).group(0))
    assert len(shown) == ZONE_ROWS
    assert Zone.objects.get(pk=shown[0]).code == f"park-{ZONE_ROWS + 2:02}"  # the largest first
    rest = html.unescape(re.search(r'<p class="small mt-2 mb-0" id="zone-rest">(.*?)<a', page, re.S).group(1))
    assert " ".join(rest.split()) == "3 more zones: 3 projects, $3M."
    assert len(re.findall(r'<tr data-key="(\d+)"', table.search(everything).group(0))) == ZONE_ROWS + 3
    assert 'id="zone-rest"' not in everything
