"""The placer on each kind of Swedish phrase, false friends and the no-guess rule.

Expected districts come from Stockholms stad's division (data/stockholm-stadsdelar and
data/folkhalsokollen-omraden), not from running the placer.
"""

from django.test import SimpleTestCase

from samverkan.placement.tests.helpers import placed


class PhraseFormsTests(SimpleTestCase):
    def test_preposition_i_places_neighbourhood_and_district(self) -> None:
        p = placed("En man greps i Rinkeby under kvällen.")
        self.assertEqual((p.district, p.neighbourhood), ("Rinkeby-Kista", "Rinkeby"))
        self.assertEqual(p.method, "summary:preposition")
        self.assertEqual(p.phrase, "Rinkeby")

    def test_prepositions_pa_vid_utanfor_nara(self) -> None:
        for summary, district in [
            ("Bråk på Medborgarplatsen.", "Södermalm"),
            ("Polisen larmades till en butik vid Hötorget.", "Norrmalm"),
            ("En man misshandlades utanför Farsta centrum.", "Farsta"),
            ("Brand i en lägenhet nära Tensta centrum.", "Spånga-Tensta"),
        ]:
            with self.subTest(summary=summary):
                p = placed(summary)
                self.assertEqual(p.district, district)
                self.assertEqual(p.method, "summary:preposition")

    def test_genitive(self) -> None:
        p = placed("Rinkebys centrum spärrades av efter skottlossningen.")
        self.assertEqual((p.district, p.neighbourhood), ("Rinkeby-Kista", "Rinkeby"))
        p = placed("Kistas invånare väcktes av en smäll.")
        self.assertEqual(
            (p.district, p.neighbourhood, p.method), ("Rinkeby-Kista", "Kista", "summary:genitive")
        )

    def test_definite_form_of_a_place_name(self) -> None:
        p = placed("Snatteri i Kista gallerian under eftermiddagen.")
        self.assertEqual((p.district, p.neighbourhood), ("Rinkeby-Kista", "Kista"))
        p = placed("Två personer greps vid Älvsjö stationen.")
        self.assertEqual(p.district, "Hägersten-Älvsjö")

    def test_x_centrum_gives_the_neighbourhood_even_for_a_district_name(self) -> None:
        p = placed("Polisen grep två män invid Skärholmen centrum.")
        self.assertEqual((p.district, p.neighbourhood), ("Skärholmen", "Skärholmen"))
        # "i Skärholmen" alone means the district in everyday use.
        p = placed("Brand i ett flerbostadshus i Skärholmen.")
        self.assertEqual((p.district, p.neighbourhood), ("Skärholmen", ""))

    def test_hyphenated_district_names_and_old_names(self) -> None:
        self.assertEqual(placed("Insats i Rinkeby-Kista.").district, "Rinkeby-Kista")
        self.assertEqual(placed("Insats i Enskede–Årsta–Vantör.").district, "Enskede-Årsta-Vantör")
        # The district was called Hägersten-Liljeholmen until 2019.
        self.assertEqual(placed("Oro i Hägersten-Liljeholmen.").district, "Hägersten-Älvsjö")

    def test_multi_word_names_win_over_their_first_word(self) -> None:
        p = placed("Rån mot en matbutik i Hässelby strand.")
        self.assertEqual((p.district, p.neighbourhood), ("Hässelby-Vällingby", "Hässelby strand"))
        p = placed("Bråk i Hässelby.")
        self.assertEqual((p.district, p.neighbourhood), ("Hässelby-Vällingby", ""))
        p = placed("Brand i Gamla Enskede.")
        self.assertEqual(p.neighbourhood, "Gamla Enskede")

    def test_case_does_not_matter_for_ordinary_names(self) -> None:
        self.assertEqual(placed("SKOTTLOSSNING I RINKEBY").neighbourhood, "Rinkeby")
        self.assertEqual(placed("bråk i vårberg").neighbourhood, "Vårberg")

    def test_names_that_are_common_words_need_a_capital(self) -> None:
        # "Flaten" is a lake and bathing place in Skarpnäck; "flaten" is not a name.
        self.assertEqual(placed("Drunkningslarm vid Flaten.").district, "Skarpnäck")
        self.assertEqual(placed("Bilen stod på flaten bakom huset.").district, "")

    def test_page_body_is_read_when_the_summary_names_no_place(self) -> None:
        p = placed("Brand i flerbostadshus.", body="Räddningstjänsten larmades till Akalla.")
        self.assertEqual((p.neighbourhood, p.method), ("Akalla", "body:preposition"))
        self.assertLess(p.confidence, placed("Brand i Akalla.").confidence)


