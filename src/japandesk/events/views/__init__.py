from japandesk.events.views.public import (  # noqa: F401
    PublicAgendaView,
    PublicAvailabilityView,
    PublicEventView,
    PublicParticipantView,
    PublicRequestActionView,
)
from japandesk.events.views.schedule import (  # noqa: F401
    AgendaView,
    AnswerUploadView,
    CheckInView,
    ExportView,
    MeetingCancelView,
    MeetingCreateView,
    MeetingOutcomeView,
    PinView,
    SchedulerView,
    TablePlanView,
)
from japandesk.events.views.staff import (  # noqa: F401
    EventCreateView,
    EventDetailView,
    EventListView,
    EventUpdateView,
    ParticipantDetailView,
    ParticipantListView,
    RequestActionView,
    RequestListView,
    RoomCreateView,
    RulesView,
    SessionCreateView,
    SessionDeleteView,
)
