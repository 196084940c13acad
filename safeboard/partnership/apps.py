from django.apps import AppConfig


class PartnershipConfig(AppConfig):
    name = "safeboard.partnership"
    label = "partnership"

    def ready(self) -> None:
        from . import plug_ins

        plug_ins.register()