class FalseFriendTests(SimpleTestCase):
    def test_a_stockholm_name_does_not_count_in_another_municipality(self) -> None:
        p = placed("En man greps på Norrmalm.", location="Sala")
        self.assertEqual((p.municipality, p.district), ("Sala", ""))
        p = placed("Inbrott i Sätra.", location="Huddinge")
        self.assertEqual((p.municipality, p.district), ("Huddinge", ""))

    def test_a_locality_of_another_municipality_is_not_placed_in_stockholm(self) -> None:
        for summary in ["Skottlossning i Skogås.", "Bråk i Fisksätra centrum.", "Rån i Tumba."]:
            with self.subTest(summary=summary):
                p = placed(summary)
                self.assertEqual(p.district, "")
                self.assertIn("outside Stockholm", p.reason)

    def test_football_club_djurgarden_is_not_the_island(self) -> None:
        p = placed("Djurgården spelade mot Chelsea under kvällen.")
        self.assertEqual(p.district, "")
        p = placed("Brand på Djurgården.")
        self.assertEqual((p.district, p.neighbourhood), ("Östermalm", "Djurgården"))

    def test_hammarby_is_ambiguous(self) -> None:
        p = placed("Hammarby mötte AIK och polisen hade en stor insats.")
        self.assertEqual(p.district, "")
        self.assertIn("Hammarby", p.reason)

    def test_street_named_after_a_place_is_not_the_place(self) -> None:
        # Kungsholmsgatan is on Kungsholmen, but Huddingevägen runs through Stockholm.
        p = placed("Trafikolycka på Huddingevägen.")
        self.assertEqual(p.district, "")
        self.assertEqual(p.municipality, "Stockholm")

    def test_where_someone_was_taken_or_came_from_does_not_count(self) -> None:
        p = placed("En man misshandlades i Rinkeby och fördes till sjukhus i Solna.")
        self.assertEqual(p.neighbourhood, "Rinkeby")
        p = placed("En man från Tensta greps på Sergels torg.")
        self.assertEqual((p.district, p.neighbourhood), ("Norrmalm", "Norrmalm"))
        p = placed("Mannen greps och fördes till Södermalm.")
        self.assertEqual(p.district, "")

    def test_reference_points_and_stretches_do_not_count(self) -> None:
        self.assertEqual(placed("Kö söder om Slussen.").district, "")
        self.assertEqual(placed("Trafiken mellan Liljeholmen och Globen stoppades.").district, "")


class NoGuessTests(SimpleTestCase):
    def test_two_districts_in_the_text_leave_the_event_unplaced(self) -> None:
        p = placed("Rån i Farsta, gärningsmannen greps senare i Skärholmen.")
        self.assertEqual(p.district, "")
        self.assertIn("several districts", p.reason)
        self.assertIn("Farsta", p.reason)
        self.assertIn("Skärholmen", p.reason)

    def test_a_later_field_naming_another_district_also_blocks(self) -> None:
        p = placed(
            "Fotbollsmatch på Tele2 Arena.",
            body="Cirka 55 personer omhändertogs vid Hötorget.",
        )
        self.assertEqual(p.district, "")
        self.assertIn("several districts", p.reason)

    def test_an_area_spanning_two_districts_is_not_guessed(self) -> None:
        p = placed("Skottlossning i Järva under natten.")
        self.assertEqual(p.district, "")
        self.assertIn("Järva", p.reason)

    def test_one_of_several_examples_is_not_the_place(self) -> None:
        p = placed("Stökig natt med berusade ungdomar, framför allt i Enskede.")
        self.assertEqual(p.district, "")
        self.assertIn("several places", p.reason)

    def test_two_neighbourhoods_of_one_district_give_the_district_only(self) -> None:
        p = placed("Bråk i Rinkeby som fortsatte i Husby.")
        self.assertEqual((p.district, p.neighbourhood), ("Rinkeby-Kista", ""))

    def test_an_unknown_street_in_the_summary_binds_the_body(self) -> None:
        p = placed(
            "Inbrott på Styckjunkargatan.",
            body="Inbrott på Styckjunkargatan. En timme senare syntes mannen på Stureplan.",
        )
        self.assertEqual(p.district, "")
        p = placed(
            "Farligt föremål på Askersgatan.", body="Polisen spärrar av Askersgatan i Rågsved."
        )
        self.assertEqual(p.neighbourhood, "Rågsved")

    def test_no_place_named(self) -> None:
        p = placed("Äldre kvinna utsatt för bedrägeriförsök.")
        self.assertEqual((p.municipality, p.district), ("Stockholm", ""))
        self.assertEqual(p.reason, "the text names no place inside the municipality")


