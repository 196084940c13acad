from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "safeboard.meetings"
    label = "meetings"

    def ready(self) -> None:
        from . import plug_ins

        plug_ins.register()
