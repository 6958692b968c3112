"""Writes of the audit app: logging a sensitive read, and retention's purge."""

from datetime import datetime

from django.conf import settings
from django.db import connections, models, transaction
from django.http import HttpRequest

from .models import AuditEntry, RetentionPermit


def client_address(request: HttpRequest | None) -> str | None:
    """The client's IP address: REMOTE_ADDR, or X-Forwarded-For behind a trusted proxy."""
    if request is None:
        return None
    if getattr(settings, "AXES_IPWARE_PROXY_COUNT", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        parts = [p.strip() for p in forwarded.split(",") if p.strip()]
        if parts:
            return parts[-settings.AXES_IPWARE_PROXY_COUNT]
    return request.META.get("REMOTE_ADDR") or None


def log_access(user, obj: models.Model, request: HttpRequest | None = None) -> AuditEntry:
    """Record that ``user`` read ``obj``, a sensitive record; call it in the view that shows it.

    Sensitive: observations' free text, unpublished reports, statements before they are
    public. The entry carries who, when (UTC), from which address, the object and its
    tenant (see ``resolve_tenant_id``). Returns the new entry; never raises for an
    anonymous ``user`` (the actor is then empty).
    """
    actor = user if getattr(user, "is_authenticated", False) else None
    return AuditEntry.objects.log_create(
        obj,
        force_log=True,
        action=AuditEntry.Action.ACCESS,
        changes=None,
        actor=actor,
        actor_email=getattr(actor, "email", None) or None,
        remote_addr=client_address(request),
        additional_data={"path": request.path} if request is not None else None,
    )


def purge_audit_entries(
    *, older_than: datetime, dry_run: bool = False, using: str = "default"
) -> int:
    """Delete audit entries with ``timestamp`` before ``older_than`` (retention only).

    Returns how many entries were (or, with ``dry_run``, would be) deleted. The database
    trigger accepts the DELETE only because a RetentionPermit with the same cutoff exists
    inside this transaction; the permit is removed before commit.
    """
    old = AuditEntry.objects.using(using).filter(timestamp__lt=older_than)
    count = old.count()
    if dry_run or count == 0:
        return count
    with transaction.atomic(using=using):
        permit = RetentionPermit.objects.using(using).create(cutoff_at=older_than)
        # QuerySet.delete() is refused by design; a raw DELETE is the one way through.
        with connections[using].cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {AuditEntry._meta.db_table} WHERE timestamp < %s", [older_than]
            )
        RetentionPermit.objects.using(using).filter(pk=permit.pk).delete()
    return count
