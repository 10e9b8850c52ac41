#!/usr/bin/env python
"""Django's command-line utility for CTO Assess."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cto_assess.settings")
    if not os.environ.get("SECRET_KEY") and "DEBUG" not in os.environ:
        # A checkout with no configuration is a developer's: run commands in development
        # mode rather than refuse. Servers set SECRET_KEY (and the WSGI app never does this).
        os.environ["DEBUG"] = "1"
        print(
            "manage.py: no SECRET_KEY set, running in development mode (DEBUG=1).", file=sys.stderr
        )
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 — surface a settings error clearly, not later
    except ImproperlyConfigured as exc:
        sys.exit(f"manage.py: {exc}")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
