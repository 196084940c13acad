from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "safeboard.reviews"
    label = "reviews"
    verbose_name = "Case reviews"

    def ready(self) -> None:
        from safeboard.core.home_panels import register_home_panel
        from safeboard.reminders.sources import register_source

        from .home import review_steps_panel
        from .reminders import review_step_reminders

        register_source(review_step_reminders)
        register_home_panel("reviews/includes/home_panel.html", review_steps_panel)

        from .findings_extensions import ready as learning_ready

        learning_ready(self)
