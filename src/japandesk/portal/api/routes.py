"""The portal endpoints of the REST API, registered on the one router under /api/."""


def register(router) -> None:
    pass
