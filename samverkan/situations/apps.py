from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SituationsConfig(AppConfig):
    name = "samverkan.situations"
    label = "situations"
    nav = [("situations-areas", _("Situation pictures"))]
    nav_order = 10
    nav_section = "situation"
