"""The `safeboard` command: Django's manage.py, installed as a console script."""

import sys

from safeboard.config.settings import select_settings_module


def main() -> None:
    select_settings_module()
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
