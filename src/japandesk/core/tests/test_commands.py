import io
from contextlib import redirect_stdout

import pytest
from django.core.management import ManagementUtility

OUR_COMMANDS = ["demo", "load_reference", "stats", "import", "schedule", "intel", "match"]


@pytest.mark.parametrize("command", OUR_COMMANDS)
def test_every_command_explains_itself(command):
    out = io.StringIO()
    with redirect_stdout(out), pytest.raises(SystemExit) as exit_:
        ManagementUtility(["japandesk", command, "--help"]).execute()
    assert exit_.value.code == 0
    assert out.getvalue().startswith("usage: japandesk " + command)
