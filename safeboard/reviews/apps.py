from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "safeboard.reviews"
    label = "reviews"
    verbose_name = "Case reviews"

    def ready(self) -> None:
        from safeboard.actions.selectors import register_confidential_source
        from safeboard.core.home_panels import register_home_panel
        from safeboard.core.views import register_confidential_history
        from safeboard.reminders.sources import register_source

        from .access import log_view
        from .cases.home import review_steps_panel
        from .cases.reminders import review_step_reminders
        from .findings.selectors import recommendations_hidden_from

        register_source(review_step_reminders)
        for model in ("reviews.review", "reviews.decision"):
            register_confidential_history(
                model, lambda record, request: log_view(getattr(record, "review", record), request)
            )
        register_home_panel("reviews/includes/home_panel.html", review_steps_panel)
        register_confidential_source("reviews.recommendation", recommendations_hidden_from)

        from .registrations import register_lessons

        register_lessons(self)
