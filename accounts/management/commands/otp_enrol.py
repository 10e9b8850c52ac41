"""Give a person (the first superuser, typically) an authenticator from the terminal.

    manage.py otp_enrol USERNAME [--replace]

Prints the otpauth:// address and its QR code in the terminal to scan with an app, and
ten backup codes. The device is confirmed at once: whoever runs this on the server is
trusted. A person who already has one keeps it unless --replace is given.
"""

import io

import qrcode
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor


class Command(BaseCommand):
    help = "Set up two-step verification for a user; prints its QR code and backup codes."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--replace", action="store_true", help="replace an authenticator already set up"
        )

    @transaction.atomic
    def handle(self, *args, username, replace, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user is called {username!r}.")
        if two_factor.has_confirmed_device(user) and not replace:
            raise CommandError(
                f"{username} already has an authenticator; add --replace to give a new one "
                "(the old one stops working)."
            )
        two_factor.two_factor_disable(user=user)
        device = TOTPDevice.objects.create(user=user, name=two_factor.TOTP_NAME, confirmed=True)
        codes = two_factor.backup_codes_replace(user=user)

        self.stdout.write(f"Scan this with an authenticator app ({username}):\n")
        self.stdout.write(_terminal_qr(device.config_url))
        self.stdout.write(f"Or add it by hand, key: {two_factor.secret_for_typing(device)}")
        self.stdout.write(f"Address: {device.config_url}\n")
        self.stdout.write("Backup codes, each good for one log-in (keep them safe):")
        for code in codes:
            self.stdout.write(f"  {code}")


def _terminal_qr(text):
    code = qrcode.QRCode(border=2)
    code.add_data(text)
    out = io.StringIO()
    code.print_ascii(out=out, invert=True)
    return out.getvalue()
