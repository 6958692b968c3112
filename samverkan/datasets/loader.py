"""``load_bundled_data``: the bundled real data and the Stockholm tenant, in dependency order.

Each step is an importer (see ``samverkan import``) or a seed loader; all compare with
what is stored, so a second run writes nothing. Paths are relative to settings.DATA_DIR
(the repository's data/ folder; see data/PROVENANCE.md).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings

from samverkan.crime_statistics.importers import import_bra
from samverkan.datasets.base import ImportResult
from samverkan.datasets.demo import create_demo_users
from samverkan.datasets.seed import load_agreements, load_roles, load_tenant
from samverkan.geography.importers import import_geojson, import_scb_population
from samverkan.organisations.models import Tenant
from samverkan.police_events.importers import import_police_events

EVENTS = "polisen-events/events_stockholms_lan_2022-09_2025-11"
TENANT = "stockholm"


@dataclass
class Step:
    title: str
    run: Callable[[], ImportResult]


def steps(*, demo_users: bool = True) -> list[Step]:
    data = settings.DATA_DIR
    tenant_dir = data / "tenants" / TENANT
    items = [
        Step(
            "Municipalities (290, SCB codes and boundaries)",
            lambda: import_geojson(
                data / "sweden-kommuner/swedish_municipalities.geojson",
                kind="municipality",
                source="okfse/sweden-geojson (Valmyndigheten via opendatasoft, simplified 2 %)",
            ),
        ),
        Step(
            "Municipal population (SCB, 31 Dec 2019)",
            lambda: import_scb_population(data / "scb-befolkning/SCB_alderkon_2019.csv"),
        ),
        Step(
            "Districts of Stockholm (13 stadsdelsområden, population)",
            lambda: import_geojson(
                data
                / "folkhalsokollen-omraden/stockholms_lan_kommuner_och_stadsdelsomraden.geojson",
                kind="district",
                source="Folkhälsokollen (Region Stockholm, CES), simplified",
            ),
        ),
        Step(
            "Neighbourhoods of Stockholm (117 stadsdelar)",
            lambda: import_geojson(
                data / "stockholm-stadsdelar/stadsdelar_utan_vatten_simplified.geo.json",
                kind="neighbourhood",
                source=(
                    "Stockholms stad Stadskarta via KTHHealthData/stockholm-stadsdelar (CC0), "
                    "without water"
                ),
            ),
        ),
        Step("Roles", lambda: load_roles(data / "tenants/roles.toml")),
        Step("Stockholm tenant: organisations and coverage", lambda: load_tenant(tenant_dir)),
        Step(
            "Stockholm tenant: agreements, priority areas, mapping",
            lambda: load_agreements(tenant_dir, TENANT),
        ),
        Step(
            "Brå reported crime 2010–2025",
            lambda: import_bra(
                data / "bra-anmalda-brott/bra_anmalda_brott_stockholms_lan_2010-2025.csv"
            ),
        ),
        Step(
            "Polisen events: earlier versions, replayed in order",
            lambda: import_police_events(data / f"{EVENTS}_versions.jsonl"),
        ),
        Step(
            "Polisen events: Stockholm county with event pages",
            lambda: import_police_events(
                data / f"{EVENTS}.json", pages=data / f"{EVENTS}_html_text.jsonl"
            ),
        ),
    ]
    if demo_users:
        items.append(Step("Demo users", lambda: create_demo_users(Tenant.objects.get(slug=TENANT))))
    return items


def load_bundled_data(*, demo_users: bool = True, progress: Callable[[str], None] = print) -> bool:
    """Run every step, reporting each; returns True when anything was written."""
    items = steps(demo_users=demo_users)
    wrote = False
    for number, step in enumerate(items, start=1):
        progress(f"[{number}/{len(items)}] {step.title} …")
        result = step.run()
        wrote = wrote or result.wrote_anything
        progress(f"      {result.summary()}")
    return wrote
