from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementConfig(AppConfig):
    """Placement of police events in districts and neighbourhoods from their text.

    No models and no pages: a gazetteer read from data/gazetteer/, a pure-Python placer,
    a service that writes the result onto PoliceEvent, and the ``place-events`` command.
    """

    name = "samverkan.placement"
    label = "placement"
    verbose_name = _("Placement of police events")
