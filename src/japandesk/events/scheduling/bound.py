"""Proven bounds from a linear relaxation, and a plan of which meeting goes to which session.

The relaxation forgets the order of slots inside a session: each meeting goes to at most one
session where it has a slot; no participant gets more meetings in a session than the slots it
can attend there, and no session more meetings than it has tables over its slots; nobody exceeds
`max_meetings`. Every valid schedule satisfies these rules, so the optimum of the relaxation's
linear programme is an upper bound on the priority any schedule reaches.

The programme is solved with GLOP, but bounds are not read off the solver's objective: they are
recomputed from its dual values y, since any y >= 0 gives a valid bound by weak duality. For
rows a_r z <= b_r, 0 <= z <= 1 and an objective c z:
    max c z <= y b + sum_j max(0, c_j - (y A)_j)    and    min c z >= -y b + sum_j min(0, c_j + (y A)_j),
so floating-point tolerances can only weaken a bound, never make it wrong. On conference-like
instances the programme has an integral optimum, which is then also the session plan.

The same programme bounds the idle gaps from below. With the priority sum held at its bound, a
participant holds at least as many meetings as the minimum of that count over the programme; and
with k meetings, a participant whose availability has holes inside a session cannot avoid some
gaps (at most k consecutive usable slots per session, the best split between sessions): the
fewest gaps for k or more meetings is a lower bound for that participant in any optimal schedule.
"""

import math
import time
from collections import defaultdict

from ortools.linear_solver import pywraplp

from .state import State


