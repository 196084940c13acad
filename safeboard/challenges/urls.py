from django.urls import path

from .views import agency, board, reading

app_name = "challenges"
urlpatterns = [
    path("", reading.ChallengeListView.as_view(), name="list"),
    path("summary/", reading.ChallengeSummaryView.as_view(), name="summary"),
    path("new/", board.ChallengeRaiseView.as_view(), name="raise"),
    path("<int:pk>/", reading.ChallengeDetailView.as_view(), name="detail"),
    path("<int:pk>/respond/", agency.ChallengeRespondView.as_view(), name="respond"),
    path("<int:pk>/themes/", board.ChallengeThemesView.as_view(), name="themes"),
    path("<int:pk>/judge/", board.JudgementView.as_view(), name="judge"),
    path("<int:pk>/close/", board.ChallengeCloseView.as_view(), name="close"),
    path("<int:pk>/actions/new/", board.ChallengeActionAddView.as_view(), name="add_action"),
]
