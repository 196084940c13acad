from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "safeboard.core"
    label = "core"
    verbose_name = "SafeBoard core"

    def ready(self) -> None:
        from . import (
            checks,  # noqa: F401  (registers the deploy checks)
            converters,
            govuk_components,
            planner,
        )
        from .extension_points import DailyStep, daily_steps

        # Before any app's addresses are read: they name records by `<id:…>`.
        converters.register()

        # The GOV.UK components compiled once per process, not once per tag.
        govuk_components.install()

        # After every module's daily step, so that the statistics count what they added.
        daily_steps.register(DailyStep("planner-statistics", planner.daily_refresh, order=1000))
