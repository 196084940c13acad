from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "safeboard.reviews"
    label = "reviews"
    verbose_name = "Case reviews"

    def ready(self) -> None:
        from . import findings_extensions, plug_ins

        plug_ins.register()
        findings_extensions.ready(self)
