"""The `safeboard` command: Django's manage.py, installed as a console script."""

import sys
from importlib import import_module

from safeboard.config.settings import select_settings_module

# Commands that read files and print, touching no model, no database and no plug-in: they run
# with the settings configured but without django.setup(), which imports every app, its models
# and its plug-ins (about a second and 100 MB before the first byte of a census is read).
# tests/test_manage.py runs each of them this way.
WITHOUT_APPS = {"census": "safeboard.census.management.commands.census"}


def main() -> None:
    select_settings_module()
    module = WITHOUT_APPS.get(sys.argv[1]) if len(sys.argv) > 1 else None
    if module is not None:
        # What execute_from_command_line does once it has found the command, less the setup.
        import_module(module).Command().run_from_argv(sys.argv)
        return
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
