from django.apps import AppConfig


class PrioritiesConfig(AppConfig):
    name = "safeboard.priorities"
    label = "priorities"

    def ready(self) -> None:
        from .evidence import register_built_in_sections

        register_built_in_sections()
