from django.apps import AppConfig


class ScorecardConfig(AppConfig):
    name = "safeboard.scorecard"
    label = "scorecard"

    def ready(self) -> None:
        from . import plug_ins

        plug_ins.register()
