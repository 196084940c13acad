from django.apps import AppConfig


class Section11Config(AppConfig):
    name = "safeboard.section11"
    label = "section11"
    verbose_name = "Section 11 self-assessment"

    def ready(self) -> None:
        from . import plug_ins

        plug_ins.register()
