from django.urls import path

from japandesk.matching.views import introductions, needs, profiles, public

app_name = "matching"
urlpatterns = [
    path("", needs.NeedListView.as_view(), name="need-list"),
    path("needs/new/", needs.NeedCreateView.as_view(), name="need-create"),
    path("needs/<int:pk>/", needs.NeedDetailView.as_view(), name="need-detail"),
    path("needs/<int:pk>/edit/", needs.NeedUpdateView.as_view(), name="need-update"),
    path("needs/<int:pk>/introduce/", needs.IntroduceView.as_view(), name="need-introduce"),
    path("suppliers/", profiles.ProfileListView.as_view(), name="profile-list"),
    path("suppliers/new/", profiles.ProfileCreateView.as_view(), name="profile-create"),
    path("suppliers/<int:pk>/", profiles.ProfileDetailView.as_view(), name="profile-detail"),
    path("suppliers/<int:pk>/edit/", profiles.ProfileUpdateView.as_view(), name="profile-update"),
    path(
        "suppliers/<int:pk>/verify/", profiles.ProfileActionView.as_view(), {"action": "verify"}, name="profile-verify"
    ),
    path(
        "suppliers/<int:pk>/unverify/",
        profiles.ProfileActionView.as_view(),
        {"action": "unverify"},
        name="profile-unverify",
    ),
    path("suppliers/<int:pk>/renew/", profiles.ProfileActionView.as_view(), {"action": "renew"}, name="profile-renew"),
    path("suppliers/<int:pk>/brochures/", profiles.BrochureUploadView.as_view(), name="brochure-upload"),
    path("brochures/<int:pk>/", profiles.BrochureFileView.as_view(), name="brochure-file"),
    path("brochures/<int:pk>/delete/", profiles.BrochureDeleteView.as_view(), name="brochure-delete"),
    path("introductions/", introductions.IntroductionListView.as_view(), name="introduction-list"),
    path("introductions/<int:pk>/", introductions.IntroductionDetailView.as_view(), name="introduction-detail"),
    path(
        "introductions/<int:pk>/outcome/",
        introductions.IntroductionOutcomeView.as_view(),
        name="introduction-outcome",
    ),
    path("public/register/", public.PublicRegisterView.as_view(), name="public-register"),
    path("public/register/thanks/", public.PublicThanksView.as_view(), name="public-thanks"),
    path("public/renew/<str:token>/", public.PublicRenewView.as_view(), name="public-renew"),
]
