from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "safeboard.demo"
    verbose_name = "Demo partnership"
