"""Local search on idle gaps: simulated annealing over Kempe-chain swaps and relocations.

The set of scheduled meetings does not change here, so the priority sum, the tables used per
slot overall, the participants' meeting counts (`max_meetings`) and the moves against a previous
schedule (frozen meetings never move) stay as they are; only slots change, and every step keeps
the schedule valid.

- A Kempe-chain swap between slots a and b of one session starts from a meeting in a, pulls in
  the meetings in b that share a participant with it, then those in a that share one with them,
  and so on; exchanging the two sides never double-books anyone. It is taken when every meeting
  of the chain is available in its new slot and both slots keep within their tables.
- A relocation moves one meeting to a slot of another session where all its participants and a
  table are free.

Steps are proposed mostly around participants who have idle gaps, and accepted when they do not
add gaps, or with probability exp(-added / temperature) as the temperature falls; the best
schedule seen is returned. A round of annealing lasts 300 steps per movable meeting or until the
deadline; the next round starts again from the best schedule, and the search ends at the
deadline, when the gaps reach a proven lower bound (zero unless the caller knows better), or
after a round that found nothing better.
"""

import math
import time

from .state import mask_gaps as _gaps

CHAIN_LIMIT = 40
START_TEMPERATURE, END_TEMPERATURE = 0.6, 0.03
STEPS_PER_MEETING, MIN_ROUND = 300, 20_000


