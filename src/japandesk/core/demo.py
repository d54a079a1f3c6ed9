"""The demonstration set-up behind `japandesk demo`: exchange rates, reference data, the
demo users, and each app's illustrative data.

An app takes part by naming loaders on its AppConfig:

    reference_loader = "japandesk.registry.reference.load"   # load(stdout=None)
    demo_loader = "japandesk.registry.demo.load"             # load(stdout=None, reset=False)

`load_demo` runs every reference loader, then every demo loader, in INSTALLED_APPS
order, all in one transaction. Each loader is idempotent on its own.
"""

import datetime
import os
import secrets
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from japandesk.core.choices import Role
from japandesk.core.models import FxRate

PASSWORD_VARIABLE = "JAPANDESK_DEMO_PASSWORD"
LOGIN_URL = "http://127.0.0.1:8000/accounts/login/"

# The apps whose demonstration data the registry's figures come from.
REGISTRY_APPS = ("zones", "registry")

DEMO_USERS = [("admin", Role.ADMINISTRATOR), ("officer", Role.OFFICER), ("leader", Role.LEADER)]

# Annual average VND per USD, close to the published averages; dated 1 January of each
# year so that an amount is converted at its year's rate.
USD_VND = {
    2005: "15859",
    2006: "15994",
    2007: "16105",
    2008: "16302",
    2009: "17065",
    2010: "18613",
    2011: "20510",
    2012: "20828",
    2013: "20933",
    2014: "21148",
    2015: "21698",
    2016: "21935",
    2017: "22370",
    2018: "22602",
    2019: "23050",
    2020: "23208",
    2021: "23160",
    2022: "23271",
    2023: "23787",
    2024: "24950",
    2025: "26050",
}
FX_SOURCE = "illustrative"


def load_fx_rates() -> int:
    """Add the yearly USD/VND rates that are missing; rates already stored are kept."""
    existing = set(FxRate.objects.filter(currency="VND").values_list("date", flat=True))
    rates = [
        FxRate(currency="VND", date=datetime.date(year, 1, 1), per_usd=Decimal(rate), source=FX_SOURCE)
        for year, rate in USD_VND.items()
        if datetime.date(year, 1, 1) not in existing
    ]
    FxRate.objects.bulk_create(rates)
    return len(rates)


def ensure_users() -> dict[str, dict]:
    """Create the demo users that do not exist yet. A new user's password comes from
    JAPANDESK_DEMO_PASSWORD or is generated; an existing user is left as it is.
    """
    User = get_user_model()
    shared = os.environ.get(PASSWORD_VARIABLE)
    existing = {user.username: user for user in User.objects.filter(username__in=[name for name, _r in DEMO_USERS])}
    passwords = {name: shared or secrets.token_urlsafe(12) for name, _role in DEMO_USERS if name not in existing}
    # Password hashing is slow on purpose; the hash function releases the GIL, so the
    # users' hashes are computed side by side.
    with ThreadPoolExecutor(max_workers=3) as pool:
        hashes = dict(zip(passwords, pool.map(make_password, passwords.values()), strict=True))
    users = {}
    for username, role in DEMO_USERS:
        user = existing.get(username)
        if user is None:
            administrator = role == Role.ADMINISTRATOR
            user = User(username=username, role=role, is_staff=administrator, is_superuser=administrator)
            user.password = hashes[username]
            user.save()
        password = passwords.get(username)
        users[username] = {"role": user.role, "password": password, "created": password is not None}
    return users


def loaders(attribute: str, only=None) -> list:
    """The loaders the installed apps name in `attribute`, in INSTALLED_APPS order; with `only`,
    those of the apps with these labels."""
    found = []
    for config in apps.get_app_configs():
        path = getattr(config, attribute, None)
        if path and (only is None or config.label in only):
            found.append(import_string(path))
    return found


def load_demo(stdout=None, reset: bool = False, only=None) -> dict[str, dict]:
    """Load everything the demonstration needs; returns the demo users, with the password
    of each user created now (None for users that already existed).

    `only`: the labels of the apps whose demo data to load (all by default); reference data,
    exchange rates and users are always loaded. Tests of one app load what they need.
    """
    with transaction.atomic():
        rates = load_fx_rates()
        if stdout is not None:
            stdout.write(_("Exchange rates: {count} added.").format(count=rates))
        for loader in loaders("reference_loader"):
            loader(stdout=stdout)
        users = ensure_users()
        for loader in loaders("demo_loader", only):
            loader(stdout=stdout, reset=reset)
    return users
