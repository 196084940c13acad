from django.urls import include, path

urlpatterns = [
    path("", include("safeboard.core.urls")),
    path("", include("safeboard.accounts.urls")),
    path("", include("safeboard.partnership.urls")),
    path("meetings/", include("safeboard.meetings.urls")),
    path("actions/", include("safeboard.actions.urls")),
    path("priorities/", include("safeboard.priorities.urls")),
    path("risks/", include("safeboard.risks.urls")),
    path("challenges/", include("safeboard.challenges.urls")),
    path("reminders/", include("safeboard.reminders.urls")),
    path("scorecard/", include("safeboard.scorecard.urls")),
    path("census/", include("safeboard.census.urls")),
    path("reviews/", include("safeboard.reviews.urls")),
    path("themes/", include("safeboard.themes.urls")),
    path("audits/", include("safeboard.audits.urls")),
    path("section-11/", include("safeboard.section11.urls")),
    path("training/", include("safeboard.learning.urls")),
    path("impact/", include("safeboard.impact.urls")),
    path("exchange/", include("safeboard.exchange.urls")),
    path("api/learning/", include("safeboard.exchange.api.urls")),
    path("api/", include("safeboard.scorecard.api.urls")),
]
