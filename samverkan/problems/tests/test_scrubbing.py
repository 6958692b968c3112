"""Problem descriptions, evidence and cause analyses are stored scrubbed (issue #8).

The evidence's source is a citation and stays as typed (an exemption with a reason in
common/tests/test_free_text_fields.py).
"""

from datetime import date

from samverkan.agreements.models import PartyRole
from samverkan.common.testing.scrub import STORED, TYPED, ScrubAssertions
from samverkan.problems.models import Cause, CauseAnalysis, EventChainStep, Evidence, Problem
from samverkan.test import BaseTestCase


class ProblemScrubbingTests(ScrubAssertions, BaseTestCase):
    def setUp(self) -> None:
        agreement = self.make_local_agreement(
            "Lokal överenskommelse Södermalm",
            parties=[
                (self.sodermalm_sdf, PartyRole.MUNICIPAL),
                (self.lpo_sodermalm, PartyRole.POLICE),
            ],
            covers=["otrygga-platser"],
        )
        agreement.districts.add(self.sodermalm)
        self.area = agreement.priority_areas.get()
        self.client.force_login(self.sara)

    def test_a_new_problem_is_scrubbed_and_the_writer_told(self) -> None:
        r = self.client.post(
            "/problems/new/",
            {
                "priority_area": self.area.pk,
                "title": "Otrygghet vid uppgången",
                "description": TYPED,
                "district": self.sodermalm.pk,
                "period_start_on": "2025-09-01",
                "period_end_on": "2025-12-31",
                "evidence_kind": "other",
                "evidence_summary": "Uppgifter från 0701234567",
                "evidence_source": "Rapport dnr 2025/1234-5, tel 08-508 000 00",
            },
            follow=True,
        )
        problem = Problem.objects.get()
        self.assertEqual(problem.description, STORED)
        evidence = problem.evidence.get()
        self.assertEqual(evidence.summary, "Uppgifter från [telefonnummer]")
        self.assertEqual(evidence.source, "Rapport dnr 2025/1234-5, tel 08-508 000 00")
        self.assertContains(
            r,
            "Platser, inte personer: vi tog bort 1 personnummer, 2 telefonnummer, "
            "1 e-postadress ur din text innan den sparades.",
        )

    def test_the_cause_analysis_its_causes_and_chain_are_scrubbed(self) -> None:
        problem = Problem.objects.create(
            priority_area=self.area,
            title="Test",
            period_start_on=date(2025, 1, 1),
            period_end_on=date(2025, 12, 31),
        )
        r = self.client.post(
            f"/problems/{problem.pk}/analyses/new/",
            {"analysed_on": "2026-01-15", "handler": TYPED},
            follow=True,
        )
        analysis = CauseAnalysis.objects.get()
        self.assertEqual(analysis.handler, STORED)
        self.assertWarnedAboutRemovals(r)
        r = self.client.post(
            f"/problems/analyses/{analysis.pk}/causes/new/",
            {
                "branch": "place",
                "directness": "direct",
                "nature": "situational",
                "description": TYPED,
                "evidence": "Vandring",
            },
            follow=True,
        )
        self.assertEqual(Cause.objects.get().description, STORED)
        self.assertWarnedAboutRemovals(r)
        r = self.client.post(
            f"/problems/analyses/{analysis.pk}/chain/new/",
            {"situation": "Bil ABC 123 står", "prevention": TYPED},
            follow=True,
        )
        step = EventChainStep.objects.get()
        self.assertEqual(
            (step.situation, step.prevention), ("Bil [registreringsnummer] står", STORED)
        )

    def test_the_models_scrub_on_save_whatever_the_caller(self) -> None:
        problem = Problem.objects.create(
            priority_area=self.area,
            title="Problem 0701234567",
            description=TYPED,
            period_start_on=date(2025, 1, 1),
            period_end_on=date(2025, 12, 31),
        )
        evidence = Evidence.objects.create(
            problem=problem, kind="other", summary=TYPED, source="tel 0701234567"
        )
        problem.refresh_from_db()
        evidence.refresh_from_db()
        self.assertEqual((problem.title, problem.description), ("Problem [telefonnummer]", STORED))
        self.assertEqual((evidence.summary, evidence.source), (STORED, "tel 0701234567"))
