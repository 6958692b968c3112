"""Demo-only two-factor devices, so the README's demo can be logged in to.

Refused unless DEBUG is true (``TWO_FACTOR_DEMO_CODES_ALLOWED``): the key is published in
the README and docs/security.md, so it protects nothing.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import User

# Base32 JBSWY3DPEHPK3PXP ("Hello!" + 0xDEADBEEF), the key every TOTP tutorial uses.
DEMO_TOTP_KEY_HEX = "48656c6c6f21deadbeef"
DEMO_BACKUP_CODES = ["demo0001", "demo0002", "demo0003", "demo0004", "demo0005"]


def _refuse_outside_debug() -> None:
    if not getattr(settings, "TWO_FACTOR_DEMO_CODES_ALLOWED", False):
        raise ImproperlyConfigured("demo two-factor devices need DEBUG=true")


def give_demo_devices(*, user: User) -> TOTPDevice:
    """Give ``user`` the demo TOTP device ("default") and the demo backup codes.

    Idempotent: an existing demo device is kept; backup codes are reset to the list.
    Raises ImproperlyConfigured unless DEBUG is true.
    """
    _refuse_outside_debug()
    with transaction.atomic():
        device, _ = TOTPDevice.objects.update_or_create(
            user=user, name="default", defaults={"key": DEMO_TOTP_KEY_HEX, "confirmed": True}
        )
        backup, _ = StaticDevice.objects.get_or_create(
            user=user, name="backup", defaults={"confirmed": True}
        )
        backup.token_set.all().delete()
        StaticToken.objects.bulk_create(
            [StaticToken(device=backup, token=code) for code in DEMO_BACKUP_CODES]
        )
    return device


def current_demo_code(device: TOTPDevice) -> str:
    """The six-digit code the demo device accepts right now (valid about 30 s)."""
    _refuse_outside_debug()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


def demo_two_factor_lines(usernames: list[str]) -> list[str]:
    """Give the demo users whose role requires it the demo device; lines to print.

    Empty (and nothing changed) unless DEBUG is true. Used by ``demo-login-info``.
    """
    from samverkan.organisations.permissions import requires_two_factor

    if not getattr(settings, "TWO_FACTOR_DEMO_CODES_ALLOWED", False):
        return []
    names = []
    for user in User.objects.filter(username__in=usernames).order_by("username"):
        if requires_two_factor(user):
            give_demo_devices(user=user)
            names.append(user.username)
    if not names:
        return []
    return [
        f"Second factor for {', '.join(names)} (demo only):",
        "  add the key JBSWY3DPEHPK3PXP to an authenticator app, or run",
        "  `samverkan demo-two-factor USERNAME` for the code valid now;",
        f"  backup codes (each once): {', '.join(DEMO_BACKUP_CODES)}",
    ]
