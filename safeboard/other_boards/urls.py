"""Working with other boards."""

from django.urls import path

from . import views

app_name = "other_boards"
urlpatterns = [
    path("", views.BoardListView.as_view(), name="board_list"),
    path("new/", views.BoardCreateView.as_view(), name="board_create"),
    path("<id:pk>/", views.BoardDetailView.as_view(), name="board_detail"),
    path("<id:pk>/protocols/new/", views.ProtocolAddView.as_view(), name="protocol_add"),
    path("<id:pk>/challenges/link/", views.ChallengeLinkView.as_view(), name="challenge_link"),
    path("protocols/<id:pk>/review/", views.ProtocolReviewView.as_view(), name="protocol_review"),
]
