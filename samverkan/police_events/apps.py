from django.apps import AppConfig


class PoliceEventsConfig(AppConfig):
    name = "samverkan.police_events"
    label = "police_events"
