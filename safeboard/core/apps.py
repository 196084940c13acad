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
        )

        # Before any app's addresses are read: they name records by `<id:…>`.
        converters.register()

        # The GOV.UK components compiled once per process, not once per tag.
        govuk_components.install()
