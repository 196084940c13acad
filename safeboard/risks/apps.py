from django.apps import AppConfig


class RisksConfig(AppConfig):
    name = "safeboard.risks"
    label = "risks"

    def ready(self) -> None:
        from . import plug_ins

        plug_ins.register()
