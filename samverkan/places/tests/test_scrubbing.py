"""Places and safety walks are stored scrubbed, and the pages say what was removed (#8)."""

from datetime import date

from samverkan.common.testing.scrub import STORED, TYPED, ScrubAssertions
from samverkan.places.models import Place, SafetyWalk, SafetyWalkPoint, SafetyWalkPointUpdate

from . import test_walks  # the module, so pytest does not collect its tests twice


class PlacesScrubbingTests(ScrubAssertions, test_walks.SafetyWalkTests):
    # Reuse the walk tests' place and helpers, not their tests.
    test_a_coordinator_records_a_walk_with_points_and_updates_them = None
    test_others_cannot_see_or_change_the_walk = None
    test_the_protocol_exports_as_word_and_tagged_pdf = None
    test_overdue_points_are_flagged = None
    test_places_are_listed_for_their_districts_only = None

    def test_a_walk_its_points_and_their_updates_are_scrubbed_and_told(self) -> None:
        r = self.create_walk()
        self.assertEqual(
            SafetyWalk.objects.get().participants, "Boende, unga 16–19 år; kontakt [telefonnummer]"
        )
        r = self.client.get(r.url)
        self.assertContains(r, "vi tog bort 1 telefonnummer ur din text innan den sparades.")
        walk = SafetyWalk.objects.get()
        self.client.force_login(self.per)
        r = self.client.post(
            f"/places/walks/{walk.pk}/",
            {
                "location": "Gångtunneln",
                "observation": TYPED,
                "proposed_measure": "Byt armaturer",
                "responsible_organisation": self.jarva_sdf.pk,
            },
            follow=True,
        )
        point = SafetyWalkPoint.objects.get()
        self.assertEqual(point.observation, STORED)
        self.assertWarnedAboutRemovals(r)
        r = self.client.post(
            f"/places/walks/{walk.pk}/points/{point.pk}/status/",
            {"status": "done", "note": TYPED},
            follow=True,
        )
        self.assertEqual(point.updates.latest("pk").note, STORED)
        self.assertWarnedAboutRemovals(r)

    def test_registering_a_place_is_scrubbed_and_told(self) -> None:
        self.client.force_login(self.per)
        r = self.client.post(
            "/places/",
            {
                "name": "Torget",
                "kind": "square",
                "district": self.rinkeby_kista.pk,
                "description": TYPED,
            },
            follow=True,
        )
        self.assertEqual(Place.objects.get(name="Torget").description, STORED)
        self.assertWarnedAboutRemovals(r)

    def test_the_models_scrub_on_save_whatever_the_caller(self) -> None:
        self.place.description = TYPED
        self.place.save()
        walk = SafetyWalk.objects.create(
            tenant=self.stockholm,
            title="Vandring ABC 123",
            walked_on=date(2026, 10, 14),
            district=self.rinkeby_kista,
            participants=TYPED,
            created_by=self.per,
        )
        point = SafetyWalkPoint.objects.create(walk=walk, order=1, location="x", observation=TYPED)
        update = SafetyWalkPointUpdate.objects.create(
            point=point, from_status="proposed", to_status="done", note=TYPED, changed_by=self.per
        )
        for obj in (self.place, walk, point, update):
            obj.refresh_from_db()
        self.assertEqual(
            (self.place.description, walk.title, walk.participants, point.observation, update.note),
            (STORED, "Vandring [registreringsnummer]", STORED, STORED, STORED),
        )
