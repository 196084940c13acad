from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "safeboard.reports"
    label = "reports"
    verbose_name = "Yearly report"

    def ready(self) -> None:
        from . import plug_ins

        plug_ins.register()
