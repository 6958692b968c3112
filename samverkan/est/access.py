"""Reads of observations' free text are sensitive: record who read which report."""

from collections.abc import Iterable

from django.http import HttpRequest

from samverkan.audit.services import log_access

from .models import Observation


def log_text_read(
    *, user, observations: Iterable[Observation], request: HttpRequest | None = None
) -> None:
    """Record in the audit log that ``user`` was shown the free text of each observation."""
    for observation in observations:
        log_access(user, observation, request)
