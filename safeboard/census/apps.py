from django.apps import AppConfig


class CensusConfig(AppConfig):
    name = "safeboard.census"
    label = "census"

    def ready(self) -> None:
        from safeboard.reminders.services import register_daily_step

        from .services import expire_stale_census_imports

        register_daily_step(expire_stale_census_imports)
