"""Role checks shared by pages and the API: leaders read, officers and administrators edit."""

from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from rest_framework import permissions


def can_view(user) -> bool:
    return bool(user and user.is_authenticated and user.can_view)


def can_edit(user) -> bool:
    return bool(user and user.is_authenticated and user.can_edit)


def is_administrator(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.is_administrator)


class StaffRequiredMixin(AccessMixin):
    """Any signed-in role may read; anonymous visitors are sent to the login page."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not can_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class EditorRequiredMixin(StaffRequiredMixin):
    """Only desk officers and administrators change data."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not can_edit(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class AdministratorRequiredMixin(StaffRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not is_administrator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class RolePermission(permissions.BasePermission):
    """API: every role reads, desk officers and administrators write, nobody else gets in."""

    def has_permission(self, request, view) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return can_view(request.user)
        return can_edit(request.user)
