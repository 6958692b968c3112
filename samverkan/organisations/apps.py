from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "samverkan.organisations"
    label = "organisations"
    # Tenant administrators (staff) keep organisations, memberships and users in the
    # admin site; the menu shows it to staff only.
    nav = [("admin:index", _("Administration site"), "staff")]
    nav_order = 10
    nav_section = "administration"
