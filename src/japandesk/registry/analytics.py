"""The as-of figures of the dashboard from a columnar copy of the ledger held in memory.

A leader moves the as-of date, the period and the filters freely; each view needs the state
of every project on that date. Reading the state from the ledger in SQL costs a pass over the
whole ledger for every request (about 0.5 s at national scale, 300,000 events). Here each
process keeps the ledger, the projects' sector and zone, and the disbursements as NumPy
arrays sorted by project and date, with running sums; the state of all projects on any date
is then a binary search per project (a few milliseconds for 50,000 projects), and the
breakdowns are counting sorts.

The copy is derived data and never written back: it is rebuilt from the database when the
registry's stamp (`DataStamp`, key "registry") has changed. The stamp gets a new random token
in the same transaction as every write to the ledger, the projects or the disbursements: the
model signals at the end of this module catch every ORM save and delete (the admin's
included), and code that writes in bulk (the importer) calls `changed()` itself. A rolled-back
write rolls the token back with it, so the copy is never taken for a state the database does
not hold. Money is counted in whole cents (int64), so every sum is exact.
"""

import datetime
import threading
import uuid
from dataclasses import dataclass

import numpy as np
from django.db import connection
from django.db.models.signals import post_delete, post_save

from japandesk.registry.choices import EventKind
from japandesk.registry.models import DataStamp, Disbursement, LedgerEvent, Project

STAMP_KEY = "registry"
# Day numbers count from this date, so that every date of the registry is a small positive number;
# a project row times DAY_SPAN plus a day number orders entries by project, then day.
EPOCH = datetime.date(1800, 1, 1)
DAY_SPAN = np.int64(1 << 20)
NEVER = np.int32(2**31 - 1)

KIND_CODES = {kind.value: code for code, kind in enumerate(EventKind)}
REGISTRATION = KIND_CODES[EventKind.REGISTRATION.value]
INCREASE = KIND_CODES[EventKind.INCREASE.value]
TERMINATION = KIND_CODES[EventKind.TERMINATION.value]


def day_number(on: datetime.date) -> int:
    return (on - EPOCH).days


def changed() -> None:
    """Mark the registry's data as changed, inside the caller's transaction."""
    token = uuid.uuid4()
    if not DataStamp.objects.filter(key=STAMP_KEY).update(token=token):
        DataStamp.objects.update_or_create(key=STAMP_KEY, defaults={"token": token})


def current_token():
    return DataStamp.objects.filter(key=STAMP_KEY).values_list("token", flat=True).first()


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _cents_sql(column: str) -> str:
    return f"CAST(ROUND({column} * 100) AS BIGINT)"


def _day_sql(column: str) -> str:
    """A date column as a day number counted from EPOCH."""
    if connection.vendor == "sqlite":
        return f"CAST(julianday({column}) - julianday('{EPOCH.isoformat()}') AS INTEGER)"
    return f"({column} - DATE '{EPOCH.isoformat()}')"


_EPOCH_DAY = np.datetime64(EPOCH, "D")


def years(days: np.ndarray) -> np.ndarray:
    """The calendar year of each day number."""
    return (days.astype("timedelta64[D]") + _EPOCH_DAY).astype("datetime64[Y]").astype(np.int64) + 1970


def _numbers(sql: str, columns: int) -> list[np.ndarray]:
    """The columns of a query whose values are all integers, as int64 arrays."""
    with connection.cursor() as cursor:
        cursor.execute(sql)
        rows = cursor.fetchall()
    table = np.array(rows, dtype=np.int64).reshape(len(rows), columns)
    return [np.ascontiguousarray(table[:, column]) for column in range(columns)]


def _running(values: np.ndarray) -> np.ndarray:
    """Running sums of `values` (in key order) with a zero in front."""
    running = np.zeros(len(values) + 1, dtype=np.int64)
    np.cumsum(values, out=running[1:])
    return running


@dataclass(frozen=True)
class ProjectFigures:
    """Each project's state at the end of one day, as arrays indexed by project row."""

    active: np.ndarray  # bool
    capital_cents: np.ndarray  # int64
    origin_id: np.ndarray  # int64, -1 when no event named one yet
    realised_cents: np.ndarray  # int64


