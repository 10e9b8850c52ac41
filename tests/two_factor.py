"""Two-step verification in tests: an authenticator's current code, and a client whose
session has passed the second step (as admin needs)."""

import time

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def authenticator(user):
    """A confirmed TOTP device for `user`, as an app would hold it."""
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def current_code(device, *, steps_ahead=0):
    """The six digits the device's app shows now (or `steps_ahead` periods later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def verified_client(client, user):
    """`client` logged in as `user` with the second step passed in its session."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or authenticator(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
