from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "samverkan.audit"
    label = "audit"
    verbose_name = _("Audit")
    # The menu shows the log only to users holding ``audit`` (others get 404).
    nav = [("audit-list", _("Audit log"), "audit")]
    nav_order = 20
    nav_section = "administration"
