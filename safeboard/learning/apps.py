from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "safeboard.learning"
    label = "learning"
    verbose_name = "Learning and training"
