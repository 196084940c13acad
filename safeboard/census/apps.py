from django.apps import AppConfig


class CensusConfig(AppConfig):
    name = "safeboard.census"
    label = "census"

    def ready(self) -> None:
        from . import plug_ins

        plug_ins.register()
