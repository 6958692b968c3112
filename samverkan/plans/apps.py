from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "samverkan.plans"
    label = "plans"
    verbose_name = _("Action plans and follow-up")
    nav = [("plans-list", _("Action plans"))]
    nav_order = 45
    nav_section = "planning"