class Annealer:
    def __init__(self, instance, slot_of: dict[int, int], frozen: set[int], rng):
        self.instance = instance
        self.rng = rng
        self.parts = [meeting.participants for meeting in instance.meetings]
        self.feasible = [frozenset(slots) for slots in instance.feasible_slots]
        self.session_of = instance.session_of
        self.capacity = instance.capacity
        self.bit = [0] * len(instance.slots)
        for slots in instance.sessions:
            for i, s in enumerate(slots):
                self.bit[s] = 1 << i
        self.slot = [-1] * len(instance.meetings)
        self.busy: list[dict[int, int]] = [{} for _ in instance.participants]
        self.used = [0] * len(instance.slots)
        self.masks = [[0] * len(instance.sessions) for _ in instance.participants]
        for m, s in slot_of.items():
            self.slot[m] = s
            self.used[s] += 1
            for p in self.parts[m]:
                self.busy[p][s] = m
                self.masks[p][self.session_of[s]] |= self.bit[s]
        self.frozen = frozen
        self.movable = [m for m in slot_of if m not in frozen]
        self.gaps = self.total()
        self.steps = 0

    def total(self) -> int:
        return sum(_gaps(mask) for masks in self.masks for mask in masks)

    def slot_of(self) -> dict[int, int]:
        return {m: s for m, s in enumerate(self.slot) if s >= 0}

    def gapped(self) -> list[tuple[int, int]]:
        found = []
        for p, masks in enumerate(self.masks):
            for session, mask in enumerate(masks):
                if mask:
                    low = mask & -mask
                    shifted = mask // low
                    if shifted & (shifted + 1):
                        found.append((p, session))
        return found

    # -----------------------------------------------------------------------------------------

    def chain(self, m0: int, a: int, b: int):
        """The Kempe chain of meeting m0 (in slot a) towards slot b: (meeting -> new slot, gap change, new masks)."""
        busy, parts, feasible, frozen = self.busy, self.parts, self.feasible, self.frozen
        side = {m0: b}
        stack = [m0]
        while stack:
            m = stack.pop()
            target = side[m]
            if target not in feasible[m] or m in frozen:
                return None
            origin = a if target == b else b
            for p in parts[m]:
                other = busy[p].get(target)
                if other is not None and other not in side:
                    side[other] = origin
                    stack.append(other)
                    if len(side) > CHAIN_LIMIT:
                        return None
        to_b = sum(1 for target in side.values() if target == b)
        to_a = len(side) - to_b
        used, capacity = self.used, self.capacity
        if used[a] - to_b + to_a > capacity[a] or used[b] - to_a + to_b > capacity[b]:
            return None
        session = self.session_of[a]
        flip = self.bit[a] | self.bit[b]
        changed = {}
        delta = 0
        masks = self.masks
        for m in side:
            for p in parts[m]:
                if p in changed:
                    continue
                at_a, at_b = busy[p].get(a), busy[p].get(b)
                if at_a is not None and at_b is not None:
                    changed[p] = None  # busy in both before and after
                    continue
                old = masks[p][session]
                new = old ^ flip
                changed[p] = new
                delta += _gaps(new) - _gaps(old)
        return side, delta, changed

    def apply_chain(self, side: dict[int, int], changed: dict, a: int, b: int) -> None:
        busy, parts = self.busy, self.parts
        for m, target in side.items():
            origin = a if target == b else b
            for p in parts[m]:
                if busy[p].get(origin) == m:
                    del busy[p][origin]
        for m, target in side.items():
            self.slot[m] = target
            for p in parts[m]:
                busy[p][target] = m
        to_b = sum(1 for target in side.values() if target == b)
        to_a = len(side) - to_b
        self.used[a] += to_a - to_b
        self.used[b] += to_b - to_a
        session = self.session_of[a]
        for p, new in changed.items():
            if new is not None:
                self.masks[p][session] = new

    def relocation(self, m: int, b: int):
        a = self.slot[m]
        if b not in self.feasible[m] or self.used[b] >= self.capacity[b]:
            return None
        busy = self.busy
        for p in self.parts[m]:
            if b in busy[p]:
                return None
        sa, sb = self.session_of[a], self.session_of[b]
        delta = 0
        for p in self.parts[m]:
            masks = self.masks[p]
            old_a, old_b = masks[sa], masks[sb]
            delta += _gaps(old_a & ~self.bit[a]) - _gaps(old_a) + _gaps(old_b | self.bit[b]) - _gaps(old_b)
        return delta

    def apply_relocation(self, m: int, b: int) -> None:
        a = self.slot[m]
        sa, sb = self.session_of[a], self.session_of[b]
        for p in self.parts[m]:
            del self.busy[p][a]
            self.busy[p][b] = m
            self.masks[p][sa] &= ~self.bit[a]
            self.masks[p][sb] |= self.bit[b]
        self.slot[m] = b
        self.used[a] -= 1
        self.used[b] += 1

    # -----------------------------------------------------------------------------------------

    def load(self, slots: list[int]) -> None:
        """Start again from a schedule given as the slot of each meeting (-1: unscheduled)."""
        self.slot = list(slots)
        self.busy = [{} for _ in self.busy]
        self.used = [0] * len(self.used)
        self.masks = [[0] * len(masks) for masks in self.masks]
        for m, s in enumerate(self.slot):
            if s >= 0:
                self.used[s] += 1
                for p in self.parts[m]:
                    self.busy[p][s] = m
                    self.masks[p][self.session_of[s]] |= self.bit[s]
        self.gaps = self.total()

    def run(self, deadline: float, floor: int = 0) -> dict[int, int]:
        """Anneal in rounds until the deadline, the gaps come down to `floor` (a proven lower bound),
        or a round finds nothing better; returns the best schedule seen (meeting -> slot)."""
        if self.movable and self.gaps > floor:
            best_gaps, best = self.gaps, list(self.slot)
            length = max(MIN_ROUND, STEPS_PER_MEETING * len(self.movable))
            while time.perf_counter() < deadline:
                found_gaps, found = self.round(deadline, length, floor)
                if found_gaps >= best_gaps:
                    break
                best_gaps, best = found_gaps, found
                if best_gaps <= floor:
                    break
                self.load(best)
            self.load(best)
        return self.slot_of()

    def round(self, deadline: float, length: int, floor: int = 0) -> tuple[int, list[int]]:
        """One annealing run of `length` steps at most, the temperature falling from START to END
        with the share of steps or of the time to the deadline spent, whichever is larger."""
        rng, sessions = self.rng, self.instance.sessions
        best_gaps, best = self.gaps, list(self.slot)
        began = time.perf_counter()
        span = max(1e-3, deadline - began)
        gapped = self.gapped()
        step = 0
        temperature = START_TEMPERATURE
        while True:
            step += 1
            if step % 256 == 0:
                progress = max((time.perf_counter() - began) / span, step / length)
                if progress >= 1:
                    break
                temperature = START_TEMPERATURE * (END_TEMPERATURE / START_TEMPERATURE) ** progress
                if step % 4096 == 0:
                    gapped = self.gapped()
                    if not gapped:
                        break
            if gapped and rng.random() < 0.7:
                p, session = gapped[rng.randrange(len(gapped))]
                own = [m for s, m in self.busy[p].items() if self.session_of[s] == session]
                if not own:
                    continue
                m = own[rng.randrange(len(own))]
            else:
                m = self.movable[rng.randrange(len(self.movable))]
            if m in self.frozen:
                continue
            a = self.slot[m]
            if rng.random() < 0.9:
                slots = sessions[self.session_of[a]]
                b = slots[rng.randrange(len(slots))]
                if b == a:
                    continue
                found = self.chain(m, a, b)
                if found is None:
                    continue
                side, delta, changed = found
                if delta <= 0 or rng.random() < math.exp(-delta / temperature):
                    self.apply_chain(side, changed, a, b)
                    self.gaps += delta
            else:
                b = rng.randrange(len(self.used))
                if self.session_of[b] == self.session_of[a]:
                    continue
                delta = self.relocation(m, b)
                if delta is None:
                    continue
                if delta <= 0 or rng.random() < math.exp(-delta / temperature):
                    self.apply_relocation(m, b)
                    self.gaps += delta
            if self.gaps < best_gaps:
                best_gaps, best = self.gaps, list(self.slot)
                if best_gaps <= floor:
                    break
        self.steps += step
        return best_gaps, best
