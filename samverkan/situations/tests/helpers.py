"""Fixtures for the situation-picture tests: a small, readable set of police events.

The period under test is February–March 2025 (59 days; 2025-02-01 is a Saturday, so ISO
week 2025-W05 is only 2 days inside it, and 2025-03-31 is a Monday, so 2025-W14 is 1
day). The previous period of equal length is 2024-12-04 – 2025-01-31.
"""

from datetime import date, datetime, time
from itertools import count
from zoneinfo import ZoneInfo

from samverkan.crime_statistics.models import CrimeCategory, ReportedCrime
from samverkan.geography.models import Municipality
from samverkan.police_events.models import PoliceEvent
from samverkan.test import BaseTestCase

STOCKHOLM_TZ = ZoneInfo("Europe/Stockholm")
START = date(2025, 2, 1)
END = date(2025, 3, 31)
PREV_START = date(2024, 12, 4)
PREV_END = date(2025, 1, 31)
_ids = count(900000)


class SituationTestCase(BaseTestCase):
    """BaseTestCase plus police events and Brå figures for Stockholm and its county.

    ``cls.events`` is the list of every PoliceEvent created, so tests can compute the
    expected figures from it independently of the selector.
    """

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.solna = Municipality.objects.create(
            code="0184", name="Solna", county_code="01", county_name="Stockholms län"
        )
        cls.sundbyberg = Municipality.objects.create(
            code="0183", name="Sundbyberg", county_code="01", county_name="Stockholms län"
        )
        cls.stockholm_m.county_name = "Stockholms län"
        cls.stockholm_m.save()
        cls.events: list[PoliceEvent] = []
        sthlm, rk, so = cls.stockholm_m, cls.rinkeby_kista, cls.sodermalm
        rinkeby, hornstull = cls.rinkeby, cls.hornstull
        specs = [
            # (incident date, type, municipality, district, neighbourhood)
            (date(2024, 12, 3), "Rån", sthlm, None, None),  # before the previous period
            (date(2024, 12, 4), "Rån", sthlm, None, None),  # first day of previous period
            (date(2025, 1, 15), "Brand", sthlm, rk, rinkeby),
            (date(2025, 1, 31), "Misshandel", sthlm, so, None),  # last day of previous
            (date(2025, 2, 1), "Rån", sthlm, rk, rinkeby),  # first day, W05 (partial)
            (date(2025, 2, 2), "Misshandel", sthlm, None, None),  # W05
            (date(2025, 2, 3), "Misshandel", sthlm, rk, None),  # W06
            (date(2025, 2, 5), "Rån", sthlm, rk, rinkeby),
            (date(2025, 2, 5), "Brand", sthlm, so, hornstull),
            (date(2025, 2, 14), "Skottlossning", sthlm, rk, None),
            (date(2025, 2, 20), "Misshandel", sthlm, None, None),
            (date(2025, 3, 1), "Rån", sthlm, None, None),
            (date(2025, 3, 10), "Brand", sthlm, so, None),
            (date(2025, 3, 10), "Misshandel", sthlm, rk, rinkeby),
            (date(2025, 3, 30), "Rån", sthlm, None, None),  # W13
            (date(2025, 3, 31), "Misshandel", sthlm, rk, None),  # last day, W14 (partial)
            (date(2025, 4, 1), "Rån", sthlm, rk, rinkeby),  # after the period
            (date(2025, 2, 10), "Rån", cls.solna, None, None),  # other municipality
            (date(2025, 2, 11), "Brand", cls.grannby_m, None, None),  # other county
        ]
        for day, type_, municipality, district, neighbourhood in specs:
            cls.events.append(
                cls.make_event(
                    day,
                    type_,
                    municipality=municipality,
                    district=district,
                    neighbourhood=neighbourhood,
                )
            )
        # County-level rows: two that name no municipality, one resolved to Stockholm.
        for day in (date(2025, 2, 7), date(2025, 3, 7)):
            cls.events.append(
                cls.make_event(
                    day,
                    "Sammanfattning natt",
                    municipality=None,
                    county_level=True,
                    location_name="Stockholms län",
                )
            )
        cls.events.append(
            cls.make_event(
                date(2025, 2, 8),
                "Trafikolycka",
                municipality=sthlm,
                county_level=True,
                location_name="Stockholms län",
            )
        )
        cls.events.append(  # county level before the period: not counted
            cls.make_event(
                date(2025, 1, 7),
                "Sammanfattning natt",
                municipality=None,
                county_level=True,
                location_name="Stockholms län",
            )
        )

        cls.bra_rows = [
            # (municipality, year, category, count, per_100k)
            (sthlm, 2023, CrimeCategory.TOTAL, 148000, 15100.0),
            (sthlm, 2024, CrimeCategory.TOTAL, 150000, 15000.0),
            (sthlm, 2024, CrimeCategory.BURGLARY, 1200, 120.0),
            (cls.solna, 2024, CrimeCategory.TOTAL, 12000, 14000.0),
            (cls.solna, 2024, CrimeCategory.BURGLARY, 90, 105.0),
            (cls.sundbyberg, 2024, CrimeCategory.TOTAL, 9000, 10000.0),
            (cls.sundbyberg, 2024, CrimeCategory.BURGLARY, 0, 0.0),  # no implied population
            (cls.grannby_m, 2024, CrimeCategory.TOTAL, 500, 50000.0),  # other county
        ]
        for municipality, year, category, n, rate in cls.bra_rows:
            ReportedCrime.objects.create(
                municipality=municipality,
                year=year,
                category=category,
                count=n,
                per_100k=rate,
                source="Brå, anmälda brott (test)",
            )

    @classmethod
    def make_event(
        cls,
        day: date,
        type_: str,
        *,
        municipality: Municipality | None,
        district=None,
        neighbourhood=None,
        county_level: bool = False,
        location_name: str | None = None,
    ) -> PoliceEvent:
        event_id = next(_ids)
        where = location_name or (municipality.name if municipality else "Stockholms län")
        occurred_at = datetime.combine(day, time(21, 30), tzinfo=STOCKHOLM_TZ)
        return PoliceEvent.objects.create(
            event_id=event_id,
            published_at=occurred_at,
            occurred_on=day,
            occurred_at=occurred_at,
            name=f"{day.day} {day:%B} 21.30, {type_}, {where}",
            summary="Test",
            url=f"/aktuellt/handelser/{event_id}/",
            type=type_,
            location_name=where,
            county_level=county_level,
            municipality=municipality,
            district=district,
            neighbourhood=neighbourhood,
            content_hash=str(event_id),
        )

    def period_query(self, start: date = START, end: date = END) -> str:
        return f"?from={start.isoformat()}&to={end.isoformat()}"
