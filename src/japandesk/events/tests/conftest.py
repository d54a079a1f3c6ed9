import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    """Messages are compared in English, the source language, whatever the catalogues hold."""
    with translation.override("en"):
        yield
