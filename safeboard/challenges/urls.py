from django.urls import path

from .views import agency, board, reading

app_name = "challenges"
urlpatterns = [
    path("", reading.ChallengeListView.as_view(), name="list"),
    path("summary/", reading.ChallengeSummaryView.as_view(), name="summary"),
    path("new/", board.ChallengeRaiseView.as_view(), name="raise"),
    path("<id:pk>/", reading.ChallengeDetailView.as_view(), name="detail"),
    path("<id:pk>/respond/", agency.ChallengeRespondView.as_view(), name="respond"),
    path("<id:pk>/themes/", board.ChallengeThemesView.as_view(), name="themes"),
    path("<id:pk>/judge/", board.JudgementView.as_view(), name="judge"),
    path("<id:pk>/close/", board.ChallengeCloseView.as_view(), name="close"),
    path("<id:pk>/actions/new/", board.ChallengeActionAddView.as_view(), name="add_action"),
]
