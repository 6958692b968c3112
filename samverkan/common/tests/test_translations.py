"""Strings Django itself shows in our forms are Swedish too."""

from django.db.models.fields import BLANK_CHOICE_LABEL
from django.test import SimpleTestCase
from django.utils import translation


class DjangoStringsTests(SimpleTestCase):
    def test_the_blank_choice_of_a_select_is_swedish(self) -> None:
        with translation.override("sv"):
            self.assertEqual(str(BLANK_CHOICE_LABEL), "- Välj ett alternativ -")
        with translation.override("en"):
            self.assertEqual(str(BLANK_CHOICE_LABEL), "- Select an option -")


class DateFormatTests(SimpleTestCase):
    def test_english_pages_show_iso_dates_like_the_swedish_ones(self) -> None:
        from datetime import date

        from django.utils.formats import date_format

        day = date(2025, 11, 24)
        for language in ("sv", "en"):
            with translation.override(language):
                self.assertEqual(date_format(day, "SHORT_DATE_FORMAT"), "2025-11-24", language)
