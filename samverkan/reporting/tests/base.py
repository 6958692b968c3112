from datetime import date

from samverkan.agreements.models import PartyRole
from samverkan.plans import services as plans
from samverkan.plans.models import ActivityType, ExpectedEffect, OwnerParty
from samverkan.test import CITY_AREAS, BaseTestCase

ALL_FIVE = [code for code, _name in CITY_AREAS]


class ReportingCase(BaseTestCase):
    """Two local agreements under the city frame: Järva (Per, Olle) and Södermalm (Sara)."""

    def setUp(self) -> None:
        self.jarva = self.make_local_agreement("Lokal överenskommelse Järva", covers=ALL_FIVE)
        self.jarva.districts.add(self.rinkeby_kista)
        self.soder = self.make_local_agreement(
            "Lokal överenskommelse Södermalm",
            covers=ALL_FIVE,
            parties=[
                (self.sodermalm_sdf, PartyRole.MUNICIPAL),
                (self.lpo_sodermalm, PartyRole.POLICE),
            ],
        )
        self.soder.districts.add(self.sodermalm)

    def make_plan(self, agreement, *, year: int = 2026):
        return plans.create_plan(
            agreement=agreement,
            title=f"Handlingsplan {agreement.title}",
            starts_on=date(year, 1, 1),
            ends_on=date(year, 12, 31),
            by=None,
        )

    def make_activity(self, plan, title: str, area_code: str, **extra):
        extra.setdefault("activity_type", ActivityType.FOOT_PATROL)
        extra.setdefault("owner_party", OwnerParty.POLICE)
        extra.setdefault("expected_effect", ExpectedEffect.SHORT_TERM)
        return plans.create_activity(
            plan=plan,
            by=None,
            title=title,
            responsible_organisation=self.lpo_jarva,
            starts_on=plan.starts_on,
            ends_on=plan.ends_on,
            priority_areas=[self.city_areas[area_code]],
            **extra,
        )

    def follow_up(self, activity, status: str, on: date, count=None, note: str = ""):
        latest = activity.follow_ups.order_by("-reported_on", "-pk").first()
        return plans.record_follow_up(
            activity=activity,
            by=None,
            reported_on=on,
            status=status,
            expected_previous_id=latest.pk if latest else None,
            done_count=count,
            note=note,
        )
