"""Helpers for the browser tests (fixtures are in conftest.py beside this file)."""

import os

CHROMIUM = os.environ.get("JAPANDESK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def chromium_available() -> bool:
    return os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)


def sign_in(page, username: str, password: str) -> None:
    """Sign in through the login page, as a person would, and wait for the page it leads to."""
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("main form button[type=submit]")


def choose_language(page, code: str) -> None:
    """Pick a language in the top bar's selector; the page reloads in that language.

    On a narrow screen the selector sits in the collapsed menu, which is opened first.
    """
    select = page.locator("#language-select")
    if not select.is_visible():
        page.locator(".navbar-toggler").click()
        select.wait_for(state="visible")
    with page.expect_navigation():
        select.select_option(code)
