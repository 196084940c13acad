"""Fixtures for the training tests: the cast's practitioner as a learner, and clients."""

from __future__ import annotations

import pytest

from safeboard.accounts.roles import Role
from tests.conftest import signed_in_client

from . import builders


@pytest.fixture
def learner(cast):
    """The home agency's practitioner, who trains with the partnership; the agency lead is
    their line manager."""
    return builders.practitioner(cast)


@pytest.fixture
def practitioner_client(cast, learner):
    return signed_in_client(cast[Role.PRACTITIONER])


@pytest.fixture
def officer(cast):
    return cast[Role.LEARNING_OFFICER]


@pytest.fixture
def officer_client(officer):
    return signed_in_client(officer)


@pytest.fixture
def trainer(cast):
    return cast[Role.BOARD_MEMBER]


@pytest.fixture
def trainer_client(trainer):
    return signed_in_client(trainer)
