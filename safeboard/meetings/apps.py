from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "safeboard.meetings"
    label = "meetings"
