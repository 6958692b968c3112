"""Sara, district coordinator at Södermalm, walks the whole chain in the browser's order."""

from datetime import date

from samverkan.agreements.models import PartyRole
from samverkan.plans.models import ActionPlan, Activity, FollowUp, Indicator, Target
from samverkan.problems.models import Cause, CauseAnalysis, EventChainStep, Problem
from samverkan.test import BaseTestCase


class ProblemToResultTests(BaseTestCase):
    def setUp(self) -> None:
        self.agreement = self.make_local_agreement(
            "Lokal överenskommelse Södermalm",
            parties=[
                (self.sodermalm_sdf, PartyRole.MUNICIPAL),
                (self.lpo_sodermalm, PartyRole.POLICE),
            ],
            covers=["otrygga-platser"],
        )
        self.agreement.districts.add(self.sodermalm)
        self.area = self.agreement.priority_areas.get()
        self.client.force_login(self.sara)

    def test_sara_goes_from_problem_to_follow_up_and_traceability(self) -> None:
        r = self.client.get(
            "/problems/new/",
            {"district": self.sodermalm.pk, "start": "2025-09-01", "end": "2025-12-31"},
        )
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r.context["form"]["period_start_on"].value(), "2025-09-01")
        r = self.client.post(
            "/problems/new/",
            {
                "priority_area": self.area.pk,
                "title": "Otrygghet vid tunnelbaneuppgången",
                "district": self.sodermalm.pk,
                "neighbourhoods": [self.hornstull.pk],
                "period_start_on": "2025-09-01",
                "period_end_on": "2025-12-31",
                "evidence_kind": "police_events",
                "evidence_summary": "Misshandel och rån kvällstid vid uppgången",
                "evidence_source": "Polisens händelser",
            },
        )
        problem = Problem.objects.get()
        self.assertRedirects(r, f"/problems/{problem.pk}/")
        self.assertEqual(problem.evidence.count(), 1)

        r = self.client.post(
            f"/problems/{problem.pk}/analyses/new/",
            {"analysed_on": "2026-01-15", "manager": "Fastighetsägaren och SL"},
        )
        self.assertEqual(r.status_code, 302)
        analysis = CauseAnalysis.objects.get()
        r = self.client.post(
            f"/problems/analyses/{analysis.pk}/causes/new/",
            {
                "branch": "place",
                "directness": "direct",
                "nature": "situational",
                "description": "Mörk och skymd uppgång",
                "evidence": "Trygghetsvandring oktober 2025",
            },
        )
        self.assertEqual(r.status_code, 302)
        cause = Cause.objects.get()
        for situation in ("Folk samlas vid uppgången", "Mörkret döljer"):
            self.client.post(
                f"/problems/analyses/{analysis.pk}/chain/new/", {"situation": situation}
            )
        self.assertEqual(
            list(EventChainStep.objects.values_list("position", "situation")),
            [(1, "Folk samlas vid uppgången"), (2, "Mörkret döljer")],
        )

        r = self.client.post(
            "/plans/new/",
            {
                "agreement": self.agreement.pk,
                "title": "Handlingsplan Södermalm 2026",
                "starts_on": "2026-01-01",
                "ends_on": "2026-12-31",
            },
        )
        plan = ActionPlan.objects.get()
        self.assertRedirects(r, f"/plans/{plan.pk}/")
        r = self.client.post(
            f"/plans/{plan.pk}/targets/new/",
            {
                "description": "Minst 2 kvällsvandringar per vecka",
                "comparator": "at_least",
                "quantity": "2",
                "unit": "occurrences",
                "frequency": "per_week",
            },
        )
        self.assertEqual(r.status_code, 302)
        target = Target.objects.get()
        r = self.client.post(
            f"/plans/{plan.pk}/activities/new/",
            {
                "title": "Kvällsvandringar med fältassistenter",
                "activity_type": "field_work",
                "priority_areas": [self.area.pk],
                "causes": [cause.pk],
                "owner_party": "municipality",
                "responsible_organisation": self.sodermalm_sdf.pk,
                "contributing_organisations": [self.lpo_sodermalm.pk],
                "neighbourhoods": [self.hornstull.pk],
                "starts_on": "2026-02-01",
                "ends_on": "2026-12-31",
                "expected_effect": "short_term",
                "target": target.pk,
                "child_rights_note": "Unga möts av vuxna kvällstid",
            },
        )
        activity = Activity.objects.get()
        self.assertRedirects(r, f"/plans/activities/{activity.pk}/")
        self.assertEqual(activity.code, "A1")
        r = self.client.post(
            f"/plans/activities/{activity.pk}/indicators/new/",
            {"name": "Antal vandringar", "kind": "activity_count", "direction": "increase"},
        )
        self.assertEqual(r.status_code, 302)

        previous = ""
        for day, status, count in [
            ("2026-03-31", "ongoing", 16),
            ("2026-06-30", "ongoing", 55),
            ("2026-09-30", "partly_done", 70),
            ("2026-12-31", "done", 106),
        ]:
            r = self.client.post(
                f"/plans/activities/{activity.pk}/follow-up/",
                {
                    "reported_on": day,
                    "status": status,
                    "done_count": count,
                    "expected_previous_id": previous,
                },
            )
            self.assertEqual(r.status_code, 302, day)
            previous = FollowUp.objects.latest("pk").pk
        self.assertEqual(FollowUp.objects.count(), 4)

        r = self.client.get(f"/problems/{problem.pk}/trace/", {"on": "2026-12-31"})
        self.assertEqual(r.context["trace"].gap_counts, {})
        r = self.client.get(f"/plans/{plan.pk}/", {"on": "2026-06-30"})
        progress = r.context["targets"][0]
        # 2 per week from 2026-01-01 (the plan's start) to 2026-06-30: 181 days.
        self.assertEqual(progress.required_so_far, -(-2 * 181 // 7))
        self.assertEqual(progress.achieved, 55)
        self.assertTrue(progress.met_so_far)
        state = r.context["states"][0].entry
        self.assertEqual((state.status, state.done_count), ("ongoing", 55))
        self.assertEqual(Indicator.objects.get().activity, activity)
        # At the year end: 2 × 365 / 7 = 104.3 required, so 105 is the whole-count bar.
        r = self.client.get(f"/plans/{plan.pk}/", {"on": "2026-12-31"})
        progress = r.context["targets"][0]
        self.assertEqual((progress.required_total, progress.achieved), (105, 106))
        self.assertTrue(progress.met_so_far)

    def test_karin_and_per_see_no_sodermalm_problem(self) -> None:
        problem = Problem.objects.create(
            priority_area=self.area,
            title="Test",
            period_start_on=date(2025, 1, 1),
            period_end_on=date(2025, 12, 31),
        )
        self.client.force_login(self.karin)
        self.assertEqual(self.client.get(f"/problems/{problem.pk}/").status_code, 404)
        self.assertEqual(self.client.get("/problems/new/").status_code, 404)

    def test_a_reader_cannot_add_causes(self) -> None:
        problem = Problem.objects.create(
            priority_area=self.area,
            title="Test",
            period_start_on=date(2025, 1, 1),
            period_end_on=date(2025, 12, 31),
        )
        self.client.force_login(self.olle)
        self.assertEqual(self.client.get(f"/problems/{problem.pk}/analyses/new/").status_code, 404)

    def test_the_form_rejects_a_reversed_period(self) -> None:
        r = self.client.post(
            "/problems/new/",
            {
                "priority_area": self.area.pk,
                "title": "X",
                "period_start_on": "2025-12-31",
                "period_end_on": "2025-01-01",
                "evidence_kind": "other",
                "evidence_summary": "Y",
            },
        )
        self.assertEqual(r.status_code, 200)
        self.assertIn("period_end_on", r.context["form"].errors)
        self.assertFalse(Problem.objects.exists())


class PriorityAreaChoiceTests(BaseTestCase):
    """Several agreements share area names: the choice says which agreement it belongs to."""

    def test_each_area_is_named_with_its_agreement(self) -> None:
        from samverkan.agreements.models import PriorityArea

        self.client.force_login(self.anna)
        r = self.client.get("/problems/new/")
        self.assertEqual(r.status_code, 200)
        field = r.context["form"]["priority_area"]
        labels = [str(label) for _value, label in field.field.choices][1:]
        areas = PriorityArea.objects.filter(
            pk__in=[v.value for v, _l in list(field.field.choices)[1:]]
        ).select_related("agreement")
        self.assertTrue(areas)
        for area in areas:
            self.assertIn(f"{area.name} – {area.agreement.title}", labels)
        self.assertEqual(len(labels), len(set(labels)))
