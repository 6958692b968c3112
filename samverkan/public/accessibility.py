"""The accessibility statement (tillgänglighetsredogörelse) that lagen (2018:1937) om
tillgänglighet till digital offentlig service (DOS-lagen) requires, after DIGG's model.

The text describes the software and is the same for every tenant; the responsible body
is the tenant, and where to report problems is the tenant's option
``accessibility_contact``: a table with any of ``name``, ``email``, ``phone`` and ``url``
(data/tenants/<slug>/tenant.toml, or the tenant's options in the admin site). Update
``ASSESSED_ON``/``UPDATED_ON`` and ``GAPS`` whenever the service is assessed again
(docs/decisions/0094-accessibility-statement.md).
"""

from dataclasses import dataclass
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samverkan.organisations.models import Tenant

# When the service was last assessed, and when this statement was last changed.
ASSESSED_ON = date(2026, 11, 30)
UPDATED_ON = date(2026, 11, 30)
# DIGG's page for reporting inadequate accessibility (required by DIGG's model).
DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan"
DIGG_URL = "https://www.digg.se/"
LAW_URL = (
    "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/"
    "lag-20181937-om-tillganglighet-till-digital_sfs-2018-1937/"
)


@dataclass(frozen=True)
class Gap:
    """A known shortcoming: what it is and what to do instead; ``criteria`` are the
    WCAG 2.1 success criteria it fails ("" for a known problem that is not a failure or
    has not been assessed)."""

    title: Promise
    text: Promise
    criteria: str


GAPS = [
    Gap(
        _("No warning before automatic log-out"),
        _(
            "For security you are logged out after a period without activity (30 minutes "
            "unless your organisation has set another). There is no warning before it "
            "happens and no way to ask for more time, so text typed into a form that was "
            "not saved is lost."
        ),
        "2.2.1",
    ),
    Gap(
        _("Swedish content on the English pages is not marked as Swedish"),
        _(
            "Names of areas, agreements and categories and texts written by users are "
            "stored in Swedish. On the English pages they are not marked as Swedish, so a "
            "screen reader may read them with English pronunciation."
        ),
        "3.1.2",
    ),
    Gap(
        _("Maps put every area in the tab order"),
        _(
            "Every area and place on a map can be reached with the keyboard and is read "
            "out with its value, and the map can be moved and zoomed with the keyboard. "
            "On a map with many areas you have to tab through all of them to get past the "
            "map. Every map has a table with the same figures next to it; the table is "
            "the easier way to read them."
        ),
        "",
    ),
    Gap(
        _("Documents and exports have not been checked with assistive technology"),
        _(
            "PDF files the service creates are tagged (PDF/UA-1) and Word files use real "
            "headings, but the first row of a table in a Word file is not marked as a "
            "header row, and no export has been checked with a screen reader. Files that "
            "users upload (for example signed agreements or minutes) are shown as they "
            "were uploaded and may not be accessible."
        ),
        "1.3.1",
    ),
    Gap(
        _("The administration site has not been tested"),
        _(
            "The administration site used by tenant administrators (organisations, "
            "memberships and users) is Django's standard admin. It is not part of the "
            "automated accessibility tests and does not use the service's design."
        ),
        "",
    ),
]


def contact_for(tenant: Tenant | None) -> dict[str, str]:
    """The tenant's ``accessibility_contact`` as {"name", "email", "phone", "url"} (only
    the non-empty keys); {} when the tenant has none or there is no tenant."""
    if tenant is None:
        return {}
    raw = tenant.option("accessibility_contact") or {}
    if not isinstance(raw, dict):
        return {}
    return {
        key: str(raw[key]).strip()
        for key in ("name", "email", "phone", "url")
        if str(raw.get(key) or "").strip()
    }
