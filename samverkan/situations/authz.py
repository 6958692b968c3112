"""Authorization-matrix entries of the situations app (see samverkan/organisations/matrix.py)."""

from samverkan.organisations.matrix import LOGIN, OK, Entry

URLS = {
    "situations-areas": Entry(expect={"anonymous": LOGIN, "*": OK}),
}
