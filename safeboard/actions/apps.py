from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "safeboard.actions"
    label = "actions"
