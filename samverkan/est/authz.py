"""Authorization-matrix entries for EST (see samverkan/organisations/matrix.py).

Reporting needs the capability ``report_observation`` (coordinators and reporters);
importing a CSV needs a coordinator of a tenant that has EST set up (categories and a
scale). The operational pictures are for members of a tenant with EST set up: Grannby,
the second tenant, has none, so its members get 404 like for anything that is missing.
"""

from samverkan.organisations.matrix import LOGIN, NOT_FOUND, OK, Entry

MISSING = {"anonymous": LOGIN, "*": NOT_FOUND}
NONE = lambda w: {"pk": 0}  # noqa: E731
REPORTERS = {"anonymous": LOGIN, "coordinator": OK, "reporter": OK, "*": NOT_FOUND}
STOCKHOLM_COORDINATORS = {
    "anonymous": LOGIN,
    "anna": OK,
    "per": OK,
    "sara": OK,
    "admin": OK,
    "*": NOT_FOUND,
}
STOCKHOLM = {"anonymous": LOGIN, "grannby": NOT_FOUND, "*": OK}

URLS = {
    "est-report": Entry(expect=REPORTERS),
    "est-mine": Entry(expect={"anonymous": LOGIN, "*": OK}),
    "est-observation": Entry(kwargs=NONE, expect=MISSING),
    "est-observation-edit": Entry(kwargs=NONE, expect=MISSING),
    "est-import": Entry(expect=STOCKHOLM_COORDINATORS),
    "est-weekly": Entry(expect=STOCKHOLM),
    "est-ranking": Entry(expect=STOCKHOLM),
    "est-hotspots": Entry(expect=STOCKHOLM),
    "est-yearly": Entry(expect=STOCKHOLM),
}
