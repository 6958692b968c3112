"""Authorization-matrix entries of reporting (see samverkan/organisations/matrix.py).

Object pages are opened on the objects of the matrix world
(organisations/tests/matrix_world.py): Järva's tertial report (Järva's local agreement
covers Rinkeby-Kista; Grannby has no local agreement), each tenant's year-end
compilation of its city agreement, and a finished export of each. Reports and
compilations follow their agreement (plans/visibility.py): Södermalm's district-limited
members do not see Järva's report, everybody of the tenant sees the city-wide
compilation, the other tenant nothing. Submitting and correcting a report, deciding a
compilation and drafting next year's plans need ``edit_plans`` in a party to the
agreement or above (Järva's: Anna, Per; the city agreement's: Anna; Grannby's: Karin;
and the platform operator). Exporting is open to every reader; an export job is
visible with what it exports.
"""

from samverkan.organisations.matrix import (
    LOGIN,
    NOT_FOUND,
    OK,
    REDIRECT,
    Case,
    Entry,
    members_of,
    only,
)

MEMBERS = {"anonymous": LOGIN, "*": OK}
XLSX = {"format": "xlsx"}


def report(outcome: str = OK, method: str = "get", data: dict | None = None) -> Entry:
    """Järva's report: every reader of Järva's agreement."""
    return Entry(
        method=method,
        data=data or {},
        kwargs=lambda w: {"pk": w.of_stockholm.report.pk},
        expect=members_of("stockholm", outcome, sodermalm=NOT_FOUND),
    )


def edit_report(data: dict | None = None) -> Entry:
    return Entry(
        method="post",
        data=data or {},
        kwargs=lambda w: {"pk": w.of_stockholm.report.pk},
        expect=only("stockholm", REDIRECT, "anna", "per", "superuser"),
    )


def compilation(outcome: str = OK, method: str = "get", data: dict | None = None) -> Entry:
    """Each tenant's compilation: every member of that tenant."""
    return Entry(
        method=method,
        data=data or {},
        kwargs=lambda w: {"pk": w.of_stockholm.compilation.pk},
        expect=members_of("stockholm", outcome),
        also=[
            Case(
                kwargs=lambda w: {"pk": w.of_grannby.compilation.pk},
                expect=members_of("grannby", outcome),
            )
        ],
    )


def edit_compilation() -> Entry:
    return Entry(
        method="post",
        kwargs=lambda w: {"pk": w.of_stockholm.compilation.pk},
        expect=only("stockholm", REDIRECT, "anna", "superuser"),
        also=[
            Case(
                kwargs=lambda w: {"pk": w.of_grannby.compilation.pk},
                expect=only("grannby", REDIRECT, "karin", "superuser"),
            )
        ],
    )


def export_job() -> Entry:
    """Jobs of Järva's report, then of Stockholm's and Grannby's compilations."""
    return Entry(
        kwargs=lambda w: {"pk": w.of_stockholm.report_export.pk},
        expect=members_of("stockholm", sodermalm=NOT_FOUND),
        also=[
            Case(
                kwargs=lambda w: {"pk": w.of_stockholm.compilation_export.pk},
                expect=members_of("stockholm"),
            ),
            Case(
                kwargs=lambda w: {"pk": w.of_grannby.compilation_export.pk},
                expect=members_of("grannby"),
            ),
        ],
    )


URLS = {
    "reporting-reports": Entry(expect=MEMBERS),
    "reporting-overview": Entry(expect=MEMBERS),
    "reporting-compilations": Entry(expect=MEMBERS),
    "reporting-report": report(),
    "reporting-compilation": compilation(),
    "reporting-export": export_job(),
    "reporting-export-json": export_job(),
    "reporting-export-download": export_job(),
    # Refused by the service (the draft's texts are empty): a message and the redirect.
    "reporting-report-submit": edit_report(),
    "reporting-report-correct": edit_report({"reason": "Fel siffra"}),
    "reporting-report-export": report(REDIRECT, "post", XLSX),
    "reporting-compilation-decide": edit_compilation(),
    "reporting-compilation-next-year": edit_compilation(),
    "reporting-compilation-export": compilation(REDIRECT, "post", XLSX),
}
