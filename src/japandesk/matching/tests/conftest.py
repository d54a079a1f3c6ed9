import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    """The messages and reasons asserted here are the English ones; the product speaks the reader's language."""
    with translation.override("en"):
        yield
