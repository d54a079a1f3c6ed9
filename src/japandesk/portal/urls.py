from django.urls import path

from japandesk.portal.choices import PageKey
from japandesk.portal.views import manage, public

app_name = "portal"
urlpatterns = [
    path("", public.HomeView.as_view(), name="home"),
    path("sectors/", public.SectorsView.as_view(), name="sectors"),
    path("zones/", public.ZonesView.as_view(), name="zones"),
    path("zones/<slug:code>/", public.ZoneView.as_view(), name="zone"),
    path("zones/<slug:code>/visit/", public.InquiryView.as_view(), name="site-visit"),
    path("incentives/", public.PageView.as_view(key=PageKey.INCENTIVES), name="incentives"),
    path("procedures/", public.PageView.as_view(key=PageKey.PROCEDURES), name="procedures"),
    path("contact/", public.PageView.as_view(key=PageKey.CONTACT), name="contact"),
    path("privacy/", public.PageView.as_view(key=PageKey.PRIVACY), name="privacy"),
    path("news/", public.NewsListView.as_view(), name="news"),
    path("news/<slug:slug>/", public.NewsDetailView.as_view(), name="news-detail"),
    path("inquiry/", public.InquiryView.as_view(), name="inquiry"),
    path("inquiry/received/", public.InquiryReceivedView.as_view(), name="inquiry-received"),
    path("inquiry/<str:token>/", public.InquiryStatusView.as_view(), name="inquiry-status"),
    # Staff screens that edit the portal's content
    path("manage/", manage.ManageView.as_view(), name="manage"),
    path("manage/pages/<str:key>/<str:language>/", manage.PageEditView.as_view(), name="page-edit"),
    path("manage/news/new/", manage.NewsEditView.as_view(), name="news-create"),
    path("manage/news/<int:pk>/", manage.NewsEditView.as_view(), name="news-edit"),
    path("manage/news/<int:pk>/<str:language>/", manage.NewsTextEditView.as_view(), name="news-text-edit"),
]
