from django.apps import AppConfig


class SituationsConfig(AppConfig):
    name = "samverkan.situations"
    label = "situations"
