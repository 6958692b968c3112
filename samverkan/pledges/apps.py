from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PledgesConfig(AppConfig):
    name = "samverkan.pledges"
    label = "pledges"
    nav = [("pledges-list", _("Citizen pledges"))]
    nav_order = 70
    nav_section = "communication"
    # The activity's page lists the promises it carries out (samverkan/plans/links.py).
    activity_links = ["samverkan.pledges.links.promises_of_activity"]
