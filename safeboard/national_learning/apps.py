from django.apps import AppConfig


class NationalLearningConfig(AppConfig):
    name = "safeboard.national_learning"
    label = "national_learning"
    verbose_name = "National learning"

    def ready(self) -> None:
        from . import plug_ins

        plug_ins.register()
