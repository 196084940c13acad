from django.apps import AppConfig


class ScorecardConfig(AppConfig):
    name = "safeboard.scorecard"
    label = "scorecard"

    def ready(self) -> None:
        from .evidence import register_priority_evidence

        register_priority_evidence()
