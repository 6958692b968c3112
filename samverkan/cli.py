"""The ``samverkan`` console command: Django's management commands without manage.py.

``samverkan import polisen-events FILE`` is the same as
``python manage.py import polisen-events FILE`` run from the project folder.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else argv)
    args[0] = "samverkan"
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
