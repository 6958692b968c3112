"""The authorization matrix: what every actor gets from every URL pattern.

Each app declares its URLs in ``samverkan/<app>/authz.py``::

    from samverkan.organisations.matrix import LOGIN, NOT_FOUND, OK, Entry

    URLS = {
        "agreements-list": Entry(expect={"anonymous": LOGIN, "*": OK}),
        "agreements-detail": Entry(
            kwargs=lambda w: {"pk": w.city_agreement.pk},
            expect={"anonymous": LOGIN, "grannby": NOT_FOUND, "*": OK},
        ),
    }

Keys are URL names as ``reverse`` takes them ("ns:name"); a pattern without a name is
keyed by its route ("admin/(?P<url>.*)$"). ``kwargs`` gets the test case (the world of
samverkan.test.BaseTestCase, the matrix actors and the matrix objects) and returns the
URL's arguments. ``expect`` maps an actor name, a group, or "*" to an outcome; the most
specific wins (actor, then the groups in the actor's order, then "*").

Pages of one object are opened on real objects of the matrix world
(samverkan/organisations/tests/matrix_world.py): ``w.of_stockholm.<thing>`` (Stockholm's,
in Rinkeby-Kista where the thing has a district) and ``w.of_grannby.<thing>``. One URL
can be tried more than once: ``also`` lists further ``Case``s (other arguments, other
data, their own expectations), typically the other tenant's object::

    "pledges-detail": Entry(
        kwargs=lambda w: {"pk": w.of_stockholm.pledge.pk},
        expect={"anonymous": LOGIN, "grannby": NOT_FOUND, "*": OK},
        also=[Case(kwargs=lambda w: {"pk": w.of_grannby.pledge.pk},
                   expect={"anonymous": LOGIN, "stockholm": NOT_FOUND, "*": OK})],
    ),

Every request runs in a savepoint that is rolled back, so a POST that changes an object
(approve, submit, publish) leaves the world as it was for the next cell. A module may also define
``RULES``: a list of callables ``rule(name, route) -> Entry | None`` for generated URLs
(the admin site). The matrix test fails for any URL pattern with no entry, and for any
entry whose pattern no longer exists.

Outcomes: OK (200), NO_CONTENT (204), LOGIN (302 to a login page), REDIRECT (302/301
elsewhere), FORBIDDEN (403), NOT_FOUND (404), NOT_ALLOWED (405), TOO_MANY (429),
NOT_AN_ERROR (anything below 500: only for the superuser, whose pages the matrix walks
to show that nothing breaks, not to restrict).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

OK = "200 ok"
NO_CONTENT = "204 no content"
LOGIN = "302 to login"
REDIRECT = "302 elsewhere"
FORBIDDEN = "403 forbidden"
NOT_FOUND = "404 not found"
NOT_ALLOWED = "405 method not allowed"
TOO_MANY = "429 too many"
NOT_AN_ERROR = "below 500"


@dataclass(frozen=True)
class Actor:
    """A matrix actor: cast attribute name (None = anonymous) and the groups it is in."""

    name: str
    groups: tuple[str, ...] = ()


# Everybody the matrix logs in as: anonymous, the fixed cast, and the extra role holders
# MatrixTestCase adds so that every role exists in both tenants and both districts.
# Groups: tenant ("stockholm", "grannby"), role, "staff", and district ("rinkeby_kista",
# "sodermalm") for members limited to one.
ACTORS = [
    Actor("anonymous", ("anonymous",)),
    Actor("anna", ("stockholm", "coordinator", "city")),
    Actor("per", ("stockholm", "coordinator", "police")),
    Actor("olle", ("stockholm", "reader", "rinkeby_kista")),
    Actor("rut", ("stockholm", "reporter", "rinkeby_kista")),
    Actor("sara", ("stockholm", "coordinator", "sodermalm")),
    Actor("sven", ("stockholm", "reader", "sodermalm")),
    Actor("stina", ("stockholm", "reporter", "sodermalm")),
    Actor("ulla", ("stockholm", "auditor", "city")),
    Actor("adam", ("stockholm", "administrator", "staff")),
    Actor("karin", ("grannby", "coordinator")),
    Actor("gustav", ("grannby", "reader")),
    Actor("greta", ("grannby", "reporter")),
    Actor("gerd", ("grannby", "auditor")),
    Actor("gunnar", ("grannby", "administrator", "staff")),
    Actor("admin", ("superuser",)),
]


OTHER_TENANT = {"stockholm": "grannby", "grannby": "stockholm"}


def members_of(tenant: str, outcome: str = OK, **per_key: str) -> dict[str, str]:
    """Expectations for an object of ``tenant`` ("stockholm" | "grannby") all members see.

    Members (and the superuser) get ``outcome``, the other tenant NOT_FOUND, anonymous
    LOGIN; ``per_key`` adds actors or groups, e.g. ``sodermalm=NOT_FOUND`` for an object
    in Rinkeby-Kista (Södermalm's members have no role key here, so the group decides).
    """
    return {"anonymous": LOGIN, OTHER_TENANT[tenant]: NOT_FOUND, **per_key, "*": outcome}


def only(tenant: str, outcome: str, *who: str, **per_key: str) -> dict[str, str]:
    """Expectations for an object of ``tenant`` that only ``who`` (actors or groups) may use.

    ``who`` get ``outcome``; the other tenant (even its holders of the same role), every
    other logged-in actor NOT_FOUND, anonymous LOGIN. ``per_key`` overrides single actors,
    e.g. ``only("stockholm", REDIRECT, "coordinator", sara=NOT_FOUND)`` for an object in
    Rinkeby-Kista (Sara's groups list "coordinator" before "sodermalm", so her name is
    needed; see ``DISTRICT_LIMITED_ELSEWHERE``).
    """
    return {
        "anonymous": LOGIN,
        OTHER_TENANT[tenant]: NOT_FOUND,
        **dict.fromkeys(who, outcome),
        **per_key,
        "*": NOT_FOUND,
    }


# Södermalm's district-limited actors: for an object of Rinkeby-Kista (Järva) they are told
# "not found" whatever their role (ADR 0095). Spread into ``only``/``members_of``.
DISTRICT_LIMITED_ELSEWHERE = {"sara": NOT_FOUND, "sven": NOT_FOUND, "stina": NOT_FOUND}


def outcome_for(expect: dict[str, str], actor: Actor) -> str:
    """The most specific outcome of ``expect`` for ``actor``: its name, its groups, then "*".

    Raises KeyError when none applies.
    """
    for key in (actor.name, *actor.groups, "*"):
        if key in expect:
            return expect[key]
    raise KeyError(f"no expectation for {actor.name}")


@dataclass
class Case:
    """One more request to an entry's URL pattern: other arguments, same method.

    ``kwargs`` as in Entry; ``data`` None = the entry's data; ``expect`` is complete on its
    own (nothing is inherited from the entry).
    """

    expect: dict[str, str]
    kwargs: Callable[[object], dict] | None = None
    data: dict | None = None


@dataclass
class Entry:
    """What each actor gets from one URL pattern; see the module docstring."""

    expect: dict[str, str]
    kwargs: Callable[[object], dict] | None = None
    method: str = "get"
    # The request's data, or a callable taking the test case (for ids of the world).
    data: dict | Callable[[object], dict] = field(default_factory=dict)
    also: list[Case] = field(default_factory=list)

    def outcome_for(self, actor: Actor) -> str:
        return outcome_for(self.expect, actor)

    def cases(self) -> list[Case]:
        """The entry's own request first, then ``also``; each with its data filled in."""
        own = Case(expect=self.expect, kwargs=self.kwargs, data=self.data)
        return [own] + [
            Case(expect=c.expect, kwargs=c.kwargs, data=self.data if c.data is None else c.data)
            for c in self.also
        ]


def url_patterns() -> list[tuple[str, str, URLPattern]]:
    """Every pattern of the URLconf as (key, full route, pattern); key = "ns:name" or route."""
    found: list[tuple[str, str, URLPattern]] = []

    def walk(patterns, prefix: str, namespace: str | None) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = namespace
                if p.namespace:
                    ns = f"{namespace}:{p.namespace}" if namespace else p.namespace
                walk(p.url_patterns, prefix + str(p.pattern), ns)
            else:
                route = prefix + str(p.pattern)
                key = (f"{namespace}:{p.name}" if namespace else p.name) if p.name else route
                found.append((key, route, p))

    walk(get_resolver().url_patterns, "", None)
    return found


def collect() -> tuple[dict[str, Entry], list[Callable]]:
    """Entries (URLS) and rules (RULES) of every installed app's ``authz`` module."""
    entries: dict[str, Entry] = {}
    rules: list[Callable] = []
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.authz")
        except ModuleNotFoundError as e:
            if e.name != f"{config.name}.authz":
                raise
            continue
        for key, entry in getattr(module, "URLS", {}).items():
            if key in entries:
                raise ValueError(f"{key} declared twice (second time in {config.name})")
            entries[key] = entry
        rules.extend(getattr(module, "RULES", []))
    return entries, rules
