from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EstConfig(AppConfig):
    name = "samverkan.est"
    label = "est"
    verbose_name = _("EST weekly reporting")
    nav = [
        ("est-report", _("Report an observation")),
        ("est-weekly", _("Weekly picture")),
    ]
    nav_order = 30
    situation_sections = ["samverkan.est.situation.section"]
