from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "samverkan.audit"
    label = "audit"
    verbose_name = _("Audit")
    # No menu entry: the menu is the same for every logged-in user, and the audit log is
    # for auditors only (others get 404). Auditors open /audit/ (docs/security.md).
