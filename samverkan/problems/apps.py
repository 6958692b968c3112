from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProblemsConfig(AppConfig):
    name = "samverkan.problems"
    label = "problems"
    verbose_name = _("Problems and cause analyses")
    nav = [("problems-list", _("Problems"))]
    nav_order = 40
    # The situation picture's "problems and measures" section is ready in
    # samverkan.problems.situation.section; to show it, add
    #   situation_sections = ["samverkan.problems.situation.section"]
    # here (the situations app's pinned query counts then grow by the section's queries).
