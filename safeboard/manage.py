"""The `safeboard` command: Django's manage.py, installed as a console script."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safeboard.config.settings.base")
    if os.environ.get("SAFEBOARD_ENV") == "production":
        os.environ["DJANGO_SETTINGS_MODULE"] = "safeboard.config.settings.production"
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
