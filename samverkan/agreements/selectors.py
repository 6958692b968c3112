from dataclasses import dataclass, field

from .models import Agreement, AgreementLevel, PriorityArea


@dataclass
class CoverageRow:
    """One local agreement and the frame areas it does not address.

    ``uncovered``: city-wide PriorityArea rows of the parent agreement that none of the
    local agreement's own areas links to (through PriorityArea.frame_areas).
    """

    agreement: Agreement
    frame: Agreement | None
    covered: list[PriorityArea] = field(default_factory=list)
    uncovered: list[PriorityArea] = field(default_factory=list)

    @property
    def is_complete(self) -> bool:
        return self.frame is not None and not self.uncovered


def coverage_report(agreements) -> list[CoverageRow]:
    """Check every local agreement in ``agreements`` against its city-wide frame.

    ``agreements`` is an Agreement queryset already passed through ``visible_to``. A local
    agreement without a frame is listed with ``frame=None`` (nothing can be checked).
    """
    rows: list[CoverageRow] = []
    local = (
        agreements.filter(level=AgreementLevel.LOCAL)
        .select_related("parent")
        .prefetch_related("priority_areas__frame_areas", "parent__priority_areas")
        .order_by("title")
    )
    for agreement in local:
        frame = agreement.parent
        row = CoverageRow(agreement=agreement, frame=frame)
        if frame is not None:
            linked = {
                fa.pk for area in agreement.priority_areas.all() for fa in area.frame_areas.all()
            }
            for area in frame.priority_areas.all():
                (row.covered if area.pk in linked else row.uncovered).append(area)
        rows.append(row)
    return rows
