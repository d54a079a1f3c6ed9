"""A schedule under construction: which meeting sits in which slot, with the counts that validity needs.

The solver, the rescheduler and the local search all change schedules through `place` and
`remove`, which keep per-slot table use, per-participant meeting counts and, for every
participant and session, a bit mask of the occupied slots from which idle gaps follow at once.
"""

from collections import defaultdict

from .instance import Instance


def mask_gaps(mask: int) -> int:
    """Idle gaps of one participant in one session, the session's occupied slots given as bits."""
    if mask == 0:
        return 0
    low = (mask & -mask).bit_length() - 1
    return mask.bit_length() - low - mask.bit_count()


class State:
    def __init__(self, instance: Instance):
        self.instance = instance
        self.slot_of: dict[int, int] = {}
        self.busy: list[dict[int, int]] = [{} for _ in instance.participants]  # participant: slot -> meeting
        self.used = [0] * len(instance.slots)
        self.held = [0] * len(instance.participants)
        self.caps = [instance.cap(p) for p in range(len(instance.participants))]
        self.mask: dict[tuple[int, int], int] = defaultdict(int)  # (participant, session) -> occupied positions
        self.position = [0] * len(instance.slots)
        for slots in instance.sessions:
            for i, s in enumerate(slots):
                self.position[s] = i

    def copy(self) -> "State":
        other = State.__new__(State)
        other.instance = self.instance
        other.slot_of = dict(self.slot_of)
        other.busy = [dict(b) for b in self.busy]
        other.used = list(self.used)
        other.held = list(self.held)
        other.caps = self.caps
        other.mask = defaultdict(int, self.mask)
        other.position = self.position
        return other

    def fits(self, m: int, s: int) -> bool:
        """Whether meeting m can go into slot s as the schedule stands (availability: see feasible_slots)."""
        if m in self.slot_of or self.used[s] >= self.instance.capacity[s]:
            return False
        for p in self.instance.meetings[m].participants:
            if s in self.busy[p] or self.held[p] >= self.caps[p]:
                return False
        return True

    def place(self, m: int, s: int) -> None:
        self.slot_of[m] = s
        self.used[s] += 1
        session, bit = self.instance.session_of[s], 1 << self.position[s]
        for p in self.instance.meetings[m].participants:
            self.busy[p][s] = m
            self.held[p] += 1
            self.mask[p, session] |= bit

    def remove(self, m: int) -> None:
        s = self.slot_of.pop(m)
        self.used[s] -= 1
        session, bit = self.instance.session_of[s], 1 << self.position[s]
        for p in self.instance.meetings[m].participants:
            del self.busy[p][s]
            self.held[p] -= 1
            self.mask[p, session] &= ~bit

    def gap_increase(self, m: int, s: int) -> int:
        """How many idle gaps placing meeting m in slot s adds (negative: it fills gaps)."""
        session, bit = self.instance.session_of[s], 1 << self.position[s]
        delta = 0
        for p in self.instance.meetings[m].participants:
            mask = self.mask.get((p, session), 0)
            delta += mask_gaps(mask | bit) - mask_gaps(mask)
        return delta

    def gaps(self) -> int:
        return sum(mask_gaps(mask) for mask in self.mask.values())

    def priority(self) -> int:
        meetings = self.instance.meetings
        return sum(meetings[m].priority for m in self.slot_of)

    def insert(self, order, allowed: set[int] | None = None) -> list[int]:
        """Place each meeting of `order` that is not placed yet in the free slot adding the fewest idle gaps.

        Ties go to the earlier slot. Returns the meetings that found no slot.
        """
        feasible = self.instance.feasible_slots
        left = []
        for m in order:
            if m in self.slot_of:
                continue
            best, best_key = None, None
            for s in feasible[m]:
                if allowed is not None and s not in allowed:
                    continue
                if self.fits(m, s):
                    key = (self.gap_increase(m, s), s)
                    if best_key is None or key < best_key:
                        best, best_key = s, key
            if best is None:
                left.append(m)
            else:
                self.place(m, best)
        return left
