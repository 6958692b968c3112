from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProblemsConfig(AppConfig):
    name = "samverkan.problems"
    label = "problems"
    verbose_name = _("Problems and cause analyses")
    nav = [("problems-list", _("Problems"))]
    nav_order = 40
    nav_section = "planning"
    # The situation picture lists the area's problems and links to "register a problem
    # from this picture" (problem → cause → measure starts there).
    situation_sections = ["samverkan.problems.situation.section"]
