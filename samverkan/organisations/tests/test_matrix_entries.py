"""The matrix's Entry format: extra cases and the expectation builders (no database)."""

from django.test import SimpleTestCase

from samverkan.organisations.matrix import (
    ACTORS,
    LOGIN,
    NOT_FOUND,
    OK,
    REDIRECT,
    Case,
    Entry,
    members_of,
    only,
    outcome_for,
)

BY_NAME = {a.name: a for a in ACTORS}


def outcomes(expect: dict[str, str]) -> dict[str, str]:
    return {a.name: outcome_for(expect, a) for a in ACTORS}


class EntryFormatTests(SimpleTestCase):
    def test_also_adds_cases_that_inherit_only_the_data(self) -> None:
        entry = Entry(
            method="post",
            data={"x": 1},
            kwargs=lambda w: {"pk": 1},
            expect={"*": OK},
            also=[Case(kwargs=lambda w: {"pk": 2}, expect={"*": NOT_FOUND})],
        )
        own, other = entry.cases()
        self.assertEqual((own.kwargs(None), own.data, own.expect), ({"pk": 1}, {"x": 1}, {"*": OK}))
        self.assertEqual(
            (other.kwargs(None), other.data, other.expect), ({"pk": 2}, {"x": 1}, {"*": NOT_FOUND})
        )

    def test_members_of_a_district_bound_stockholm_object(self) -> None:
        got = outcomes(members_of("stockholm", sodermalm=NOT_FOUND))
        self.assertEqual(got["anonymous"], LOGIN)
        self.assertEqual(
            {n for n, o in got.items() if o == OK},
            {"anna", "per", "olle", "rut", "ulla", "adam", "admin"},
        )

    def test_only_never_lets_the_other_tenants_role_holders_through(self) -> None:
        got = outcomes(only("stockholm", REDIRECT, "coordinator", "superuser"))
        self.assertEqual(
            {n for n, o in got.items() if o == REDIRECT}, {"anna", "per", "sara", "admin"}
        )
        self.assertEqual(got["karin"], NOT_FOUND)  # a coordinator, but of Grannby
