from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "safeboard.audits"
    label = "audits"
    verbose_name = "Multi-agency case audits"

    def ready(self) -> None:
        from safeboard.core.home_panels import register_home_panel
        from safeboard.reminders.sources import register_source

        from .home import waiting_answers_panel
        from .reminders import audit_answer_reminders

        register_source(audit_answer_reminders)
        register_home_panel("audits/includes/home_panel.html", waiting_answers_panel)
