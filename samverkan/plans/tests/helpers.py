"""Shared setup for plans and problems tests: a Järva local plan under the city frame."""

from datetime import date

from samverkan.agreements.models import PartyRole
from samverkan.plans import services
from samverkan.plans.models import ActionPlan, Activity, OwnerParty
from samverkan.problems import services as problem_services
from samverkan.problems.models import CauseBranch, CauseDirectness, CauseNature, EvidenceKind
from samverkan.test import BaseTestCase


class PlansTestCase(BaseTestCase):
    """Adds Järva's local agreement (covering Rinkeby-Kista) and a 2026 plan for it.

    Per (LPO Järva) and Anna (city) may edit; Olle reads; Sara (Södermalm only) does not
    see Järva's district-bound plan; Karin (Grannby) sees nothing.
    """

    def setUp(self) -> None:
        self.agreement = self.make_local_agreement(
            covers=["unga-i-riskzon", "otrygga-platser"],
            parties=[(self.jarva_sdf, PartyRole.MUNICIPAL), (self.lpo_jarva, PartyRole.POLICE)],
        )
        self.agreement.districts.add(self.rinkeby_kista)
        self.local_area = self.agreement.priority_areas.get(code="local-otrygga-platser")
        self.plan = services.create_plan(
            agreement=self.agreement,
            title="Handlingsplan Järva 2026",
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 12, 31),
            by=self.per,
        )

    def make_activity(self, plan: ActionPlan | None = None, **fields) -> Activity:
        fields.setdefault("title", "Fotpatrullering Rinkeby torg")
        fields.setdefault("owner_party", OwnerParty.POLICE)
        fields.setdefault("starts_on", date(2026, 1, 1))
        fields.setdefault("ends_on", date(2026, 12, 31))
        fields.setdefault("priority_areas", [self.local_area])
        return services.create_activity(plan=plan or self.plan, by=self.per, **fields)

    def follow(self, activity: Activity, day: date, status: str, **fields):
        latest = activity.follow_ups.order_by("-pk").first()
        return services.record_follow_up(
            activity=activity,
            expected_previous_id=latest.pk if latest else None,
            reported_on=day,
            status=status,
            by=self.per,
            **fields,
        )

    def make_problem(self, *, with_analysis: bool = True, causes: int = 1):
        problem = problem_services.create_problem(
            priority_area=self.local_area,
            title="Öppen narkotikaförsäljning vid torget",
            district=self.rinkeby_kista,
            neighbourhoods=[self.rinkeby],
            period_start_on=date(2025, 1, 1),
            period_end_on=date(2025, 12, 31),
            evidence=[
                {
                    "kind": EvidenceKind.POLICE_EVENTS,
                    "summary": "Narkotikabrott vid torget",
                    "source": "Polisen",
                }
            ],
            by=self.per,
        )
        result = [problem]
        if with_analysis:
            analysis = problem_services.start_cause_analysis(
                problem=problem, analysed_on=date(2026, 1, 10), by=self.per
            )
            result.append(analysis)
            for i in range(causes):
                result.append(
                    problem_services.add_cause(
                        analysis=analysis,
                        branch=CauseBranch.PLACE,
                        directness=CauseDirectness.DIRECT,
                        nature=CauseNature.SITUATIONAL,
                        description=f"Skymd sikt vid torget {i}",
                        by=self.per,
                    )
                )
        return result
