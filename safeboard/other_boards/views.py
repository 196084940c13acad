"""The other boards' pages: the list, one board with its protocols and challenges, and the
forms that keep them."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone
from django.views import View

from safeboard.core import breadcrumbs
from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from . import selectors, services
from .forms import BoardForm, ChallengeLinkForm, ProtocolForm, ProtocolReviewForm
from .models import Board, Protocol


class BoardListView(RulePermissionMixin, View):
    permission_required = "other_boards.view"
    crumb_title = "Other boards"
    crumb_parent = None

    def get(self, request):
        return render(
            request,
            "other_boards/board_list.html",
            {
                "boards": list(selectors.board_list()),
                "can_record": request.user.has_perm("other_boards.record"),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class BoardCreateView(ServiceFormView):
    permission_required = "other_boards.record"
    form_class = BoardForm
    heading = "Add a board"
    crumb_parent = "other_boards:board_list"

    def call_service(self, data):
        return services.board_add(**data)

    def success_message(self, record):
        return f"{record.name} added."


class BoardMixin(RecordMixin, RulePermissionMixin):
    model = Board
    crumb_parent: breadcrumbs.Parent = breadcrumbs.record


class BoardDetailView(BoardMixin, View):
    permission_required = "other_boards.view"
    crumb_parent = "other_boards:board_list"

    @staticmethod
    def crumb_title(board: Board) -> str:
        return board.name

    def get(self, request, pk):
        board = self.get_object()
        return render(
            request,
            "other_boards/board_detail.html",
            {
                "board": board,
                "protocols": selectors.board_protocols(board=board),
                "challenge_links": selectors.board_challenges(board=board),
                "can_record": request.user.has_perm("other_boards.record"),
                "today": timezone.localdate(),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class BoardFormView(BoardMixin, ServiceFormView):
    def page_context(self):
        return {"caption": self.get_object().name}


class ProtocolAddView(BoardFormView):
    permission_required = "other_boards.record"
    form_class = ProtocolForm
    heading = "Add a protocol"
    success_text = "Protocol added."

    def call_service(self, data):
        services.protocol_add(board=self.get_object(), **data)


class ChallengeLinkView(BoardFormView):
    permission_required = "other_boards.record"
    form_class = ChallengeLinkForm
    heading = "Link a challenge"
    success_text = "Challenge linked."

    def call_service(self, data):
        services.challenge_link(board=self.get_object(), **data)


class ProtocolReviewView(RecordMixin, ServiceFormView):
    model = Protocol
    permission_required = "other_boards.record"
    form_class = ProtocolReviewForm
    heading = "Record a review of the protocol"
    success_text = "Review recorded."

    def get_queryset(self):
        return Protocol.objects.select_related("board")

    @staticmethod
    def crumb_parent(protocol: Protocol):
        return protocol.board

    def page_context(self):
        return {"caption": self.get_object().title}

    def call_service(self, data):
        services.protocol_reviewed(protocol=self.get_object(), **data)
