from django.apps import AppConfig


class ImpactConfig(AppConfig):
    name = "safeboard.impact"
    label = "impact"
    verbose_name = "Evidence of impact"

    def ready(self) -> None:
        from . import plug_ins

        plug_ins.register()
