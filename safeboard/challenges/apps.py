from django.apps import AppConfig


class ChallengesConfig(AppConfig):
    name = "safeboard.challenges"
    label = "challenges"
