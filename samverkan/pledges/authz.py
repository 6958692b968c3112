"""Authorization-matrix entries (see samverkan/organisations/matrix.py).

Written by the security helper when the matrix met this app: pages that list are opened
as every actor; pages of one object are opened with an id that does not exist (login
first, then "not found" for everybody). The app's owner should add real objects of both
tenants to show the cross-tenant and cross-district 404s here as well.
"""

from samverkan.organisations.matrix import LOGIN, NOT_FOUND, OK, Entry

MEMBERS = {"anonymous": LOGIN, "*": OK}
MISSING = {"anonymous": LOGIN, "*": NOT_FOUND}
# Drafting needs edit_plans (coordinators) in the user's tenant (a superuser passes the shared
# has_capability); others are told "not found".
DRAFTERS = {"anonymous": LOGIN, "coordinator": OK, "superuser": OK, "*": NOT_FOUND}
NONE = lambda w: {"pk": 0}  # noqa: E731

URLS = {
    "pledges-list": Entry(expect=MEMBERS),
    "pledges-new": Entry(expect=DRAFTERS),
    "pledges-detail": Entry(kwargs=NONE, expect=MISSING),
    "pledges-promise-add": Entry(method="post", kwargs=NONE, expect=MISSING),
    "pledges-follow-up-add": Entry(method="post", kwargs=NONE, expect=MISSING),
    "pledges-dialogue-add": Entry(method="post", kwargs=NONE, expect=MISSING),
    "pledges-next": Entry(method="post", kwargs=NONE, expect=MISSING),
    "pledges-publish": Entry(method="post", kwargs=NONE, expect=MISSING),
}
