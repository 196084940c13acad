from django.apps import AppConfig


class ScorecardConfig(AppConfig):
    name = "safeboard.scorecard"
    label = "scorecard"
