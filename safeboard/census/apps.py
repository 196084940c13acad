from django.apps import AppConfig


class CensusConfig(AppConfig):
    name = "safeboard.census"
    label = "census"
