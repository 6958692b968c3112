"""The audit log: every write and every read of a sensitive record, append-only.

``AuditEntry`` is django-auditlog's log entry (``AUDITLOG_LOGENTRY_MODEL``) with a
tenant column, so an auditor of one tenant sees only that tenant's entries. Writes of
registered models arrive through auditlog's signals (who, when, JSON diff, remote
address); reads of sensitive records through ``services.log_access``.

Append-only, for everybody including administrators:
- in Python, saving an existing entry or deleting one raises ``AppendOnlyError``
  (instances and querysets alike);
- in the database, a trigger refuses UPDATE and DELETE (PostgreSQL and SQLite). The
  only exception is the retention command: inside its transaction it writes a
  ``RetentionPermit`` with a cutoff, and the trigger lets DELETE through for entries
  older than that cutoff only; the permit is removed before the transaction commits.
"""

from auditlog.models import AbstractLogEntry, LogEntryManager
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samverkan.organisations.models import Tenant


class AppendOnlyError(Exception):
    """Raised on any attempt to change or delete an audit entry outside retention."""


def resolve_tenant_id(instance: models.Model) -> int | None:
    """The tenant a logged object belongs to, or None for shared rows (roles, geography).

    Looks at, in order: an ``audit_tenant_id`` attribute (apps whose tenant is further
    away define it), a Tenant itself, a ``tenant_id`` field, and the ``tenant_id`` of any
    object one foreign key away (organisation, agreement, membership…).
    """
    explicit = getattr(instance, "audit_tenant_id", None)
    if explicit is not None:
        return explicit
    if isinstance(instance, Tenant):
        return instance.pk
    if getattr(instance, "tenant_id", None) is not None:
        return instance.tenant_id
    for field in instance._meta.concrete_fields:
        if not field.is_relation or field.related_model is None:
            continue
        if not hasattr(field.related_model, "tenant_id") and field.related_model is not Tenant:
            continue
        try:
            related = getattr(instance, field.name)
        except Exception:  # a deleted related row
            continue
        if related is None:
            continue
        found = resolve_tenant_id(related) if related is not instance else None
        if found is not None:
            return found
    # A user: the tenant of their first membership (accounts belong to one tenant).
    memberships = getattr(instance, "memberships", None)
    if memberships is not None and hasattr(memberships, "values_list"):
        return memberships.values_list("organisation__tenant_id", flat=True).first()
    return None


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("the audit log is append-only")

    def delete(self):
        raise AppendOnlyError("the audit log is append-only")

    def visible_to(self, user) -> "AuditEntryQuerySet":
        """Entries an auditor may read: those of the tenants where they hold ``audit``.

        Entries without a tenant (shared rows) only for superusers. Nobody else sees any.
        """
        from samverkan.organisations.permissions import tenants_with

        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(tenant__in=tenants_with(user, "audit"))


class AuditEntryManager(LogEntryManager.from_queryset(AuditEntryQuerySet)):
    def log_create(self, instance, force_log: bool = False, **kwargs):
        kwargs.setdefault("tenant_id", resolve_tenant_id(instance))
        return super().log_create(instance, force_log=force_log, **kwargs)


class AuditEntry(AbstractLogEntry):
    """One audited write (create/update/delete) or read (access) of one object."""

    tenant = models.ForeignKey(
        Tenant,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tenant"),
    )

    objects = AuditEntryManager()

    class Meta(AbstractLogEntry.Meta):
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [models.Index(fields=["tenant", "timestamp"], name="audit_tenant_time")]
        constraints = [
            models.CheckConstraint(condition=Q(action__in=[0, 1, 2, 3]), name="audit_action_valid")
        ]

    @property
    def changes_summary(self) -> str:
        """The diff as one line: "field: old → new; m2m_field: add [a, b]"."""
        parts = []
        for name, values in (self.changes_dict or {}).items():
            if isinstance(values, dict):  # many-to-many: {"type", "operation", "objects"}
                objects = ", ".join(str(o) for o in values.get("objects", []))
                parts.append(f"{name}: {values.get('operation', '')} [{objects}]")
            elif isinstance(values, list | tuple) and len(values) == 2:
                parts.append(f"{name}: {values[0]} → {values[1]}")
            else:
                parts.append(f"{name}: {values}")
        return "; ".join(parts)

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("the audit log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("the audit log is append-only")


class RetentionPermit(models.Model):
    """Present only inside the retention command's transaction: lets the database trigger
    accept DELETE of audit entries older than ``cutoff_at``. Never committed."""

    cutoff_at = models.DateTimeField(_("delete entries older than"))

    class Meta:
        verbose_name = _("retention permit")
        verbose_name_plural = _("retention permits")

    def __str__(self) -> str:
        return f"< {self.cutoff_at:%Y-%m-%d}"
