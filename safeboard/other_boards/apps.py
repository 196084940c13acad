from django.apps import AppConfig


class OtherBoardsConfig(AppConfig):
    name = "safeboard.other_boards"
    label = "other_boards"
    verbose_name = "Other boards"

    def ready(self) -> None:
        from . import plug_ins

        plug_ins.register()
