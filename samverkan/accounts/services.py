from django.db import transaction
from django.db.models import F

from .models import User


def log_out_everywhere(*, user: User) -> None:
    """End all of ``user``'s sessions on every device, at their next request.

    Raises ``session_generation``, which is part of the session hash Django checks on
    every request (see User._get_session_auth_hash). The change is audited like any
    other write of the user row.
    """
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        locked.session_generation = F("session_generation") + 1
        locked.save(update_fields=["session_generation"])
