"""Reads of the record of working with other boards."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Min, QuerySet

from safeboard.accounts.models import User
from safeboard.challenges.models import Challenge

from .models import Board, BoardChallenge, Protocol


def board_list() -> QuerySet[Board]:
    return Board.objects.annotate(
        protocol_count=Count("protocols", distinct=True),
        challenge_count=Count("challenge_links", distinct=True),
        next_review=Min("protocols__review_on"),
    ).order_by("name")


def board_protocols(*, board: Board) -> list[Protocol]:
    return list(board.protocols.select_related("lead_person").order_by("review_on", "id"))


def board_challenges(*, board: Board) -> list[BoardChallenge]:
    return list(
        board.challenge_links.select_related("challenge__agency").order_by(
            "-challenge__raised_on", "-id"
        )
    )


def challenge_choices() -> QuerySet[Challenge]:
    return Challenge.objects.select_related("agency").order_by("-raised_on", "-id")


def protocols_due(*, by: datetime.date) -> QuerySet[Protocol]:
    return Protocol.objects.filter(review_on__lte=by).select_related("board", "lead_person__user")


def challenges_about(*, themes: Iterable[Any], user: User | None) -> QuerySet[BoardChallenge]:
    """Challenges with other boards whose challenge is tagged with any of `themes`."""
    links = BoardChallenge.objects.filter(
        challenge__in=Challenge.objects.filter(themes__in=list(themes)).values("pk")
    ).select_related("board", "challenge")
    if user is not None and not user.has_perm("other_boards.view"):
        return links.none()
    return links.order_by("-challenge__raised_on", "-id")


def challenges_hidden(*, themes: Iterable[Any], user: User) -> int:
    if user.has_perm("other_boards.view"):
        return 0
    return BoardChallenge.objects.filter(
        challenge__in=Challenge.objects.filter(themes__in=list(themes)).values("pk")
    ).count()
