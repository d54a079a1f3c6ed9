"""The intel endpoints of the REST API, registered on the one router under /api/."""

from japandesk.intel.api import views


def register(router) -> None:
    router.register("news/articles", views.ArticleViewSet, basename="news-article")
    router.register("news/facts", views.FactViewSet, basename="news-fact")
    router.register("news/stories", views.StoryViewSet, basename="news-story")
