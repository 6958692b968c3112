from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "samverkan.common"
    label = "common"
