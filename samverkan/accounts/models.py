from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who logs in. Staff names and work e-mail only; no personal identity numbers.

    What a user may see comes from their memberships (organisations.Membership), never
    from Django groups.
    """

    preferred_language = models.CharField(
        _("preferred language"), max_length=8, blank=True, default=""
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username
