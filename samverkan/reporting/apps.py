from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "samverkan.reporting"
    label = "reporting"
    nav = [
        ("reporting-reports", _("Reports")),
        ("reporting-overview", _("Preparatory group")),
        ("reporting-compilations", _("Year-end compilation")),
    ]
    nav_order = 50
    nav_section = "follow_up"
