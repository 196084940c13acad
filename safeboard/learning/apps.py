from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "safeboard.learning"
    label = "learning"
    verbose_name = "Learning and training"

    def ready(self) -> None:
        from safeboard.core.home_panels import register_home_panel
        from safeboard.reminders.services import register_daily_step
        from safeboard.reminders.sources import register_source

        from .evidence import register_priority_evidence
        from .home import training_panel
        from .reminders import (
            remind_learners_without_accounts,
            send_follow_up_surveys,
            training_reminders,
        )

        register_source(training_reminders)
        register_daily_step(remind_learners_without_accounts)
        register_daily_step(send_follow_up_surveys)
        register_home_panel("learning/includes/home_panel.html", training_panel)
        register_priority_evidence()

        from safeboard.reviews.page_sections import register_review_section

        from .catalogue.selectors import courses_for_review

        register_review_section(
            "learning/includes/review_training.html",
            lambda review, user: {"courses": courses_for_review(review)},
        )
