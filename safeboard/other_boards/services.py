"""Every change to the record of working with other boards, each in one transaction."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeboard.challenges.models import Challenge
from safeboard.partnership.models import Person

from .models import Board, BoardChallenge, Protocol

AGREED_IN_FUTURE = "The date agreed cannot be in the future."
REVIEW_BEFORE_AGREED = "The review must fall due after the date agreed."
ALREADY_LINKED = "This challenge is already linked to the board."


@transaction.atomic
def board_add(*, name: str, kind: str, contact: str = "") -> Board:
    board = Board(name=" ".join(name.split()), kind=kind, contact=contact.strip())
    board.full_clean()
    board.save()
    return board


@transaction.atomic
def protocol_add(
    *,
    board: Board,
    title: str,
    agreed_on: datetime.date,
    review_on: datetime.date,
    lead_person: Person,
    document_link: str = "",
) -> Protocol:
    if agreed_on > timezone.localdate():
        raise ValidationError({"agreed_on": AGREED_IN_FUTURE})
    if review_on <= agreed_on:
        raise ValidationError({"review_on": REVIEW_BEFORE_AGREED})
    protocol = Protocol(
        board=board,
        title=title.strip(),
        agreed_on=agreed_on,
        review_on=review_on,
        lead_person=lead_person,
        document_link=document_link.strip(),
    )
    protocol.full_clean()
    protocol.save()
    return protocol


@transaction.atomic
def protocol_reviewed(
    *, protocol: Protocol, agreed_on: datetime.date, review_on: datetime.date
) -> Protocol:
    """The protocol was reviewed and agreed again: its next review moves on."""
    if agreed_on > timezone.localdate():
        raise ValidationError({"agreed_on": AGREED_IN_FUTURE})
    if review_on <= agreed_on:
        raise ValidationError({"review_on": REVIEW_BEFORE_AGREED})
    protocol.agreed_on, protocol.review_on = agreed_on, review_on
    protocol.full_clean()
    protocol.save()
    return protocol


@transaction.atomic
def challenge_link(*, board: Board, challenge: Challenge, direction: str) -> BoardChallenge:
    """Link a challenge of the challenge log to the board it was raised with or by."""
    if BoardChallenge.objects.filter(board=board, challenge=challenge).exists():
        raise ValidationError({"challenge": ALREADY_LINKED})
    link = BoardChallenge(board=board, challenge=challenge, direction=direction)
    link.full_clean()
    link.save()
    return link
