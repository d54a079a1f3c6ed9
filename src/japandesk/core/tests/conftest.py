"""Fixtures for the browser tests: Debian's Chromium, headless, driven by Playwright's sync API.

The product is served by pytest-django's `live_server`; the browser reaches nothing else.
Playwright is never asked to download a browser: the tests use the system's Chromium and fail
(rather than skip) when it is missing, so that a machine without it cannot pass silently.
"""

from collections.abc import Iterator

import pytest

from japandesk.core.tests.browser import CHROMIUM, CHROMIUM_ARGS, PHONE, chromium_available


@pytest.fixture
def browser(monkeypatch) -> Iterator:
    """A headless Chromium for one test.

    While Playwright's sync API is started it keeps an asyncio loop running in this thread, and
    Django refuses database work from a thread with a running loop. The test's own database work
    is synchronous, so the guard is lifted for this test only, and the browser (with its loop)
    does not outlive the test.
    """
    if not chromium_available():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package (bin/setup does).")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()
            # With a loop running, Django keeps this thread's connections apart from those it had
            # before (asgiref's Local); close them here, or they would hold the test database open.
            connections.close_all()


@pytest.fixture
def outside_requests() -> list[str]:
    """The URLs the page tried to load from anywhere but the live server (they are aborted)."""
    return []


@pytest.fixture
def page(browser, live_server, outside_requests) -> Iterator:
    """A fresh page (own cookies) on a phone-sized screen, asking for Vietnamese as the province's staff do."""
    context = browser.new_context(viewport=PHONE, locale="vi-VN", base_url=live_server.url)
    context.set_default_timeout(15_000)

    def keep_local(route):
        url = route.request.url
        if url.startswith((live_server.url, "data:", "blob:")):
            route.continue_()
        else:
            outside_requests.append(url)
            route.abort()

    context.route("**/*", keep_local)
    try:
        yield context.new_page()
    finally:
        context.close()
