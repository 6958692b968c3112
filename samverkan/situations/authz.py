"""Authorization-matrix entries of the situations app (see samverkan/organisations/matrix.py).

Situation pictures v1 show public data to every member of any tenant (selectors.py,
areas_visible_to); anonymous visitors are sent to log in.
"""

from samverkan.organisations.matrix import LOGIN, OK, Entry

MEMBERS = {"anonymous": LOGIN, "*": OK}
STOCKHOLM = {"kind": "municipality", "code": "0180"}

URLS = {
    "situations-areas": Entry(expect=MEMBERS),
    "situations-detail": Entry(kwargs=lambda w: STOCKHOLM, expect=MEMBERS),
    "situations-json": Entry(kwargs=lambda w: STOCKHOLM, expect=MEMBERS),
    "situations-unplaced": Entry(kwargs=lambda w: STOCKHOLM, expect=MEMBERS),
}
