from django.apps import AppConfig


class ChallengesConfig(AppConfig):
    name = "safeboard.challenges"
    label = "challenges"

    def ready(self) -> None:
        from . import plug_ins

        plug_ins.register()
