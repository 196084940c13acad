from django.apps import AppConfig


class PrioritiesConfig(AppConfig):
    name = "safeboard.priorities"
    label = "priorities"

    def ready(self) -> None:
        from . import plug_ins

        plug_ins.register()
