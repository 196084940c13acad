from django.apps import AppConfig


class PartnershipConfig(AppConfig):
    name = "safeboard.partnership"
    label = "partnership"
