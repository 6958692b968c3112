"""Small helpers for placement tests: events in the feed's shape."""

from samverkan.placement.gazetteer import default_gazetteer, slugify
from samverkan.placement.placer import Placement, place


def event(summary: str, location: str = "Stockholm", name: str | None = None, **extra) -> dict:
    """An event in the API's shape; ``name`` defaults to "1 maj 12.00, Rån, <location>"."""
    return {
        "id": extra.pop("id", 1),
        "name": name or f"1 maj 12.00, Rån, {location}",
        "summary": summary,
        "url": extra.pop(
            "url", f"/aktuellt/handelser/2025/maj/1/01-maj-12.00-ran-{slugify(location)}/"
        ),
        "type": "Rån",
        "location": {"name": location, "gps": "59.329324,18.068581"},
        **extra,
    }


def placed(summary: str, location: str = "Stockholm", body: str = "", **extra) -> Placement:
    page = {"html_preamble": summary, "html_body": body} if body else None
    return place(event(summary, location, **extra), page, default_gazetteer())
