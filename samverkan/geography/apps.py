from django.apps import AppConfig


class GeographyConfig(AppConfig):
    name = "samverkan.geography"
    label = "geography"
