"""Retention rules: how long each kind of record is kept, and the code that applies them.

A rule is a callable ``rule(*, now: datetime, dry_run: bool) -> tuple[str, int]``
returning a label and how many records it deleted (or would delete). This app's rules
cover the audit log, login records and sessions; another app adds its own by listing
dotted paths in its AppConfig: ``retention_rules = ["samverkan.est.retention.rule"]``.
Periods come from settings.RETENTION_DAYS (days; from the environment).
"""

from collections.abc import Callable
from datetime import datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils.module_loading import import_string

from .services import purge_audit_entries

Rule = Callable[..., tuple[str, int]]


def _days(key: str) -> int:
    return int(settings.RETENTION_DAYS[key])


def audit_entries(*, now: datetime, dry_run: bool) -> tuple[str, int]:
    cutoff = now - timedelta(days=_days("audit_entries"))
    return "audit entries", purge_audit_entries(older_than=cutoff, dry_run=dry_run)


def _delete(queryset, dry_run: bool) -> int:
    count = queryset.count()
    if not dry_run and count:
        queryset.delete()
    return count


def login_records(*, now: datetime, dry_run: bool) -> tuple[str, int]:
    """django-axes: failed-attempt counters, and the log of logins and failures."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    cutoff = now - timedelta(days=_days("login_records"))
    count = _delete(AccessAttempt.objects.filter(attempt_time__lt=cutoff), dry_run)
    count += _delete(AccessFailureLog.objects.filter(attempt_time__lt=cutoff), dry_run)
    count += _delete(AccessLog.objects.filter(attempt_time__lt=cutoff), dry_run)
    return "login records", count


def expired_sessions(*, now: datetime, dry_run: bool) -> tuple[str, int]:
    return "expired sessions", _delete(Session.objects.filter(expire_date__lt=now), dry_run)


def all_rules() -> list[Rule]:
    """This app's rules, then those every other app lists in ``retention_rules``."""
    rules: list[Rule] = [audit_entries, login_records, expired_sessions]
    for config in apps.get_app_configs():
        for path in getattr(config, "retention_rules", []):
            rules.append(import_string(path))
    return rules
