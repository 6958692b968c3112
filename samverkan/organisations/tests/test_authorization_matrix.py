"""Walk every URL pattern as every actor and compare with the declared expectations.

The expectations live with each app (``samverkan/<app>/authz.py``, see
samverkan/organisations/matrix.py). A pattern without an entry fails the test, so a new
page cannot ship without someone deciding who may open it. Object pages are opened on
the objects of both tenants built by matrix_world.py; each request runs in a savepoint
that is rolled back, so POSTs that change state do not depend on the order of cells.
"""

import sys
import tempfile
from urllib.parse import urlsplit

from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from samverkan.organisations.matrix import (
    ACTORS,
    LOGIN,
    NO_CONTENT,
    NOT_AN_ERROR,
    OK,
    REDIRECT,
    Entry,
    collect,
    outcome_for,
    url_patterns,
)
from samverkan.test import BaseTestCase, VerifiedClient

from .matrix_world import build_matrix_world

STATUS_OUTCOMES = {
    200: OK,
    204: NO_CONTENT,
    403: "403 forbidden",
    404: "404 not found",
    405: "405 method not allowed",
    429: "429 too many",
}


@override_settings(MEDIA_ROOT=tempfile.mkdtemp(prefix="samverkan-matrix-"))
class MatrixTestCase(BaseTestCase):
    """The cast, one holder of every role in both tenants and both districts, and the
    objects of both tenants the object pages are opened on (matrix_world.py)."""

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        grannby_police = cls.grannby_kommun  # the cast has one (the world adds the police)
        extra = [
            ("sven", cls.sodermalm_sdf, "reader", [cls.sodermalm]),
            ("stina", cls.sodermalm_sdf, "reporter", [cls.sodermalm]),
            ("ulla", cls.city, "auditor", None),
            ("adam", cls.city, "administrator", None),
            ("gustav", cls.grannby_kommun, "reader", None),
            ("greta", grannby_police, "reporter", None),
            ("gerd", cls.grannby_kommun, "auditor", None),
            ("gunnar", cls.grannby_kommun, "administrator", None),
        ]
        for username, organisation, role, districts in extra:
            user = cls.make_user(
                username, username.title(), "Test", organisation, role, districts=districts
            )
            setattr(cls, username, user)
        for admin_user in (cls.adam, cls.gunnar):
            admin_user.is_staff = True
            admin_user.save(update_fields=["is_staff"])
        build_matrix_world(cls)


def classify(response) -> str:
    if response.status_code in (301, 302):
        path = urlsplit(response["Location"]).path
        logins = {reverse("accounts-login"), reverse("admin:login"), reverse("two_factor:login")}
        return LOGIN if path in logins else REDIRECT
    return STATUS_OUTCOMES.get(response.status_code, str(response.status_code))


class AuthorizationMatrixTests(MatrixTestCase):
    def test_every_url_gives_every_actor_the_declared_outcome(self) -> None:
        entries, rules = collect()
        patterns = url_patterns()
        missing, unexpected, cells, extra_cases = [], [], 0, 0
        used: set[str] = set()

        clients: dict[str, VerifiedClient] = {}

        def client_for(actor_name: str) -> VerifiedClient:
            if actor_name not in clients:
                client = VerifiedClient(raise_request_exception=False)
                if actor_name != "anonymous":
                    # Fresh from the database: "log out everywhere" changed the row.
                    user = getattr(self, actor_name)
                    client.force_login(type(user).objects.get(pk=user.pk))
                clients[actor_name] = client
            return clients[actor_name]

        for key, route, _pattern in patterns:
            entry: Entry | None = entries.get(key)
            if entry is not None:
                used.add(key)
            else:
                entry = next((e for rule in rules if (e := rule(key, route)) is not None), None)
            if entry is None:
                missing.append(f"{key}  ({route})")
                continue
            cases = entry.cases()
            extra_cases += len(cases) - 1
            for n, case in enumerate(cases):
                kwargs = case.kwargs(self) if case.kwargs else {}
                url = _url(key, route, kwargs)
                data = case.data(self) if callable(case.data) else case.data
                label = key if n == 0 else f"{key} (also #{n}: {kwargs})"
                for actor in ACTORS:
                    client = client_for(actor.name)  # logs in outside the cell's savepoint
                    # Each cell in a savepoint rolled back afterwards: a POST that approves,
                    # submits or publishes leaves the world unchanged for the next cell.
                    with transaction.atomic():
                        response = getattr(client, entry.method)(url, data)
                        transaction.set_rollback(True)
                    if entry.method == "post":
                        clients.pop(actor.name)  # logout and friends end the session
                    got = classify(response)
                    expected = outcome_for(case.expect, actor)
                    cells += 1
                    ok = response.status_code < 500 if expected == NOT_AN_ERROR else got == expected
                    if not ok:
                        unexpected.append(
                            f"{label} as {actor.name}: expected {expected}, got {got}"
                        )

        stale = sorted(set(entries) - used)
        sys.stderr.write(
            f"\nauthorization matrix: {len(patterns)} URL patterns x {len(ACTORS)} actors"
            f" + {extra_cases} extra cases x {len(ACTORS)} actors"
            f" = {cells} cells, {len(unexpected)} unexpected\n"
        )
        self.assertEqual(missing, [], "URL patterns without an authz entry")
        self.assertEqual(stale, [], "authz entries for URL names that no longer exist")
        self.assertEqual(unexpected, [], "\n".join(unexpected))
        self.assertEqual(cells, (len(patterns) + extra_cases) * len(ACTORS))


def _url(key: str, route: str, kwargs: dict) -> str:
    if key != route:
        return reverse(key, kwargs=kwargs)
    # An unnamed pattern: fill its converters by hand.
    path = route
    for name, value in kwargs.items():
        for marker in (f"<path:{name}>", f"<int:{name}>", f"<{name}>", f"(?P<{name}>.*)$"):
            path = path.replace(marker, str(value))
    return "/" + path.lstrip("^").rstrip("$")
