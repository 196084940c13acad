from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "safeboard.reviews"
    label = "reviews"
    verbose_name = "Case reviews"

    def ready(self) -> None:
        from . import plug_ins

        plug_ins.register()
        plug_ins.repair_search_index_after_migrate(self)
