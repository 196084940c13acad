from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "safeboard.exchange"
    label = "exchange"
    verbose_name = "Learning exchanged between boards"

    def ready(self) -> None:
        from . import plug_ins

        plug_ins.register()
