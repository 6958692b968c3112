"""Authorization-matrix entries for EST (see samverkan/organisations/matrix.py).

Reporting needs the capability ``report_observation`` (coordinators and reporters);
importing a CSV needs a coordinator of a tenant that has EST set up (categories and a
scale). The operational pictures are for members of a tenant with EST set up: Grannby,
the second tenant, has none, so its members get 404 like for anything that is missing.

An observation is opened on Rut's report in Rinkeby of the matrix world
(organisations/tests/matrix_world.py; Grannby has no EST, so no observation of its own).
Its record, with the free text, is for the reporter and for roles granting
``view_observations`` or ``edit_plans`` in its district (models.ObservationQuerySet):
Rut, Anna (city), Per (LPO Järva). Readers, auditors and administrators of the tenant,
Södermalm's members and Grannby are told "not found", as if it did not exist. Editing:
the reporter, or a coordinator of the district (permissions.can_edit).
"""

from samverkan.organisations.matrix import LOGIN, NOT_FOUND, OK, Entry

OBSERVATION = lambda w: {"pk": w.of_stockholm.observation.pk}  # noqa: E731
RECORD_READERS = {
    "anonymous": LOGIN,
    "rut": OK,
    "anna": OK,
    "per": OK,
    "admin": OK,
    "*": NOT_FOUND,
}
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
    "est-observation": Entry(kwargs=OBSERVATION, expect=RECORD_READERS),
    "est-observation-edit": Entry(kwargs=OBSERVATION, expect=RECORD_READERS),
    "est-import": Entry(expect=STOCKHOLM_COORDINATORS),
    "est-weekly": Entry(expect=STOCKHOLM),
    "est-ranking": Entry(expect=STOCKHOLM),
    "est-hotspots": Entry(expect=STOCKHOLM),
    "est-yearly": Entry(expect=STOCKHOLM),
}
