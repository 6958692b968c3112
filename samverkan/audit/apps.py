from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "samverkan.audit"
    label = "audit"
    verbose_name = _("Audit")
    nav = [("audit-list", _("Audit log"))]
    nav_order = 900
