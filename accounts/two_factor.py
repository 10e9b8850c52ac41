"""Two-step verification: a code from an authenticator app (TOTP), or a backup code.

django-otp keeps the devices: one TOTP device per person (unconfirmed while being set up,
confirmed once a code from the app matched) and one static device holding ten one-time
backup codes. A session is verified (`request.user.is_verified()`) once a code matched in
it; staff need that for admin (cto_assess/admin_site.py), members who turned it on are
asked for a code at every log-in (the pending log-in below).
"""

import secrets
import time
from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.db import transaction
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODE_COUNT = 10
TOTP_NAME = "authenticator"
BACKUP_NAME = "backup codes"

# A log-in whose password was right and whose code is awaited, kept in the session.
PENDING_KEY = "two_factor_pending"
PENDING_SECONDS = 5 * 60
PENDING_TRIES = 5


def has_confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def totp_device_for_setup(*, user):
    """The person's unconfirmed TOTP device (a new secret when there is none); None once
    they have a confirmed one."""
    if has_confirmed_device(user):
        return None
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
    return device


@transaction.atomic
def totp_confirm(*, device, code):
    """Confirms the device if `code` is its current one; then the backup codes, shown
    once (a list of strings). None when the code is wrong."""
    if not device.verify_token(_digits(code)):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return backup_codes_replace(user=device.user)


@transaction.atomic
def backup_codes_replace(*, user):
    """Ten fresh one-time backup codes for `user` (the old ones stop working)."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=BACKUP_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [_backup_code() for _n in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def two_factor_disable(*, user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def code_verify(*, user, code):
    """The device that accepts `code` (six digits: the app; else a backup code), or None.
    Only that one device counts a failure, so a wrong app code never throttles the backup
    codes."""
    code = (code or "").strip().replace(" ", "").replace("-", "")
    if code.isdigit():
        devices = TOTPDevice.objects.filter(user=user, confirmed=True)
    else:
        devices = StaticDevice.objects.filter(user=user, confirmed=True)
        code = code.lower()
    device = devices.first()
    if device is None or not code:
        return None
    return verify_token(user, device.persistent_id, code)


def _digits(code):
    return (code or "").strip().replace(" ", "")


def _backup_code():
    # 40 random bits as 8 letters and digits, the form django-otp's backup codes take.
    return b32encode(secrets.token_bytes(5)).decode().lower()


def secret_for_typing(device):
    """The device's secret in base32 groups of four, for typing into an app by hand."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(text):
    """`text` as a QR code, drawn here as SVG markup (nothing is fetched from elsewhere)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=10)
    return image.to_string(encoding="unicode")


# --- the pending log-in: password right, code awaited ---------------------------------


def pending_begin(request, *, user, next_url):
    request.session[PENDING_KEY] = {
        "user": str(user.pk),
        "backend": user.backend,
        "at": int(time.time()),
        "next": next_url,
        "tries": 0,
    }


def pending_get(request):
    """The pending log-in of this session, or None when there is none or it is stale."""
    pending = request.session.get(PENDING_KEY)
    if not pending or time.time() - pending["at"] > PENDING_SECONDS:
        pending_end(request)
        return None
    return pending


def pending_failed(request, pending):
    """Counts a wrong code; True when the pending log-in has used up its tries (the
    password must be typed again)."""
    pending["tries"] += 1
    if pending["tries"] >= PENDING_TRIES:
        pending_end(request)
        return True
    request.session[PENDING_KEY] = pending
    return False


def pending_end(request):
    request.session.pop(PENDING_KEY, None)