class LedgerCopy:
    """The ledger, the projects and the disbursements as arrays (see the module docstring)."""

    def __init__(self):
        projects = _numbers(f"SELECT id, sector_id, COALESCE(zone_id, -1) FROM {_table(Project)} ORDER BY id", 3)
        self.project_ids, self.sector_id, self.zone_id = projects
        n = len(self.project_ids)
        rows = np.arange(n, dtype=np.int64)
        self.rows = rows

        kinds = " ".join(f"WHEN '{value}' THEN {code}" for value, code in KIND_CODES.items())
        events = _numbers(
            f"""SELECT project_id, {_day_sql("date")}, CASE kind {kinds} ELSE -1 END,
                       {_cents_sql("capital_change_usd")}, COALESCE(origin_id, -1)
            FROM {_table(LedgerEvent)} ORDER BY project_id, date, id""",
            5,
        )
        project_ids, self.event_day, self.event_kind, self.event_cents, self.event_origin = events
        self.event_row = np.searchsorted(self.project_ids, project_ids)
        self.event_year = years(self.event_day)
        self.event_key = self.event_row * DAY_SPAN + self.event_day
        self.event_running = _running(self.event_cents)
        # Where each project's entries start: a search that lands before that finds none of them.
        self.event_start = np.searchsorted(self.event_key, rows * DAY_SPAN)

        named = self.event_origin >= 0
        # Every economy the ledger names, for the dashboard's choices.
        self.origins_named = [int(pk) for pk in np.unique(self.event_origin[named])]
        self.origin_key = self.event_key[named]
        self.origin_value = self.event_origin[named]
        self.origin_start = np.searchsorted(self.origin_key, rows * DAY_SPAN)

        self.registered_day = np.full(n, NEVER, dtype=np.int64)
        self.terminated_day = np.full(n, NEVER, dtype=np.int64)
        registrations = self.event_kind == REGISTRATION
        terminations = self.event_kind == TERMINATION
        self.registered_day[self.event_row[registrations]] = self.event_day[registrations]
        self.terminated_day[self.event_row[terminations]] = self.event_day[terminations]

        paid = _numbers(
            f"""SELECT project_id, {_day_sql("date")}, {_cents_sql("amount_usd")}
            FROM {_table(Disbursement)} ORDER BY project_id, date""",
            3,
        )
        project_ids, self.paid_day, self.paid_cents = paid
        self.paid_row = np.searchsorted(self.project_ids, project_ids)
        self.paid_year = years(self.paid_day)
        self.paid_key = self.paid_row * DAY_SPAN + self.paid_day
        self.paid_running = _running(self.paid_cents)
        self.paid_start = np.searchsorted(self.paid_key, rows * DAY_SPAN)

    def __len__(self) -> int:
        return len(self.project_ids)

    # -- the state of every project on a day ----------------------------------------------------

    def _through(self, keys: np.ndarray, start: np.ndarray, day: int) -> np.ndarray:
        """For each project, the index one past its last entry on or before `day`."""
        end = np.searchsorted(keys, self.rows * DAY_SPAN + day, side="right")
        return np.maximum(end, start)

    def origin_on(self, day: int) -> np.ndarray:
        """Each project's origin (country id) at the end of `day`: that of the latest event naming one."""
        end = self._through(self.origin_key, self.origin_start, day)
        origin = np.full(len(self.rows), -1, dtype=np.int64)
        has = end > self.origin_start
        origin[has] = self.origin_value[end[has] - 1]
        return origin

    def figures_on(self, day: int) -> ProjectFigures:
        end = self._through(self.event_key, self.event_start, day)
        capital = self.event_running[end] - self.event_running[self.event_start]
        paid_end = self._through(self.paid_key, self.paid_start, day)
        realised = self.paid_running[paid_end] - self.paid_running[self.paid_start]
        active = (self.registered_day <= day) & (self.terminated_day > day)
        return ProjectFigures(active, capital, self.origin_on(day), realised)


_lock = threading.Lock()
_copy: tuple[object, LedgerCopy] | None = None


def ledger_copy() -> LedgerCopy:
    """This process's copy of the ledger, rebuilt when the registry's stamp has changed."""
    global _copy
    token = current_token()  # read before the data, so that a later write is never missed
    held = _copy
    if held is not None and held[0] == token:
        return held[1]
    with _lock:
        held = _copy
        if held is not None and held[0] == token:
            return held[1]
        copy = LedgerCopy()
        _copy = (token, copy)
        return copy


def forget() -> None:
    """Drop this process's copy (the next figures rebuild it)."""
    global _copy
    with _lock:
        _copy = None


def _changed_by_orm(sender, **kwargs) -> None:
    changed()


def connect_signals() -> None:
    """Called by the registry's AppConfig.ready(). Invalidating a cache is not a domain side
    effect: the signals only keep the stamp right whoever saves through the ORM."""
    for model in (LedgerEvent, Disbursement, Project):
        name = model.__name__
        post_save.connect(_changed_by_orm, sender=model, dispatch_uid=f"registry-analytics-{name}-save")
        post_delete.connect(_changed_by_orm, sender=model, dispatch_uid=f"registry-analytics-{name}-delete")
