from auditlog.registry import auditlog
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who logs in. Staff names and work e-mail only; no personal identity numbers.

    What a user may see comes from their memberships (organisations.Membership), never
    from Django groups.
    """

    preferred_language = models.CharField(
        _("preferred language"), max_length=8, blank=True, default=""
    )
    session_generation = models.PositiveIntegerField(
        _("session generation"),
        default=0,
        editable=False,
        help_text=_("Raised by 'log out everywhere': every older session stops working."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        # Django keeps a session only while the hash stored in it matches this one. Mixing
        # in session_generation makes "log out everywhere" (which raises it) end all of the
        # user's sessions on every device at their next request, like a password change.
        return salted_hmac(
            "samverkan.accounts.User.get_session_auth_hash",
            f"{self.password}:{self.session_generation}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()


# Password hashes and login times are not worth an entry each; everything else is.
auditlog.register(User, exclude_fields=["password", "last_login"])
