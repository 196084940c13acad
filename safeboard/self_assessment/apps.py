from django.apps import AppConfig


class SelfAssessmentConfig(AppConfig):
    name = "safeboard.self_assessment"
    label = "self_assessment"
    verbose_name = "Board self-assessment"

    def ready(self) -> None:
        from . import plug_ins

        plug_ins.register()
