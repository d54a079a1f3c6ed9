"""The CP-SAT model of a part of the schedule: some meetings are free, every other meeting stays put.

With every meeting free and every slot allowed this is the whole problem; with a few dozen
meetings of one session free it is one step of the local search. A free meeting may take any
allowed slot where all its participants are available and not held by a meeting that stays,
and where a table is left; the free meetings together respect double-booking, tables and
`max_meetings` given what stays.

Three measures are available as linear expressions:
- `priority`: the priority sum of the free meetings that are placed;
- `moves`: how many free meetings that had a slot in `previous` end up elsewhere or unplaced;
- `gaps`: the idle gaps of every participant of a free meeting in every session a free meeting
  can use, counting the meetings that stay. For one participant and session it is written
  sum(before) + sum(after) - n * any - sum(busy), where before[s] (after[s]) says the participant
  has a meeting at or before (at or after) slot s and any that it has one in the session; the
  minimum over these auxiliaries is exactly (last - first + 1 - meetings), so the expression is
  exact at any optimum and an over-estimate elsewhere. Each participant's and session's gaps are
  an integer variable from 0 bounded below by that expression, which hands the solver the bound 0.
"""

from collections import defaultdict

from ortools.sat.python import cp_model

from .state import State

LinearExpr = cp_model.LinearExpr


