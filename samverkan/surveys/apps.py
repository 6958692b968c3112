from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "samverkan.surveys"
    label = "surveys"
    verbose_name = _("Safety surveys")
    nav = [("surveys-list", _("Safety surveys"))]
    nav_order = 40
    nav_section = "situation"
    situation_sections = ["samverkan.surveys.situation.section"]
