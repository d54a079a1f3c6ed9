"""The B2B meeting scheduler: the priority of the meetings held first, then as few idle gaps as possible.

Small instances are solved as one CP-SAT model (`SubModel` with every meeting free), in stages:
maximise the priority sum; then, holding it, minimise moves against a previous schedule when
rescheduling; then, holding those, minimise idle gaps (from a hint the annealing below has
improved). Each stage that CP-SAT closes is proven; the answer is `optimal` when every stage is.

Large instances are decomposed:
1. bound and plan: the linear relaxation by sessions (`bound.Relaxation`) gives a proven upper
   bound on the priority sum and, being integral on conference-like instances, says which
   meetings to hold in which session (rescheduling: keeping as many as it can in their previous
   session);
2. placement: each session's planned meetings go, most constrained first, into the slot that adds
   the fewest idle gaps (rescheduling: first back into their previous slot); a session whose plan
   does not fit that way is placed from the slot-level linear programme; what is still
   unscheduled is inserted wherever it fits, by priority;
3. large-neighbourhood search, while the priority bound is not reached or, rescheduling, meetings
   could return to their previous slot: free a cluster of meetings around an unscheduled or a
   moved meeting (the meetings of its participants and of their partners in one or two
   sessions) and let CP-SAT re-place them with everything else fixed, under the lexicographic
   objective (priority, then moves, then gaps) written as one weighted sum whose weights exceed
   the range of the lower criteria; a step is kept only when it is not worse;
4. idle gaps: once the priority bound is reached, `bound.gap_floor` proves a lower bound on the
   gaps (those that holes in availability force on busy participants), and simulated annealing over Kempe-chain
   swaps (`search.Annealer`) removes gaps until it reaches that floor, the time is up, or it
   stops finding better. The answer is `optimal` when priority, moves (none) and gaps all meet
   their proven bounds.
If that proves nothing and the instance is small enough, the whole model gets the time left,
starting from the schedule found. Every step keeps the schedule valid, so the time limit can
stop the search anywhere; only the bound and the first placement always run to their end.

Tables are numbered per slot at the end: they are interchangeable, so a slot with n meetings
uses tables 1 to n (a pinned meeting keeps its table, and so does, where it can, a meeting that
stays in its previous slot).
"""

import os
import random
import time
from collections import deque

from ortools.sat.python import cp_model

from .bound import Relaxation, gap_floor, slot_plan
from .greedy import number_tables, trivial_bound
from .instance import Answer, Instance
from .search import Annealer
from .state import State, mask_gaps
from .submodel import SubModel

DEFAULT_TIME_LIMIT = 60.0
# Candidate (meeting, slot) pairs up to which the whole problem is solved as one model; up to
# FALLBACK_PAIRS, the whole model also gets what time the decomposition leaves when it proves nothing.
EXACT_PAIRS = 400
FALLBACK_PAIRS = 3000
# Neighbourhoods in a row without improvement after which the CP-SAT search hands over to annealing.
STALE_STEPS = 40


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - platforms without affinity
        return max(1, os.cpu_count() or 1)


