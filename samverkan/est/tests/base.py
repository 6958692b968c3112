"""EST test helpers on top of the shared cast (see samverkan/test.py).

Stockholm gets the default categories and 0–3 scale. Rinkeby (a 0.02° square at
17.90–17.92 E, 59.38–59.40 N) is in Rinkeby-Kista; "Södermalm" (18.03–18.05 E,
59.30–59.32 N) in Södermalm. A second reporter, **Rami**, reports for Järva too, so
tests can show that Rut does not read a colleague's texts.
"""

from datetime import date, datetime, time

from django.utils import timezone

from samverkan.est.models import ObservationCategory, RatingScale
from samverkan.est.seed import seed_tenant
from samverkan.est.services import Where, report_observation
from samverkan.test import BaseTestCase

RINKEBY_POINT = (17.91, 59.39)
SODER_POINT = (18.04, 59.31)


class EstTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        seed_tenant(cls.stockholm)
        cls.scale = RatingScale.objects.get(tenant=cls.stockholm, version=1)
        cls.categories = {
            c.code: c for c in ObservationCategory.objects.filter(tenant=cls.stockholm)
        }
        cls.rami = cls.make_user(
            "rami", "Rami", "Rahimi", cls.jarva_sdf, "reporter", districts=[cls.rinkeby_kista]
        )

    def observe(
        self,
        *,
        by=None,
        category: str = "littering",
        rating: int = 1,
        on: date | None = None,
        point: tuple[float, float] | None = RINKEBY_POINT,
        neighbourhood=None,
        place=None,
        text: str = "Skräp vid entrén",
        organisation=None,
        hour: int = 21,
    ):
        """Store an observation through the service (Rinkeby, yesterday evening by default)."""
        on = on or timezone.localdate() - timezone.timedelta(days=1)
        if neighbourhood is None and place is None and point is None:
            neighbourhood = self.rinkeby
        if place is not None:
            district, hood = place.district, place.neighbourhood
        elif neighbourhood is not None:
            district, hood = neighbourhood.district, neighbourhood
        else:
            hood = self.rinkeby if point[0] < 18 else self.hornstull
            district = hood.district
        observation, _cleaned = report_observation(
            reporter=by or self.rut,
            organisation=organisation or self.jarva_sdf,
            category=self.categories[category],
            rating=rating,
            where=Where(district, hood, place, point),
            observed_on=on,
            observed_at=timezone.make_aware(datetime.combine(on, time(hour, 0))),
            text=text,
        )
        return observation
