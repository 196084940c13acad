from django.apps import AppConfig


class ChildDeathsConfig(AppConfig):
    name = "safeboard.child_deaths"
    label = "child_deaths"
    verbose_name = "Learning from child deaths"

    def ready(self) -> None:
        from . import plug_ins

        plug_ins.register()