class Relaxation:
    """The linear programme by sessions for the free meetings; meetings placed in `state` stay put."""

    def __init__(self, state: State, free: list[int]):
        self.instance = instance = state.instance
        # What stays put, as it is now (the state goes on changing in the caller's hands).
        self.fixed_priority = state.priority()
        self.fixed_held = list(state.held)
        self.solver = solver = pywraplp.Solver.CreateSolver("GLOP")
        self.columns: list[tuple[int, int]] = []  # (meeting, session)
        self.weights: list[int] = []
        self.variables = []
        self.rows_of: list[list[tuple[int, int]]] = []  # column -> (row, coefficient)
        self.rhs: list[float] = []
        self.constraints = []
        self.of_participant: dict[int, list[int]] = defaultdict(list)
        by_meeting: dict[int, list[int]] = defaultdict(list)
        by_ps: dict[tuple[int, int], list[int]] = defaultdict(list)
        by_session: dict[int, list[int]] = defaultdict(list)
        for m in free:
            meeting = instance.meetings[m]
            sessions = set()
            for s in instance.feasible_slots[m]:
                if state.used[s] < instance.capacity[s] and all(s not in state.busy[p] for p in meeting.participants):
                    sessions.add(instance.session_of[s])
            for session in sorted(sessions):
                j = len(self.columns)
                self.columns.append((m, session))
                self.weights.append(meeting.priority)
                self.rows_of.append([])
                self.variables.append(solver.NumVar(0, 1, ""))
                by_meeting[m].append(j)
                by_session[session].append(j)
                for p in meeting.participants:
                    by_ps[p, session].append(j)
                    self.of_participant[p].append(j)
        for members in by_meeting.values():
            if len(members) > 1:
                self._row(members, 1)
        for (p, session), members in by_ps.items():
            room = sum(
                1
                for s in instance.sessions[session]
                if instance.is_available(p, s) and s not in state.busy[p] and state.used[s] < instance.capacity[s]
            )
            if len(members) > room:
                self._row(members, room)
        for session, members in by_session.items():
            room = sum(instance.capacity[s] - state.used[s] for s in instance.sessions[session])
            if len(members) > room:
                self._row(members, room)
        for p, members in self.of_participant.items():
            room = state.caps[p] - state.held[p]
            if len(members) > room:
                self._row(members, room)
        self.priority_row = None

    def _row(self, members: list[int], bound: int, coefficients: list[int] | None = None) -> None:
        index = len(self.rhs)
        self.rhs.append(bound)
        constraint = self.solver.Constraint(-self.solver.infinity(), bound)
        for k, j in enumerate(members):
            constraint.SetCoefficient(self.variables[j], 1 if coefficients is None else coefficients[k])
            self.rows_of[j].append((index, 1 if coefficients is None else coefficients[k]))
        self.constraints.append(constraint)

    def _dual_bound(self, costs: list[float], maximise: bool) -> float:
        """The best weak-duality bound from the solver's duals, taken with either sign convention."""
        duals = [constraint.dual_value() for constraint in self.constraints]
        best = None
        for sign in (1.0, -1.0):
            y = [max(0.0, sign * d) for d in duals]
            yb = sum(value * bound for value, bound in zip(y, self.rhs, strict=True))
            total = 0.0
            for j, cost in enumerate(costs):
                ya = sum(y[r] * a for r, a in self.rows_of[j])
                total += max(0.0, cost - ya) if maximise else min(0.0, cost + ya)
            value = yb + total if maximise else -yb + total
            if best is None or (value < best if maximise else value > best):
                best = value
        return best

    def _priority_floor(self, value: float) -> None:
        """Require the free meetings' priority sum to reach `value` (one row, created on first use)."""
        if self.priority_row is None:
            self.priority_row = len(self.rhs)
            self._row(list(range(len(self.columns))), -value, [-w for w in self.weights])
        else:
            self.rhs[self.priority_row] = -value
            self.constraints[self.priority_row].SetUb(-value)

    def plan(self, stay: dict[int, int] | None = None) -> tuple[int, dict[int, int]]:
        """(proven bound on the whole schedule's priority, meeting -> session where the programme holds it).

        With `stay` (meeting -> session of a previous schedule), the plan then keeps as many meetings
        as it can in their previous session while holding the programme's priority optimum.
        """
        if not self.columns:
            return self.fixed_priority, {}
        objective = self.solver.Objective()
        objective.Clear()
        for var, weight in zip(self.variables, self.weights, strict=True):
            objective.SetCoefficient(var, weight)
        objective.SetMaximization()
        if self.solver.Solve() != pywraplp.Solver.OPTIMAL:
            return self.fixed_priority + sum(self.weights), {}
        best = min(self._dual_bound(self.weights, True), sum(self.weights))
        bound = self.fixed_priority + math.floor(best + 1e-6)
        if stay:
            self._priority_floor(objective.Value() - 1e-6 * max(1.0, objective.Value()))
            objective.Clear()
            for j, (m, session) in enumerate(self.columns):
                if stay.get(m) == session:
                    objective.SetCoefficient(self.variables[j], 1)
            objective.SetMaximization()
            if self.solver.Solve() != pywraplp.Solver.OPTIMAL:
                return bound, {}
        plan = {m: session for j, (m, session) in enumerate(self.columns) if self.variables[j].solution_value() > 0.5}
        return bound, plan

    def fewest_meetings(self, participant: int, priority: int) -> int:
        """A proven lower bound on the meetings `participant` holds (beyond the fixed ones) in any
        schedule whose priority sum reaches `priority`."""
        members = self.of_participant.get(participant, [])
        if not members:
            return 0
        self._priority_floor(priority - self.fixed_priority)
        objective = self.solver.Objective()
        objective.Clear()
        costs = [0.0] * len(self.columns)
        for j in members:
            objective.SetCoefficient(self.variables[j], 1)
            costs[j] = 1.0
        objective.SetMinimization()
        if self.solver.Solve() != pywraplp.Solver.OPTIMAL:
            return 0
        return max(0, math.ceil(self._dual_bound(costs, False) - 1e-6))


