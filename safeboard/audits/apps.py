from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "safeboard.audits"
    label = "audits"
    verbose_name = "Multi-agency case audits"

    def ready(self) -> None:
        from . import plug_ins

        plug_ins.register()
