from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "safeboard.actions"
    label = "actions"

    def ready(self) -> None:
        from . import plug_ins

        plug_ins.register()
