from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "samverkan.governance"
    label = "governance"
    nav = [
        ("governance-groups", _("Groups and meetings")),
        ("governance-calendar", _("Annual calendar")),
        ("governance-referrals", _("Referral rounds")),
    ]
    nav_order = 60
    nav_section = "governance"
