"""The events endpoints of the REST API, registered on the one router under /api/ (the ledger's
events already own /api/events/, so conferences live under /api/b2b/)."""

from japandesk.events.api import views


def register(router) -> None:
    router.register("b2b/events", views.EventViewSet, basename="b2b-event")
    router.register("b2b/participants", views.ParticipantViewSet, basename="b2b-participant")
    router.register("b2b/requests", views.MeetingRequestViewSet, basename="b2b-request")
    router.register("b2b/meetings", views.MeetingViewSet, basename="b2b-meeting")
