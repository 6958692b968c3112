from datetime import date, datetime, time, timedelta
from math import comb
from zoneinfo import ZoneInfo

from samverkan.plans import evaluation
from samverkan.plans.models import Indicator
from samverkan.police_events.models import PoliceEvent

from .helpers import PlansTestCase

START = date(2026, 3, 1)


def brute_fisher(a: int, b: int, c: int, d: int) -> float:
    """Two-sided Fisher p by enumerating every table with the same margins."""
    r1, c1, n = a + b, a + c, a + b + c + d

    def p(k: int) -> float:
        return comb(c1, k) * comb(n - c1, r1 - k) / comb(n, r1)

    observed = p(a)
    ks = range(max(0, r1 + c1 - n), min(r1, c1) + 1)
    return sum(p(k) for k in ks if p(k) <= observed * (1 + 1e-9))


def test_fisher_matches_the_tea_tasting_textbook_value() -> None:
    assert round(evaluation.fisher_exact_two_sided(3, 1, 1, 3), 4) == 0.4857


def test_fisher_matches_brute_force() -> None:
    for table in [(10, 30, 30, 30), (0, 5, 3, 2), (12, 12, 40, 41), (1, 0, 0, 1)]:
        assert abs(evaluation.fisher_exact_two_sided(*table) - brute_fisher(*table)) < 1e-12


def test_small_counts_are_labelled_too_few_whatever_the_p_value() -> None:
    r = evaluation.compare(place_before=9, place_after=0, comparison_before=50, comparison_after=50)
    assert r.p_value < 0.05
    assert r.verdict == "too_few"
    assert r.ratio_of_ratios is None


def test_a_clear_fall_relative_to_the_comparison() -> None:
    r = evaluation.compare(
        place_before=40, place_after=12, comparison_before=40, comparison_after=41
    )
    assert r.verdict == "fell_more"
    assert abs(r.ratio_of_ratios - (12 / 40) / (41 / 40)) < 1e-12
    assert r.ci_low < r.ratio_of_ratios < r.ci_high < 1


class BeforeAfterPageTests(PlansTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.activity = self.make_activity(starts_on=START, neighbourhoods=[self.rinkeby])
        Indicator.objects.create(
            activity=self.activity,
            name="Rån vid torget",
            kind="police_events",
            direction="decrease",
            neighbourhood=self.rinkeby,
            event_types=["Rån"],
        )
        self.next_id = 1

    def events(self, neighbourhood, first: date, count: int, type_: str = "Rån") -> None:
        tz = ZoneInfo("Europe/Stockholm")
        for i in range(count):
            day = first + timedelta(days=i % 50)
            PoliceEvent.objects.create(
                event_id=self.next_id,
                published_at=datetime.combine(day, time(12), tz),
                occurred_on=day,
                name=f"{day} {type_}, Stockholm",
                summary="Test",
                url="/x",
                type=type_,
                location_name="Stockholm",
                content_hash=str(self.next_id),
                neighbourhood=neighbourhood,
            )
            self.next_id += 1

    def get(self, **params):
        self.client.force_login(self.olle)
        return self.client.get(
            f"/plans/activities/{self.activity.pk}/before-after/",
            {
                "place": self.rinkeby.pk,
                "comparison": self.hornstull.pk,
                "window_days": 60,
                **params,
            },
            headers={"accept-language": "en"},
        )

    def test_counts_in_equal_windows_with_a_verdict(self) -> None:
        before = START - timedelta(days=60)
        self.events(self.rinkeby, before, 40)
        self.events(self.rinkeby, START, 12)
        self.events(self.rinkeby, START, 30, type_="Brand")  # other types are not counted
        self.events(self.hornstull, before, 40)
        self.events(self.hornstull, START, 41)
        self.events(self.hornstull, START + timedelta(days=59), 1, type_="Brand")  # data until
        r = self.get()
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r.context["form"].errors, {})
        result = r.context["result"]
        self.assertEqual(result.before, (before, START - timedelta(days=1)))
        self.assertEqual(result.after, (START, START + timedelta(days=59)))
        counts = (
            result.result.place_before,
            result.result.place_after,
            result.result.comparison_before,
            result.result.comparison_after,
        )
        self.assertEqual(counts, (40, 12, 40, 41))
        self.assertEqual(result.result.verdict, "fell_more")
        self.assertContains(r, "The place fell more than the comparison area")

    def test_few_events_give_the_honest_caveat(self) -> None:
        self.events(self.rinkeby, START - timedelta(days=60), 5)
        self.events(self.rinkeby, START, 1)
        self.events(self.hornstull, START - timedelta(days=60), 5)
        self.events(self.hornstull, START + timedelta(days=59), 5)
        r = self.get()
        self.assertContains(r, "Too few events to conclude anything.")
        self.assertContains(r, "at least 10 events in each of the four cells")

    def test_the_comparison_must_differ_and_karin_gets_404(self) -> None:
        r = self.get(comparison=self.rinkeby.pk)
        self.assertIsNone(r.context["result"])
        self.client.force_login(self.karin)
        r = self.client.get(f"/plans/activities/{self.activity.pk}/before-after/")
        self.assertEqual(r.status_code, 404)