class MunicipalityTests(SimpleTestCase):
    def test_location_name_in_the_apis_spelling(self) -> None:
        self.assertEqual(placed("Brand.", location="Upplands väsby").municipality, "Upplands Väsby")
        self.assertEqual(placed("Brand.", location="Upplands-bro").municipality, "Upplands-Bro")

    def test_county_row_gets_its_municipality_from_the_text(self) -> None:
        p = placed("En man i Husby kontrollerades.", location="Stockholms län")
        self.assertEqual((p.municipality, p.district), ("Stockholm", "Rinkeby-Kista"))
        self.assertEqual(p.municipality_method, "summary:preposition")
        p = placed("Inbrott i Hägernäs.", location="Stockholms län")
        self.assertEqual((p.municipality, p.district), ("Täby", ""))

    def test_county_row_gets_its_municipality_from_name_or_url(self) -> None:
        p = placed("Trafikolycka.", location="Skåne län", name="1 maj 12.00, Trafikolycka, Malmö")
        self.assertEqual((p.municipality, p.municipality_method), ("Malmö", "name"))
        p = placed(
            "Trafikolycka.",
            location="Skåne län",
            name="1 maj 12.00, Trafikolycka, Skåne län",
            url="/aktuellt/handelser/2025/maj/1/01-maj-12.00-trafikolycka-lund/",
        )
        self.assertEqual((p.municipality, p.municipality_method), ("Lund", "url"))

    def test_county_row_outside_the_tenants_uses_municipality_names(self) -> None:
        p = placed("Kor på rymmen i Jönköping.", location="Jönköpings län")
        self.assertEqual(p.municipality, "Jönköping")

    def test_county_and_police_area_names_are_not_municipalities(self) -> None:
        for summary in [
            "Sammanfattning av nattens händelser, Jönköpings län",
            "Natt till söndag i polisområde Örebro.",
            "Polisen har hanterat 80 ärenden som rör Jönköpings l",
        ]:
            with self.subTest(summary=summary):
                self.assertEqual(placed(summary, location="Örebro län").municipality, "")

    def test_county_row_with_two_municipalities_is_unplaced(self) -> None:
        p = placed(
            "Markbrand vid Järvafältet i Sollentuna och Järfälla.", location="Stockholms län"
        )
        self.assertEqual(p.municipality, "")
        self.assertIn("several municipalities", p.reason)

    def test_county_row_naming_only_the_police_region_is_unplaced(self) -> None:
        p = placed("En lugn natt i polisregion Stockholm.", location="Stockholms län")
        self.assertEqual(p.municipality, "")


class StoredPageTextTests(SimpleTestCase):
    def test_stored_page_text_is_split_into_preamble_and_body(self) -> None:
        from samverkan.placement.gazetteer import default_gazetteer
        from samverkan.placement.placer import place
        from samverkan.placement.tests.helpers import event

        e = event("Brand i lägenhet.")
        p = place(e, "Brand i lägenhet.\n\nDet brann i Husby.", default_gazetteer())
        self.assertEqual((p.neighbourhood, p.method), ("Husby", "body:preposition"))
        # A leading copy of the title is skipped, so the preamble is still the preamble.
        p = place(
            e, e["name"] + "\n\nBrand i Husby.\n\nRäddningstjänsten släckte.", default_gazetteer()
        )
        self.assertEqual((p.neighbourhood, p.method), ("Husby", "preamble:preposition"))
