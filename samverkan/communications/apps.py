from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunicationsConfig(AppConfig):
    name = "samverkan.communications"
    label = "communications"
    nav = [("communications-list", _("Joint communication"))]
    nav_order = 80
    nav_section = "communication"
