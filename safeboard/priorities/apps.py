from django.apps import AppConfig


class PrioritiesConfig(AppConfig):
    name = "safeboard.priorities"
    label = "priorities"
