"""Main-menu entries contributed by apps, grouped into a few sections.

An app adds entries by giving its AppConfig a ``nav`` list and a ``nav_section`` (one of
the keys of ``SECTIONS``; default ``"planning"``) and, optionally, ``nav_order`` (lower
first within the section). Each entry is ``(url_name, label)`` or
``(url_name, label, check)``, where ``check`` says who sees the entry:

- a capability code (``"report_observation"``, ``"audit"``, …; see
  organisations/permissions.py): shown to users with a membership in force granting it;
- ``"staff"``: shown to staff users (the admin site);
- a dotted path to a predicate ``(user) -> bool``: the module's own rule where it
  differs from a plain capability (EST reporting needs an organisation to report for,
  which a superuser does not have).

Superusers pass capability and staff checks (as ``has_capability``); predicates decide
for them too.

Entries without a check are shown to every logged-in member. The menu only hides what a
user cannot open; every view still checks access itself (a hidden URL typed by hand
still answers 404). See docs/decisions/0093-grouped-main-menu.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

# The sections of the main menu, in menu order: (key, label).
SECTIONS: list[tuple[str, Promise]] = [
    ("situation", _("Situation picture")),
    ("planning", _("Planning")),
    ("follow_up", _("Follow-up")),
    ("governance", _("Governance")),
    ("communication", _("Communication")),
    ("administration", _("Administration")),
]
DEFAULT_SECTION = "planning"


@dataclass
class NavSection:
    """One section of the menu: its key, label and the entries the user may open."""

    key: str
    label: Promise | str
    entries: list[dict] = field(default_factory=list)
    current: bool = False  # one of the entries is the page being shown


def _allowed(check: str | None, user, capabilities: frozenset[str] | None) -> bool:
    if check is None or user is None:  # no user given: the full menu (tests, page lists)
        return True
    if "." in check:  # the module's own rule, superusers included
        predicate: Callable = import_string(check)
        return bool(predicate(user))
    if getattr(user, "is_superuser", False):  # as has_capability: passes every check
        return True
    if check == "staff":
        return bool(getattr(user, "is_staff", False))
    return check in (capabilities or frozenset())


def nav_entries(user=None, *, capabilities: Iterable[str] | None = None) -> list[dict]:
    """Return [{"url": "/situation/", "label": …, "name": url_name, "section": key}, …].

    In menu order: by section (``SECTIONS``), then ``nav_order``, then app label. With
    ``user`` only the entries the user may open; ``capabilities`` are the user's capability
    codes in force (computed from ``user`` when not given). Without ``user``: every entry.
    """
    caps = None
    if user is not None and not getattr(user, "is_superuser", False):
        if capabilities is None:
            from samverkan.organisations.permissions import active_memberships

            memberships = active_memberships(user)
            capabilities = {c for m in memberships for c in (m.role.capabilities or [])}
        caps = frozenset(capabilities)
    order = {key: i for i, (key, _label) in enumerate(SECTIONS)}
    configs = sorted(
        (c for c in apps.get_app_configs() if getattr(c, "nav", None)),
        key=lambda c: (
            order.get(getattr(c, "nav_section", DEFAULT_SECTION), len(order)),
            getattr(c, "nav_order", 100),
            c.label,
        ),
    )
    entries = []
    for config in configs:
        section = getattr(config, "nav_section", DEFAULT_SECTION)
        for url_name, label, *rest in config.nav:
            check = rest[0] if rest else None
            if not _allowed(check, user, caps):
                continue
            try:
                url = reverse(url_name)
            except NoReverseMatch:
                continue
            entries.append({"url": url, "label": label, "name": url_name, "section": section})
    return entries


def nav_sections(entries: list[dict], path: str = "") -> list[NavSection]:
    """Group ``nav_entries`` into the non-empty sections, in ``SECTIONS`` order.

    Each entry gets ``current`` (its URL is ``path``, the page being shown) and each
    section ``current`` when one of its entries is.
    """
    sections = [NavSection(key, label) for key, label in SECTIONS]
    by_key = {s.key: s for s in sections}
    for entry in entries:
        section = by_key.get(entry["section"], by_key[DEFAULT_SECTION])
        entry = {**entry, "current": entry["url"] == path}
        section.entries.append(entry)
        section.current = section.current or entry["current"]
    return [s for s in sections if s.entries]
