from django.apps import AppConfig


class SectionAppConfig(AppConfig):
    """A test-only app that contributes two situation sections (one says nothing)."""

    name = "samverkan.situations.tests.section_app"
    label = "situations_test_section_app"
    situation_sections = [
        "samverkan.situations.tests.section_app.sections.period_section",
        "samverkan.situations.tests.section_app.sections.silent_section",
    ]
