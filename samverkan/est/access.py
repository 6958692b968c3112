"""Reads of observations' free text are sensitive: record who read which report.

``log_text_read`` is the single hook for the security work's access-log service
(samverkan/audit, not on main yet). Until then it writes django-auditlog "access"
entries through auditlog's own ``accessed`` signal, so every read is still on record.
"""

from collections.abc import Iterable

from auditlog.signals import accessed

from .models import Observation


def log_text_read(*, user, observations: Iterable[Observation]) -> None:
    """Record that ``user`` was shown the free text of each observation (one entry each)."""
    for observation in observations:
        accessed.send(sender=Observation, instance=observation, actor=user)
