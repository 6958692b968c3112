from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "samverkan.places"
    label = "places"
    verbose_name = _("Places and safety walks")
    nav = [
        ("places-list", _("Places")),
        ("places-walks", _("Safety walks")),
    ]
    nav_order = 35
    nav_section = "situation"
