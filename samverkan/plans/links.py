"""What other apps link to an activity: shown on the activity's page without plans
importing them (pledges depends on plans, not the other way round).

An app lists dotted paths on its AppConfig::

    class PledgesConfig(AppConfig):
        activity_links = ["samverkan.pledges.links.promises_of_activity"]

Each callable is called as ``links(*, activity, user)`` and returns None (nothing to show)
or ``{"title": str (translated), "items": [{"label": str, "url": str}, …]}``. It must apply
its own visibility gate (``visible_to(user)``): the activity's page shows whatever it
returns.
"""

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string


def activity_links(*, activity, user) -> list[dict]:
    """Every registered provider's links for ``activity``, in app order; empty ones left out.

    Raises ImproperlyConfigured when a dotted path does not import.
    """
    found = []
    for config in apps.get_app_configs():
        for path in getattr(config, "activity_links", None) or []:
            try:
                provider = import_string(path)
            except ImportError as e:
                raise ImproperlyConfigured(
                    f"{config.name}.activity_links: cannot import {path!r}: {e}"
                ) from e
            result = provider(activity=activity, user=user)
            if result and result.get("items"):
                found.append(result)
    return found
