from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "safeboard.public"
    label = "public"
    verbose_name = "Public site"

    def ready(self) -> None:
        from . import plug_ins

        plug_ins.register()
