from django.apps import AppConfig


class CrimeStatisticsConfig(AppConfig):
    name = "samverkan.crime_statistics"
    label = "crime_statistics"
