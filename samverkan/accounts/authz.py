"""Authorization-matrix entries for the project-level URLs: start page, language switch,
login and two-factor pages, and every page of the admin site (generated, see RULES)."""

import re

from samverkan.organisations.matrix import (
    FORBIDDEN,
    LOGIN,
    NOT_ALLOWED,
    NOT_AN_ERROR,
    NOT_FOUND,
    OK,
    REDIRECT,
    Entry,
)

EVERYONE_OK = {"*": OK}
USERS_OK = {"anonymous": LOGIN, "*": OK}

URLS = {
    "home": Entry(expect=EVERYONE_OK),
    "set_language": Entry(
        method="post", data={"language": "en", "next": "/"}, expect={"*": REDIRECT}
    ),
    "accounts-login": Entry(expect=EVERYONE_OK),
    "accounts-logout": Entry(method="post", expect={"*": REDIRECT}),
    "accounts-logout-everywhere": Entry(method="post", expect={"anonymous": LOGIN, "*": REDIRECT}),
    "accounts-security": Entry(expect=USERS_OK),
    "two_factor:login": Entry(expect=EVERYONE_OK),
    "two_factor:setup": Entry(expect=USERS_OK),
    # No QR code before the setup wizard has made a secret for this session.
    "two_factor:qr": Entry(expect={"anonymous": LOGIN, "*": NOT_FOUND}),
    "two_factor:setup_complete": Entry(expect=USERS_OK),
    "two_factor:backup_tokens": Entry(expect=USERS_OK),
    "admin-login-redirect": Entry(expect={"*": LOGIN}),
}

# Admin pages a tenant administrator may use (TenantScopedAdmin), with the Stockholm
# object the matrix opens; everything else in the admin is for superusers only.
SCOPED_ADMIN_OBJECTS = {
    "organisations_tenant": lambda w: w.stockholm,
    "organisations_organisation": lambda w: w.city,
    "organisations_membership": lambda w: w.anna.memberships.get(),
    "accounts_user": lambda w: w.anna,
}
MODEL_URL = re.compile(
    r"^admin:(?P<model>[a-z_]+?)_(?P<action>changelist|add|history|delete|change)$"
)
OBJECT_REDIRECT = re.compile(r"^admin/(?P<app>\w+)/(?P<model>\w+)/<path:object_id>/$")

# Anonymous visitors and users who are not staff are sent to log in on every admin page;
# the platform operator (superuser) may use them all.
NOT_STAFF = {"anonymous": LOGIN, "*": LOGIN, "superuser": NOT_AN_ERROR}


def _staff(outcome: str, **per_actor: str) -> dict[str, str]:
    return {**NOT_STAFF, "staff": outcome, **per_actor}


def _object_kwargs(model_key: str):
    getter = SCOPED_ADMIN_OBJECTS.get(model_key)
    if getter is None:
        return lambda w: {"object_id": "0"}  # superuser-only pages: refused before lookup
    return lambda w: {"object_id": str(getter(w).pk)}


def admin_rule(key: str, route: str) -> Entry | None:
    """Expectations for every admin URL pattern (generated per registered model)."""
    if not (key.startswith("admin:") or route.startswith("admin/")):
        return None
    fixed = {
        "admin:index": Entry(expect=_staff(OK)),
        "admin:login": Entry(expect={"*": LOGIN}),  # our redirect to the two-factor login
        # The admin sends non-staff to its index on logout; staff must POST.
        "admin:logout": Entry(
            expect={"*": REDIRECT, "staff": NOT_ALLOWED, "superuser": NOT_ALLOWED}
        ),
        "admin:password_change": Entry(expect=_staff(OK)),
        "admin:password_change_done": Entry(expect=_staff(OK)),
        "admin:jsi18n": Entry(expect=_staff(OK)),
        "admin:autocomplete": Entry(expect=_staff(FORBIDDEN)),
        "admin:view_on_site": Entry(
            kwargs=lambda w: {"content_type_id": 1, "object_id": "0"},
            expect=_staff(NOT_FOUND),
        ),
        "admin:app_list": Entry(kwargs=lambda w: {"app_label": "organisations"}, expect=_staff(OK)),
        "admin/(?P<url>.*)$": Entry(kwargs=lambda w: {"url": "nope/"}, expect=_staff(NOT_FOUND)),
        # OTP_ADMIN_HIDE_SENSITIVE_DATA: nobody, superusers included, reads TOTP secrets.
        "admin:otp_totp_totpdevice_config": Entry(
            kwargs=lambda w: {"pk": 0}, expect={**_staff(FORBIDDEN), "superuser": FORBIDDEN}
        ),
        "admin:otp_totp_totpdevice_qrcode": Entry(
            kwargs=lambda w: {"pk": 0}, expect={**_staff(FORBIDDEN), "superuser": FORBIDDEN}
        ),
        "admin:auth_user_password_change": Entry(
            kwargs=lambda w: {"id": w.anna.pk}, expect=_staff(OK, gunnar=NOT_FOUND)
        ),
    }
    if key in fixed:
        return fixed[key]
    redirect = OBJECT_REDIRECT.match(route)
    if redirect:
        model_key = f"{redirect['app']}_{redirect['model']}"
        return Entry(kwargs=_object_kwargs(model_key), expect=_staff(REDIRECT))
    match = MODEL_URL.match(key)
    if not match:
        return None
    model_key, action = match["model"], match["action"]
    kwargs = _object_kwargs(model_key) if action in ("history", "delete", "change") else None
    if model_key not in SCOPED_ADMIN_OBJECTS:
        # No Django permissions for tenant administrators: refused, except that the
        # history page answers "no such object" (a redirect) before it checks rights.
        return Entry(kwargs=kwargs, expect=_staff(REDIRECT if action == "history" else FORBIDDEN))
    if model_key == "organisations_tenant" and action in ("add", "delete"):
        return Entry(kwargs=kwargs, expect=_staff(FORBIDDEN))
    if action in ("changelist", "add"):
        return Entry(kwargs=kwargs, expect=_staff(OK))
    # The Stockholm object: Stockholm's administrator opens it; Grannby's is told it does
    # not exist (the admin's redirect to its index), exactly as for a missing id.
    return Entry(kwargs=kwargs, expect=_staff(OK, gunnar=REDIRECT))


RULES = [admin_rule]