def gap_profile(instance, participant: int) -> list[int]:
    """The fewest idle gaps the participant can have when it holds k meetings, for k = 0 .. usable slots.

    In a session, k meetings sit best at k consecutive slots among those it can use (available,
    with tables); the sessions' shares of k are then chosen to add the fewest gaps.
    """
    positions: dict[int, list[int]] = {}
    for s in range(len(instance.slots)):
        if instance.capacity[s] and instance.is_available(participant, s):
            positions.setdefault(instance.session_of[s], []).append(s)
    profile = [0]
    for slots in positions.values():
        session = [0] + [
            min(slots[i + j - 1] - slots[i] + 1 - j for i in range(len(slots) - j + 1))
            for j in range(1, len(slots) + 1)
        ]
        combined = [None] * (len(profile) + len(session) - 1)
        for a, gaps_a in enumerate(profile):
            for b, gaps_b in enumerate(session):
                if combined[a + b] is None or gaps_a + gaps_b < combined[a + b]:
                    combined[a + b] = gaps_a + gaps_b
        profile = combined
    return profile


def gap_floor(
    relaxation: Relaxation, priority: int, participants, held: list[int] | None = None, until: float | None = None
) -> int:
    """A proven lower bound on the idle gaps of any schedule whose priority sum reaches `priority`
    (the proven maximum), summed over `participants`.

    A participant holds at least the fewest meetings the relaxation allows at that priority, so it
    has at least the fewest gaps its profile gives for that many meetings or more. With `held`
    (the meetings each participant holds in a schedule at that priority), participants whose
    profile allows no gap at that count are skipped, since their bound cannot be above zero.
    Examining stops at the clock time `until`.
    """
    instance = relaxation.instance
    floor = 0
    for p in participants:
        profile = gap_profile(instance, p)
        if held is not None and profile[min(held[p], len(profile) - 1)] == 0:
            continue
        if not any(profile):
            continue
        if until is not None and time.perf_counter() > until:
            break
        fewest = min(len(profile) - 1, relaxation.fixed_held[p] + relaxation.fewest_meetings(p, priority))
        floor += min(profile[fewest:])
    return floor


def slot_plan(state: State, meetings: list[int], allowed: set[int]) -> list[tuple[int, int]]:
    """Slots for some unplaced meetings within the allowed slots, from the linear programme of the
    slot-level problem (maximum priority): (meeting, slot) pairs, surest first.

    On conference-like instances the programme's optimum is integral, so the pairs form a valid
    placement; the caller still places them one by one through `State.fits`.
    """
    instance = state.instance
    solver = pywraplp.Solver.CreateSolver("GLOP")
    columns: list[tuple[int, int]] = []
    variables = []
    by_meeting: dict[int, list] = defaultdict(list)
    by_ps: dict[tuple[int, int], list] = defaultdict(list)
    by_slot: dict[int, list] = defaultdict(list)
    by_participant: dict[int, list] = defaultdict(list)
    objective = solver.Objective()
    for m in meetings:
        meeting = instance.meetings[m]
        for s in instance.feasible_slots[m]:
            if s not in allowed or state.used[s] >= instance.capacity[s]:
                continue
            if any(s in state.busy[p] for p in meeting.participants):
                continue
            var = solver.NumVar(0, 1, "")
            objective.SetCoefficient(var, meeting.priority)
            columns.append((m, s))
            variables.append(var)
            by_meeting[m].append(var)
            by_slot[s].append(var)
            for p in meeting.participants:
                by_ps[p, s].append(var)
                by_participant[p].append(var)
    objective.SetMaximization()

    def row(members, bound) -> None:
        if len(members) > bound:
            constraint = solver.Constraint(-solver.infinity(), bound)
            for var in members:
                constraint.SetCoefficient(var, 1)

    for members in by_meeting.values():
        row(members, 1)
    for members in by_ps.values():
        row(members, 1)
    for s, members in by_slot.items():
        row(members, instance.capacity[s] - state.used[s])
    for p, members in by_participant.items():
        row(members, state.caps[p] - state.held[p])
    if not columns or solver.Solve() != pywraplp.Solver.OPTIMAL:
        return []
    chosen = [(var.solution_value(), m, s) for var, (m, s) in zip(variables, columns, strict=True)]
    return [(m, s) for value, m, s in sorted(chosen, key=lambda item: -item[0]) if value > 1e-6]
