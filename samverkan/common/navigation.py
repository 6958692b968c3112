"""Main-menu entries contributed by apps.

An app adds entries by giving its AppConfig a ``nav`` list of ``(url_name, label)``
pairs and, optionally, ``nav_order`` (lower first). Entries are shown to logged-in users
only; the views themselves still check access.
"""

from django.apps import apps
from django.urls import NoReverseMatch, reverse


def nav_entries() -> list[dict]:
    """Return [{"url": "/situation/", "label": "Situation pictures"}, …] in menu order."""
    configs = sorted(
        (c for c in apps.get_app_configs() if getattr(c, "nav", None)),
        key=lambda c: (getattr(c, "nav_order", 100), c.label),
    )
    entries = []
    for config in configs:
        for url_name, label in config.nav:
            try:
                entries.append({"url": reverse(url_name), "label": label, "name": url_name})
            except NoReverseMatch:
                continue
    return entries
