from django.apps import AppConfig


class RisksConfig(AppConfig):
    name = "safeboard.risks"
    label = "risks"
