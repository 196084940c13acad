"""Signing in by email and password, without Django's model permission tables.

SafeBoard decides what a person may do by rules over their roles and agency (decision 0001);
no permission or group row is ever granted. Django's ModelBackend would still read both tables
for every `has_perm` the rules backend declines, two queries on every page, to find nothing.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class PasswordBackend(ModelBackend):
    """ModelBackend's password check and user loading, granting no model permissions. The
    user comes with their person record, which every page reads for the agency."""

    def get_user_permissions(self, user_obj, obj=None) -> set[str]:
        return set()

    def get_group_permissions(self, user_obj, obj=None) -> set[str]:
        return set()

    def get_user(self, user_id):
        user = get_user_model()._default_manager.select_related("person").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
