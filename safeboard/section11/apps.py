from django.apps import AppConfig


class Section11Config(AppConfig):
    name = "safeboard.section11"
    label = "section11"
    verbose_name = "Section 11 self-assessment"

    def ready(self) -> None:
        from safeboard.core.home_panels import register_home_panel
        from safeboard.reminders.services import register_daily_step
        from safeboard.reminders.sources import register_source

        from .chase_services import chase_non_returns
        from .home import section11_panel
        from .reminders import section11_reminders

        register_source(section11_reminders)
        register_daily_step(chase_non_returns)
        register_home_panel("section11/home_panel.html", section11_panel)
