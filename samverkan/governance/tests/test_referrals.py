from datetime import date
from io import StringIO

from django.core.management import call_command

from samverkan.agreements.models import AgreementStatus
from samverkan.governance import services
from samverkan.governance.demo import load_governance_demo
from samverkan.governance.models import (
    Referral,
    ReferralRecipient,
    ReferralStatus,
    Statement,
    StatementTheme,
)
from samverkan.test import BaseTestCase


class ReferralTests(BaseTestCase):
    def setUp(self) -> None:
        self.city_agreement.status = AgreementStatus.DRAFT
        self.city_agreement.save()
        self.referral = Referral.objects.create(
            tenant=self.stockholm,
            title="Reviderad överenskommelse",
            case_number="KS 2023/740",
            owner=self.city,
            draft_agreement=self.city_agreement,
            deadline_on=date(2023, 10, 31),
        )
        self.jarva = ReferralRecipient.objects.create(
            referral=self.referral, organisation=self.jarva_sdf
        )
        self.soder = ReferralRecipient.objects.create(
            referral=self.referral, organisation=self.sodermalm_sdf
        )

    def test_sending_puts_the_draft_agreement_on_referral(self) -> None:
        services.send_referral(referral=self.referral, on=date(2023, 9, 1))
        self.city_agreement.refresh_from_db()
        self.assertEqual(self.city_agreement.status, AgreementStatus.ON_REFERRAL)
        with self.assertRaises(services.GovernanceError):
            services.send_referral(referral=self.referral, on=date(2023, 9, 2))

    def test_answered_late_and_pending(self) -> None:
        services.send_referral(referral=self.referral, on=date(2023, 9, 1))
        Statement.objects.create(recipient=self.jarva, summary="Tillstyrker.")
        before = services.referral_overview(self.referral, today=date(2023, 10, 31))
        self.assertEqual(
            (before.answered, before.late, before.pending), ([self.jarva], [], [self.soder])
        )
        after = services.referral_overview(self.referral, today=date(2023, 11, 1))
        self.assertEqual(after.late, [self.soder])

    def test_a_member_of_the_recipient_records_its_statement_once(self) -> None:
        services.send_referral(referral=self.referral, on=date(2023, 9, 1))
        url = f"/governance/referrals/{self.referral.pk}/answer/{self.soder.pk}/"
        self.client.force_login(self.anna)  # city hall, not Södermalm's administration
        self.assertEqual(self.client.get(url).status_code, 404)
        self.client.force_login(self.sara)
        r = self.client.post(
            url,
            {
                "summary": "Nämnden tillstyrker fem områden.",
                "decided_on": "2023-10-26",
                "themes": ["priority_areas"],
            },
        )
        self.assertEqual(r.status_code, 302)
        statement = Statement.objects.get(recipient=self.soder)
        self.assertEqual(statement.themes, ["priority_areas"])
        r = self.client.post(url, {"summary": "Igen"})
        self.assertContains(r, "redan svarat")
        self.assertEqual(Statement.objects.count(), 1)

    def test_reading_a_statement_before_it_is_public_is_logged(self) -> None:
        from samverkan.audit.models import AuditEntry

        hidden = Statement.objects.create(recipient=self.jarva, summary="Utkast")
        public = Statement.objects.create(recipient=self.soder, summary="Beslutat", public=True)
        self.client.force_login(self.per)
        self.client.get(f"/governance/statements/{hidden.pk}/")
        self.client.get(f"/governance/statements/{public.pk}/")
        reads = AuditEntry.objects.filter(action=AuditEntry.Action.ACCESS)
        self.assertEqual([(e.object_pk, e.actor) for e in reads], [(str(hidden.pk), self.per)])

    def test_compilation_groups_statements_by_theme(self) -> None:
        Statement.objects.create(
            recipient=self.jarva,
            summary="A",
            themes=[StatementTheme.PRIORITY_AREAS, StatementTheme.FOLLOW_UP],
        )
        Statement.objects.create(recipient=self.soder, summary="B", themes=[])
        groups = {
            g["theme"]: [s.summary for s in g["statements"]]
            for g in services.compile_statements(self.referral)
        }
        self.assertEqual(groups, {"priority_areas": ["A"], "follow_up": ["A"], "other": ["B"]})

    def test_closing_links_the_revised_agreement_and_other_tenants_see_nothing(self) -> None:
        services.send_referral(referral=self.referral, on=date(2023, 9, 1))
        services.close_referral(referral=self.referral, resulting_agreement=self.city_agreement)
        self.referral.refresh_from_db()
        self.assertEqual(self.referral.status, ReferralStatus.CLOSED)
        self.client.force_login(self.karin)
        self.assertEqual(
            self.client.get(f"/governance/referrals/{self.referral.pk}/").status_code, 404
        )
        self.client.force_login(self.per)
        self.assertContains(
            self.client.get(f"/governance/referrals/{self.referral.pk}/"), "KS 2023/740"
        )


class DemoTests(BaseTestCase):
    def test_the_ks_2023_740_round_loads_once(self) -> None:
        out = StringIO()
        call_command("load-governance-demo", stdout=out)
        call_command("load-governance-demo", stdout=out)
        referral = Referral.objects.get(case_number="KS 2023/740")
        self.assertEqual(referral.resulting_agreement, self.city_agreement)
        self.assertEqual(referral.status, ReferralStatus.CLOSED)
        statement = Statement.objects.get(recipient__referral=referral)
        self.assertEqual(statement.decided_on, date(2023, 10, 26))
        self.assertIn("Skolan som brottsplats", statement.summary)
        self.assertIn("Unga i riskzon för destruktivt beteende", statement.summary)
        self.assertEqual(
            load_governance_demo(), {"referrals": 0, "groups": 0, "meetings": 0, "calendar": 0}
        )
