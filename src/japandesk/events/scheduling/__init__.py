"""The B2B meeting-scheduling engine: the exchange format (`instance`), the five validity rules
(`validate`), the first-come baseline (`greedy`), the solver (`solver`) and rescheduling after
late changes (`reschedule`). See docs/b2b-scheduling.md."""
