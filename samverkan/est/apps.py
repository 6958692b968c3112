from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EstConfig(AppConfig):
    name = "samverkan.est"
    label = "est"
    verbose_name = _("EST weekly reporting")
    nav = [
        ("est-report", _("Report an observation"), "samverkan.est.permissions.can_report"),
        ("est-weekly", _("Weekly picture"), "samverkan.est.permissions.sees_picture"),
    ]
    nav_order = 30
    nav_section = "situation"
    situation_sections = ["samverkan.est.situation.section"]