class Engine:
    """One solving run: the instance, what is pinned, the previous schedule, the clock."""

    def __init__(
        self,
        instance: Instance,
        *,
        time_limit: float = DEFAULT_TIME_LIMIT,
        workers: int | None = None,
        seed: int = 0,
        pinned: dict[int, tuple[int, int]] | None = None,
        previous: dict[int, int] | None = None,
        previous_tables: dict[int, int] | None = None,
        log=None,
    ):
        self.instance = instance
        self.log = log  # called with (phase, seconds, priority, moves, gaps) as the run goes
        self.started = time.perf_counter()
        self.deadline = self.started + max(0.1, time_limit)
        self.workers = workers or default_workers()
        self.rng = random.Random(seed)
        self.seed = seed
        self.pinned = pinned or {}
        self.previous = previous
        self.previous_tables = previous_tables or {}
        self.state = State(instance)
        for m, (s, _table) in self.pinned.items():
            self.state.place(m, s)
        self.base = self.state.copy()  # the pinned meetings alone
        self.free = [m for m in range(len(instance.meetings)) if m not in self.pinned]
        self.bound = trivial_bound(instance)
        self.plan: dict[int, int] = {}
        self.relaxation: Relaxation | None = None
        self.gap_floor = 0
        self.proven = False

    def note(self, phase: str) -> None:
        if self.log is not None:
            priority, moves, gaps = self.key()
            self.log(phase, time.perf_counter() - self.started, priority, -moves, -gaps)

    def left(self) -> float:
        return self.deadline - time.perf_counter()

    # -----------------------------------------------------------------------------------------
    # Measures

    def moves(self, state: State | None = None) -> int:
        if self.previous is None:
            return 0
        slot_of = (state or self.state).slot_of
        return sum(1 for m, s in self.previous.items() if slot_of.get(m) != s)

    def key(self, state: State | None = None) -> tuple[int, int, int]:
        """Larger is better: (priority, -moves, -gaps)."""
        state = state or self.state
        return state.priority(), -self.moves(state), -state.gaps()

    # -----------------------------------------------------------------------------------------
    # Whole model

    def solve_exact(self, start: State | None = None) -> None:
        state = self.base.copy()
        self.state = state
        if start is None:
            start = self._kept_previous() if self.previous is not None else state.copy()
            start.insert(sorted(self.free, key=lambda m: -self.instance.meetings[m].priority))
        sub = SubModel(state, self.free, previous=self.previous)
        model = sub.model
        hint = {m: start.slot_of[m] for m in self.free if m in start.slot_of}
        stages = [("priority", sub.priority, True)]
        if sub.moves is not None:
            stages.append(("moves", sub.moves, False))
        stages.append(("gaps", sub.gaps, False))
        all_proven = True
        for n, (name, expression, maximise) in enumerate(stages):
            if name == "gaps":
                hint = self._annealed(hint, min(1.0, self.left() * 0.1))
            sub.hint(hint)
            if maximise:
                model.maximize(expression)
            else:
                model.minimize(expression)
            budget = self.left() * (0.5 if n < len(stages) - 1 else 1.0)
            status, result = sub.solve(budget, self.workers, self.seed)
            if result is None:
                all_proven = False
                break
            hint = result
            value = round(sub.solver.objective_value)
            if name == "priority":
                proven_bound = int(sub.solver.best_objective_bound + 1e-6)
                self.bound = min(self.bound, state.priority() + proven_bound)
            all_proven = all_proven and status == cp_model.OPTIMAL
            if maximise:
                model.add(expression >= value)
            else:
                model.add(expression <= value)
        self._apply(sub.free, hint)
        self.proven = all_proven

    def _annealed(self, slot_of: dict[int, int], seconds: float, floor: int = 0) -> dict[int, int]:
        """The free meetings' schedule with fewer idle gaps, by a short annealing (nothing pinned or kept moves)."""
        everything = {**{m: s for m, (s, _table) in self.pinned.items()}, **slot_of}
        frozen = set(self.pinned)
        if self.previous is not None:
            frozen |= {m for m, s in self.previous.items() if everything.get(m) == s}
        annealer = Annealer(self.instance, everything, frozen, self.rng)
        better = annealer.run(time.perf_counter() + seconds, floor)
        return {m: s for m, s in better.items() if m not in self.pinned}

    def _kept_previous(self) -> State:
        """The previous schedule with what no longer fits dropped (pinned meetings are already placed)."""
        kept = self.base.copy()
        feasible = self.instance.feasible_slots
        for m, s in self.previous.items():
            if m not in kept.slot_of and s in feasible[m] and kept.fits(m, s):
                kept.place(m, s)
        return kept

    def _apply(self, free: list[int], slot_of: dict[int, int]) -> None:
        for m in free:
            if m in self.state.slot_of:
                self.state.remove(m)
        for m in free:
            if m in slot_of:
                self.state.place(m, slot_of[m])

    # -----------------------------------------------------------------------------------------
    # Decomposition

    def solve_large(self) -> None:
        instance = self.instance
        self.relaxation = Relaxation(self.state, self.free)
        stay = None
        if self.previous is not None:
            stay = {m: instance.session_of[s] for m, s in self.previous.items() if m not in self.pinned}
        bound, plan = self.relaxation.plan(stay)
        self.bound = min(self.bound, bound)
        self.note(f"bound {bound}")
        self._place_plan(plan)
        self.note("placed")
        order = sorted(
            (m for m in self.free if m not in self.state.slot_of),
            key=lambda m: (-instance.meetings[m].priority, len(instance.feasible_slots[m])),
        )
        self.state.insert(order)
        if self.previous is not None:
            # The previous schedule with the new meetings added where they fit may do better.
            kept = self._kept_previous()
            kept.insert(order)
            if self.key(kept) > self.key():
                self.state = kept
        self.note("inserted")
        self.local_search()
        self.note("searched")

    def _place_plan(self, plan: dict[int, int]) -> None:
        """Put each session's planned meetings, most constrained first, where they add the fewest idle gaps
        (rescheduling: first back in their previous slot where it is in the planned session and free)."""
        instance, state = self.instance, self.state
        feasible = instance.feasible_slots
        self.plan = plan
        for session, slots in enumerate(instance.sessions):
            allowed = set(slots)
            planned = [m for m, planned_session in plan.items() if planned_session == session]
            if self.previous is not None:
                for m in sorted(planned, key=lambda m: -instance.meetings[m].priority):
                    s = self.previous.get(m)
                    if s in allowed and s in feasible[m] and state.fits(m, s):
                        state.place(m, s)
            planned.sort(key=lambda m: (sum(1 for s in feasible[m] if s in allowed), -instance.meetings[m].priority, m))
            left = state.insert(planned, allowed)
            if left:
                self._place_by_programme(planned, allowed)

    def _place_by_programme(self, planned: list[int], allowed: set[int]) -> None:
        """Place a session's planned meetings from the slot-level linear programme when the greedy
        placement leaves some out; keep whichever placement holds the higher priority. Rescheduling,
        meetings back in their previous slot stay there."""
        state, meetings = self.state, self.instance.meetings
        previous = self.previous or {}
        greedy = {m: state.slot_of[m] for m in planned if m in state.slot_of}
        for m, s in greedy.items():
            if previous.get(m) != s:
                state.remove(m)
        open_meetings = [m for m in planned if m not in state.slot_of]
        for m, s in slot_plan(state, open_meetings, allowed):
            if m not in state.slot_of and state.fits(m, s):
                state.place(m, s)
        state.insert(planned, allowed)
        if sum(meetings[m].priority for m in planned if m in state.slot_of) < sum(meetings[m].priority for m in greedy):
            self._apply(planned, greedy)

    # -----------------------------------------------------------------------------------------
    # Local search

    def local_search(self) -> None:
        """While the bound is not reached (or, rescheduling, meetings could go back to their previous
        slot), improve with CP-SAT neighbourhoods; then anneal the gaps."""
        instance = self.instance
        size = 40
        current = self.key()
        budget_end = time.perf_counter() + self.left() * 0.5
        steps = stale = 0
        while time.perf_counter() < budget_end and self.left() > 0.05 and stale < STALE_STEPS:
            priority_open = current[0] < self.bound
            moves_open = self.previous is not None and current[1] < 0
            if not priority_open and not moves_open:
                break
            neighbourhood = None
            if priority_open and (not moves_open or self.rng.random() < 0.5):
                neighbourhood = self._neighbourhood(size)
            if neighbourhood is None and moves_open:
                neighbourhood = self._moves_neighbourhood(size)
            if neighbourhood is None:
                break
            free, allowed = neighbourhood
            # Stay close to the current schedule: priority first, then moves, then gaps.
            previous = self.previous if self.previous is not None else self.state.slot_of
            sub = SubModel(self.state, free, allowed, previous=previous)
            weight_moves = sub.max_gaps + 1
            weight_priority = (sub.max_moves + 1) * weight_moves
            sub.model.maximize(weight_priority * sub.priority - weight_moves * sub.moves - sub.gaps)
            here = sub.current()
            sub.model.add(sub.priority >= sum(instance.meetings[m].priority for m in here))
            sub.hint(here)
            limit = min(self.left(), 1.0)
            status, result = sub.solve(limit, self.workers, self.seed + steps)
            steps += 1
            if result is None:
                size = max(10, int(size * 0.8))
                stale += 1
                continue
            if status == cp_model.OPTIMAL:
                size = min(200, int(size * 1.1) + 1)
            else:
                size = max(10, int(size * 0.8))
            self._apply(free, result)
            new = self.key()
            if new < current:
                self._apply(free, here)
                stale += 1
            else:
                stale = 0 if new > current else stale + 1
                current = new
        self.note(f"priority search, {steps} steps")
        if current[0] >= self.bound:
            self.gap_floor = self._gap_floor(time.perf_counter() + self.left() * 0.2)
            self.note(f"gap floor {self.gap_floor}")
        if self.left() > 0.05:
            free = [m for m in self.state.slot_of if m not in self.pinned]
            current_free = {m: self.state.slot_of[m] for m in free}
            self._apply(free, self._annealed(current_free, self.left(), self.gap_floor))
            self.note("annealed")
        priority, moves, gaps = self.key()
        if priority >= self.bound and moves == 0 and -gaps <= self.gap_floor:
            self.proven = True

    def _gap_floor(self, until: float) -> int:
        """A proven lower bound on the gaps at the priority bound (see bound.py), over the participants
        with gaps now (no other can add to it)."""
        state = self.state
        gapped = sorted({p for (p, _session), mask in state.mask.items() if mask_gaps(mask)})
        return gap_floor(self.relaxation, self.bound, gapped, state.held, until)

    def _neighbourhood(self, size: int):
        """An unscheduled meeting (most often one the session plan holds, in its planned session) and the
        meetings around it in that session: those of its participants, of their partners, and so on."""
        instance, state, rng = self.instance, self.state, self.rng
        unscheduled = [m for m in self.free if m not in state.slot_of and instance.feasible_slots[m]]
        if not unscheduled:
            return None
        planned = [u for u in unscheduled if u in self.plan]
        if planned and rng.random() < 0.8:
            m = rng.choice(planned)
            session = self.plan[m]
        else:
            m = rng.choices(unscheduled, [instance.meetings[u].priority for u in unscheduled])[0]
            session = instance.session_of[rng.choice(instance.feasible_slots[m])]
        free = self._cluster(list(instance.meetings[m].participants), {session}, size, unscheduled_too=True)
        if m not in free:
            free.append(m)
        return free, set(instance.sessions[session])

    def _moves_neighbourhood(self, size: int):
        """A meeting that left its previous slot, with the meetings around it in its previous session
        and in its current one."""
        instance, state, rng = self.instance, self.state, self.rng
        moved = [
            m
            for m, s in self.previous.items()
            if m not in self.pinned and state.slot_of.get(m) != s and s in instance.feasible_slots[m]
        ]
        if not moved:
            return None
        m = rng.choice(moved)
        sessions = {instance.session_of[self.previous[m]]}
        if m in state.slot_of:
            sessions.add(instance.session_of[state.slot_of[m]])
        free = self._cluster(list(instance.meetings[m].participants), sessions, size, unscheduled_too=True)
        if m not in free:
            free.append(m)
        return free, {s for session in sessions for s in instance.sessions[session]}

    def _cluster(self, seeds: list[int], sessions: set[int], size: int, unscheduled_too: bool) -> list[int]:
        """Meetings in `sessions` reached from the seed participants through shared meetings, up to `size`."""
        instance, state, rng = self.instance, self.state, self.rng
        chosen: list[int] = []
        taken: set[int] = set()
        seen = set(seeds)
        queue = deque(seeds)
        while queue and len(chosen) < size:
            p = queue.popleft()
            meetings = [m for s, m in state.busy[p].items() if instance.session_of[s] in sessions]
            if unscheduled_too:
                meetings += [
                    m
                    for m in instance.meetings_of[p]
                    if m not in state.slot_of
                    and any(instance.session_of[s] in sessions for s in instance.feasible_slots[m])
                ]
            rng.shuffle(meetings)
            for m in meetings:
                if m in taken or m in self.pinned:
                    continue
                taken.add(m)
                chosen.append(m)
                for q in instance.meetings[m].participants:
                    if q not in seen:
                        seen.add(q)
                        queue.append(q)
                if len(chosen) >= size:
                    break
        return chosen

    # -----------------------------------------------------------------------------------------

    def answer(self) -> Answer:
        state = self.state
        keep: dict[int, int] = {m: table for m, (_s, table) in self.pinned.items()}
        for m, table in self.previous_tables.items():
            if m not in keep and self.previous and state.slot_of.get(m) == self.previous.get(m):
                keep[m] = table
        priority = state.priority()
        gaps = state.gaps()
        bound = max(self.bound, priority)
        optimal = priority == bound and (self.proven or (gaps == 0 and self.moves() == 0))
        return Answer(
            placement=number_tables(self.instance, state.slot_of, keep),
            scheduled=len(state.slot_of),
            priority=priority,
            idle_gaps=gaps,
            bound=bound,
            optimal=optimal,
            seconds=time.perf_counter() - self.started,
        )

    def run(self) -> Answer:
        pairs = sum(len(self.instance.feasible_slots[m]) for m in self.free)
        if pairs <= EXACT_PAIRS:
            self.solve_exact()
        else:
            self.solve_large()
            if not self.proven and pairs <= FALLBACK_PAIRS and self.left() > 1.0:
                # Small enough for the whole model: try to prove (or improve) from the schedule found.
                found, found_key = self.state, self.key()
                self.solve_exact(start=found.copy())
                if self.key() < found_key:
                    self.state, self.proven = found, False
        return self.answer()


def solve(instance: Instance, time_limit: float = DEFAULT_TIME_LIMIT, workers: int | None = None, seed: int = 0):
    """Schedule an instance from scratch; see the module's docstring."""
    return Engine(instance, time_limit=time_limit, workers=workers, seed=seed).run()
