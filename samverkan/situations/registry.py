"""The section registry: other apps add their own parts to the situation picture.

An app contributes sections by giving its AppConfig a list of dotted paths::

    class EstConfig(AppConfig):
        situation_sections = ["samverkan.est.situation.section"]

Each callable is called as ``section(*, area, start, end, user)`` where ``area`` is a
geography Municipality, District or Neighbourhood, ``start``/``end`` are dates (both
inclusive) and ``user`` is the requesting user (None from the command line; a section
showing non-public data must then return None or filter through its own ``visible_to``).
It returns None (nothing to show) or a dict::

    {"key": "est",                        # unique, [a-z0-9_-]; the key in JSON "sections"
     "title": "EST reports",              # heading on the page (already translated)
     "template": "est/situation_section.html",
     "context": {...},                    # given to the template (plus area, start, end)
     "data": {...}}                       # JSON-serialisable figures, under sections[key]
"""

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

REQUIRED_KEYS = ("key", "title", "template", "context", "data")
KEY_RE = re.compile(r"^[a-z0-9_-]+$")


def section_callables() -> list[Callable[..., dict | None]]:
    """Every registered section callable, in app order (INSTALLED_APPS), then list order.

    Raises ImproperlyConfigured when a dotted path does not import.
    """
    found = []
    for config in apps.get_app_configs():
        for path in getattr(config, "situation_sections", None) or []:
            try:
                found.append(import_string(path))
            except ImportError as e:
                raise ImproperlyConfigured(
                    f"{config.name}.situation_sections: cannot import {path!r}: {e}"
                ) from e
    return found


def collect_sections(*, area: Any, start: date, end: date, user: Any) -> list[dict]:
    """Call every registered section and return the dicts that are not None.

    Raises ImproperlyConfigured when a section returns a dict without one of the
    REQUIRED_KEYS, with a malformed key, or with a key another section already used.
    """
    sections: list[dict] = []
    seen: set[str] = set()
    for func in section_callables():
        result = func(area=area, start=start, end=end, user=user)
        if result is None:
            continue
        name = f"{func.__module__}.{func.__qualname__}"
        missing = [k for k in REQUIRED_KEYS if k not in result]
        if missing:
            raise ImproperlyConfigured(f"situation section {name} lacks {', '.join(missing)}")
        key = result["key"]
        if not isinstance(key, str) or not KEY_RE.match(key):
            raise ImproperlyConfigured(f"situation section {name}: bad key {key!r}")
        if key in seen:
            raise ImproperlyConfigured(f"situation section {name}: key {key!r} used twice")
        seen.add(key)
        sections.append(result)
    return sections
