"""The matching endpoints of the REST API, registered on the one router under /api/."""

from japandesk.matching.api import views


def register(router) -> None:
    router.register("supplier-profiles", views.SupplierProfileViewSet, basename="supplier-profile")
    router.register("needs", views.BuyerNeedViewSet, basename="need")
    router.register("introductions", views.IntroductionViewSet, basename="introduction")
