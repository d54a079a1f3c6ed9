from django.urls import path

from japandesk.intel.views import articles, facts, stories

app_name = "intel"
urlpatterns = [
    path("", articles.ArticleListView.as_view(), name="article-list"),
    path("articles/new/", articles.ArticleIngestView.as_view(), name="article-ingest"),
    path("articles/<int:pk>/", articles.ArticleDetailView.as_view(), name="article-detail"),
    path("articles/<int:pk>/lead/", articles.ArticleLeadView.as_view(), name="article-lead"),
    path("facts/<int:pk>/review/", facts.FactReviewView.as_view(), name="fact-review"),
    path("stories/", stories.StoryListView.as_view(), name="story-list"),
    path("stories/<int:pk>/", stories.StoryDetailView.as_view(), name="story-detail"),
]
