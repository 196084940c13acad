from __future__ import annotations

import factory
from django_otp.plugins.otp_totp.models import TOTPDevice

from safeboard.core.factories import ModelFactory

from .models import RoleAssignment, User
from .roles import Role

TEST_PASSWORD = "correct-horse-battery-staple"


class UserFactory(ModelFactory):
    """An account for a person; pass roles=[Role.X, ...] to grant roles."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    # By path: people belong to the partnership, a layer above accounts.
    person = factory.SubFactory("safeboard.partnership.factories.PersonFactory")
    email = factory.LazyAttribute(
        lambda user: user.person.email if user.person else "x@example.test"
    )
    password = factory.django.Password(TEST_PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            RoleAssignment.objects.bulk_create(
                RoleAssignment(user=self, role=role) for role in extracted
            )
            self.__dict__.pop("roles", None)  # forget any cached role set


class RoleAssignmentFactory(ModelFactory):
    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
    role = Role.PRACTITIONER


class TOTPDeviceFactory(ModelFactory):
    """A confirmed authenticator app; pass key= (hex) to fix its secret."""

    class Meta:
        model = TOTPDevice

    user = factory.SubFactory(UserFactory)
    name = "Authenticator app"
    confirmed = True
