"""Interactions and tasks as iCalendar (RFC 5545): interactions as all-day events, open tasks
as to-dos due on their date, so that officers see them in their own calendar."""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event, Todo


def to_ics(interactions, tasks, host: str = "japandesk") -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Japan Desk//CRM//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    stamp = timezone.now()
    for interaction in interactions:
        event = Event()
        event.add("uid", f"crm-interaction-{interaction.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("summary", f"{interaction.get_kind_display()}: {interaction.title}")
        event.add("dtstart", interaction.date)
        event.add("dtend", (interaction.end_date or interaction.date) + datetime.timedelta(days=1))
        if interaction.location:
            event.add("location", interaction.location)
        description = "\n\n".join(part for part in (interaction.notes, interaction.outcome) if part)
        if description:
            event.add("description", description)
        event.add("categories", [interaction.kind])
        calendar.add_component(event)
    for task in tasks:
        todo = Todo()
        todo.add("uid", f"crm-task-{task.pk}@{host}")
        todo.add("dtstamp", stamp)
        todo.add("summary", task.title)
        todo.add("due", task.due_date)
        todo.add("status", "COMPLETED" if task.done_at else "NEEDS-ACTION")
        if task.notes:
            todo.add("description", task.notes)
        calendar.add_component(todo)
    return calendar.to_ical()
