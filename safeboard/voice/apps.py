from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "safeboard.voice"
    label = "voice"
    verbose_name = "Children and young people's voice"

    def ready(self) -> None:
        from . import plug_ins

        plug_ins.register()
