from django.apps import AppConfig


class ThemesConfig(AppConfig):
    name = "safeboard.themes"
    label = "themes"
    verbose_name = "Practice themes"

    def ready(self) -> None:
        from . import plug_ins

        plug_ins.register()
