"""Authorization-matrix entries (see samverkan/organisations/matrix.py).

Written by the security helper when the matrix met this app: pages that list are opened
as every actor; pages of one object are opened with an id that does not exist (login
first, then "not found" for everybody). The app's owner should add real objects of both
tenants to show the cross-tenant and cross-district 404s here as well.
"""

from samverkan.organisations.matrix import LOGIN, NOT_FOUND, OK, Entry

MEMBERS = {"anonymous": LOGIN, "*": OK}
MISSING = {"anonymous": LOGIN, "*": NOT_FOUND}
NONE = lambda w: {"pk": 0}  # noqa: E731


def post_missing() -> Entry:
    return Entry(method="post", kwargs=NONE, expect=MISSING)


URLS = {
    "governance-groups": Entry(expect=MEMBERS),
    "governance-decisions": Entry(expect=MEMBERS),
    "governance-calendar": Entry(expect=MEMBERS),
    "governance-referrals": Entry(expect=MEMBERS),
    "governance-group": Entry(kwargs=NONE, expect=MISSING),
    "governance-meeting": Entry(kwargs=NONE, expect=MISSING),
    "governance-referral": Entry(kwargs=NONE, expect=MISSING),
    "governance-statement": Entry(kwargs=NONE, expect=MISSING),
    "governance-statement-add": Entry(
        kwargs=lambda w: {"pk": 0, "recipient_pk": 0}, expect=MISSING
    ),
    "governance-meeting-minutes": post_missing(),
    "governance-meeting-adjust": post_missing(),
    "governance-decision-add": post_missing(),
    "governance-decision-done": post_missing(),
}
