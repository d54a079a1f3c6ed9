from django.urls import path

from japandesk.events import views

app_name = "events"
urlpatterns = [
    path("", views.EventListView.as_view(), name="event-list"),
    path("new/", views.EventCreateView.as_view(), name="event-create"),
    path("<int:event>/", views.EventDetailView.as_view(), name="event-detail"),
    path("<int:event>/edit/", views.EventUpdateView.as_view(), name="event-update"),
    path("<int:event>/sessions/new/", views.SessionCreateView.as_view(), name="session-create"),
    path("<int:event>/sessions/<int:pk>/delete/", views.SessionDeleteView.as_view(), name="session-delete"),
    path("<int:event>/rooms/new/", views.RoomCreateView.as_view(), name="room-create"),
    path("<int:event>/rules/", views.RulesView.as_view(), name="rules"),
    path("<int:event>/participants/", views.ParticipantListView.as_view(), name="participant-list"),
    path("<int:event>/participants/<int:pk>/", views.ParticipantDetailView.as_view(), name="participant-detail"),
    path("<int:event>/participants/<int:pk>/agenda.<str:fmt>", views.AgendaView.as_view(), name="participant-agenda"),
    path("<int:event>/requests/", views.RequestListView.as_view(), name="request-list"),
    path("<int:event>/requests/<int:pk>/", views.RequestActionView.as_view(), name="request-action"),
    path("<int:event>/scheduler/", views.SchedulerView.as_view(), name="scheduler"),
    path("<int:event>/scheduler/instance.json", views.ExportView.as_view(), name="export"),
    path("<int:event>/scheduler/answer/", views.AnswerUploadView.as_view(), name="answer-upload"),
    path("<int:event>/meetings/new/", views.MeetingCreateView.as_view(), name="meeting-create"),
    path("<int:event>/meetings/<int:pk>/pin/", views.PinView.as_view(), name="pin"),
    path("<int:event>/meetings/<int:pk>/cancel/", views.MeetingCancelView.as_view(), name="meeting-cancel"),
    path("<int:event>/tables/", views.TablePlanView.as_view(), name="table-plan"),
    path("<int:event>/checkin/", views.CheckInView.as_view(), name="checkin"),
    path("<int:event>/outcomes/", views.MeetingOutcomeView.as_view(), name="outcomes"),
    path("public/<slug:slug>/", views.PublicEventView.as_view(), name="public-event"),
    path("public/p/<str:token>/", views.PublicParticipantView.as_view(), name="public-participant"),
    path("public/p/<str:token>/requests/<int:pk>/", views.PublicRequestActionView.as_view(), name="public-request"),
    path("public/p/<str:token>/availability/", views.PublicAvailabilityView.as_view(), name="public-availability"),
    path("public/p/<str:token>/agenda.<str:fmt>", views.PublicAgendaView.as_view(), name="public-agenda"),
]
