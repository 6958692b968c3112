from django.apps import AppConfig


class DatasetsConfig(AppConfig):
    name = "samverkan.datasets"
    label = "datasets"