class SubModel:
    def __init__(
        self,
        state: State,
        free: list[int],
        allowed: set[int] | None = None,
        *,
        previous: dict[int, int] | None = None,
    ):
        instance = state.instance
        self.state, self.free = state, free
        free_set = set(free)
        self.model = model = cp_model.CpModel()
        self.x: dict[tuple[int, int], cp_model.IntVar] = {}
        by_meeting: dict[int, list] = {}
        by_ps: dict[tuple[int, int], list] = defaultdict(list)
        by_slot: dict[int, list] = defaultdict(list)
        by_participant: dict[int, list] = defaultdict(list)
        # Tables and meetings of each participant left once the free meetings are taken out.
        freed_from_slot: dict[int, int] = defaultdict(int)
        freed_from_participant: dict[int, int] = defaultdict(int)
        for m in free:
            s = state.slot_of.get(m)
            if s is not None:
                freed_from_slot[s] += 1
                for p in instance.meetings[m].participants:
                    freed_from_participant[p] += 1
        for m in free:
            meeting = instance.meetings[m]
            variables = []
            for s in instance.feasible_slots[m]:
                if allowed is not None and s not in allowed:
                    continue
                if state.used[s] - freed_from_slot[s] >= instance.capacity[s]:
                    continue
                blocked = False
                for p in meeting.participants:
                    other = state.busy[p].get(s)
                    if other is not None and other not in free_set:
                        blocked = True
                        break
                if blocked:
                    continue
                var = model.new_bool_var(f"x{m}_{s}")
                self.x[m, s] = var
                variables.append(var)
                by_slot[s].append(var)
                for p in meeting.participants:
                    by_ps[p, s].append(var)
                    by_participant[p].append(var)
            by_meeting[m] = variables
            if len(variables) > 1:
                model.add_at_most_one(variables)
        for variables in by_ps.values():
            if len(variables) > 1:
                model.add_at_most_one(variables)
        for s, variables in by_slot.items():
            room = instance.capacity[s] - (state.used[s] - freed_from_slot[s])
            if len(variables) > room:
                model.add(LinearExpr.sum(variables) <= room)
        for p, variables in by_participant.items():
            room = state.caps[p] - (state.held[p] - freed_from_participant[p])
            if len(variables) > room:
                model.add(LinearExpr.sum(variables) <= room)
        self.priority = LinearExpr.weighted_sum(
            [var for m in free for var in by_meeting[m]],
            [instance.meetings[m].priority for m in free for _ in by_meeting[m]],
        )
        # Moves against a previous schedule.
        self.moves = None
        self.max_moves = 0
        if previous is not None:
            kept, had = [], 0
            for m in free:
                if m in previous:
                    had += 1
                    var = self.x.get((m, previous[m]))
                    if var is not None:
                        kept.append(var)
            self.moves = had - LinearExpr.sum(kept)
            self.max_moves = had
        self.max_gaps = 0
        self.aux_hints: list[tuple] = []
        self._add_gaps(by_ps, free_set)

    def _add_gaps(self, by_ps, free_set) -> None:
        instance, state, model = self.state.instance, self.state, self.model
        sessions_of: dict[int, set[int]] = defaultdict(set)
        for p, s in by_ps:
            sessions_of[p].add(instance.session_of[s])
        for m in self.free:  # a free meeting leaving its session changes that session's gaps too
            s = state.slot_of.get(m)
            if s is not None:
                for p in instance.meetings[m].participants:
                    sessions_of[p].add(instance.session_of[s])
        terms = []
        for p, sessions in sessions_of.items():
            for session in sessions:
                slots = instance.sessions[session]
                n = len(slots)
                busy = []  # per slot: True when a meeting that stays is there, else the free variables
                anchored = False
                for s in slots:
                    other = state.busy[p].get(s)
                    if other is not None and other not in free_set:
                        busy.append(True)
                        anchored = True
                    else:
                        busy.append(by_ps.get((p, s), []))
                before = [model.new_bool_var("") for _ in slots]
                after = [model.new_bool_var("") for _ in slots]
                for i in range(n):
                    for flags, j, step in ((before, i, -1), (after, i, 1)):
                        if busy[i] is True:
                            model.add(flags[i] == 1)
                        else:
                            for var in busy[i]:
                                model.add_implication(var, flags[i])
                        if 0 <= j + step < n:
                            model.add_implication(flags[j + step], flags[i])
                own_negative: list[tuple] = []
                own_constant = -sum(1 for b in busy if b is True)
                if anchored:
                    own_constant -= n
                    anyone = None
                else:
                    anyone = model.new_bool_var("")
                    model.add_bool_or([var for b in busy for var in b]).only_enforce_if(anyone)
                    own_negative.append((anyone, n))
                own_negative += [(var, 1) for b in busy if b is not True for var in b]
                # The participant's gaps in the session, an integer from 0, so that the solver sees the bound 0.
                gaps = model.new_int_var(0, n, "")
                model.add(
                    gaps
                    >= LinearExpr.sum(before + after)
                    - LinearExpr.weighted_sum([v for v, _ in own_negative], [c for _, c in own_negative])
                    + own_constant
                )
                terms.append(gaps)
                self.max_gaps += n
                self.aux_hints.append((p, session, before, after, anyone, gaps))
        self.gaps = LinearExpr.sum(terms)

    def hint(self, slot_of: dict[int, int]) -> None:
        """Hint a schedule of the free meetings (meeting -> slot), auxiliaries included."""
        model, instance = self.model, self.state.instance
        model.clear_hints()
        for (m, s), var in self.x.items():
            model.add_hint(var, slot_of.get(m) == s)
        occupied: dict[int, set[int]] = defaultdict(set)
        free_set = set(self.free)
        for m, s in slot_of.items():
            for p in instance.meetings[m].participants:
                occupied[p].add(s)
        for p, session, before, after, anyone, gaps in self.aux_hints:
            slots = instance.sessions[session]
            flags = []
            for s in slots:
                other = self.state.busy[p].get(s)
                flags.append(s in occupied[p] or (other is not None and other not in free_set))
            seen = False
            for i, var in enumerate(before):
                seen = seen or flags[i]
                model.add_hint(var, seen)
            seen = False
            for i in range(len(slots) - 1, -1, -1):
                seen = seen or flags[i]
                model.add_hint(after[i], seen)
            if anyone is not None:
                model.add_hint(anyone, any(flags))
            if any(flags):
                first = flags.index(True)
                last = len(flags) - 1 - flags[::-1].index(True)
                model.add_hint(gaps, last - first + 1 - sum(flags))
            else:
                model.add_hint(gaps, 0)

    def current(self) -> dict[int, int]:
        return {m: self.state.slot_of[m] for m in self.free if m in self.state.slot_of}

    def solve(self, time_limit: float, workers: int, seed: int = 0) -> tuple[int, dict[int, int] | None]:
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.01, time_limit)
        solver.parameters.num_workers = workers
        solver.parameters.random_seed = seed
        status = solver.solve(self.model)
        self.solver = solver
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return status, None
        return status, {m: s for (m, s), var in self.x.items() if solver.boolean_value(var)}
