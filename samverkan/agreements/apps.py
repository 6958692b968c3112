from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "samverkan.agreements"
    label = "agreements"
    nav = [
        ("agreements-list", _("Agreements")),
        ("agreements-coverage", _("Coverage check")),
    ]
    nav_order = 20
    nav_section = "planning"
