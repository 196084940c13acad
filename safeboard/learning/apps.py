from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "safeboard.learning"
    label = "learning"
    verbose_name = "Learning and training"

    def ready(self) -> None:
        from . import plug_ins

        plug_ins.register()
