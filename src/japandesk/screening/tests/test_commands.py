"""`japandesk monitoring`: the import and the review list from the command line."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from japandesk.screening.models import MonitoringReport
from japandesk.screening.tests.conftest import report
from japandesk.screening.tests.test_import import GOOD, workbook


def test_import_command_writes_a_good_file_and_refuses_a_bad_one(committed_project, officer, tmp_path):
    good = tmp_path / "reports.xlsx"
    good.write_bytes(workbook(GOOD).getvalue())
    out = StringIO()
    call_command("monitoring", "import", str(good), "--user", "officer", stdout=out)
    assert out.getvalue().strip() == "Rows read: 2. Reports created: 2. Already stored: 0."
    assert MonitoringReport.objects.count() == 2
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(workbook([["QN-NOPE", "2021-12-31", 1, 1, "yes"]]).getvalue())
    with pytest.raises(CommandError) as error:
        call_command("monitoring", "import", str(bad))
    assert str(error.value) == "line 2: No project has the code QN-NOPE.\n1 error found; nothing was imported."


def test_review_command_lists_flagged_projects_as_json(committed_project, officer):
    report(committed_project, officer, datetime.date(2021, 12, 31), "1000000", jobs=10, land="1")
    out = StringIO()
    call_command("monitoring", "review", "--as-of", "2023-06-01", stdout=out)
    payload = json.loads(out.getvalue())
    assert payload["as_of"] == "2023-06-01"
    assert [p["code"] for p in payload["projects"]] == ["QN-T-001"]
    assert payload["projects"][0]["review_grounds"] == ["capital_stalled", "land_unused", "not_operating"]
    assert payload["projects"][0]["realised_usd"] == "1000000.00"
