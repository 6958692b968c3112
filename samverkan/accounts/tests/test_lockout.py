from django.test import override_settings
from django.urls import reverse

from samverkan.test import BaseTestCase


@override_settings(AXES_FAILURE_LIMIT=3)
class LockoutTests(BaseTestCase):
    def attempt(self, username: str, password: str):
        return self.client.post(
            reverse("accounts-login"),
            {
                "username": username,
                "password": password,
            },
        )

    def test_repeated_failures_lock_the_account_even_for_the_right_password(self) -> None:
        for _ in range(2):
            self.assertEqual(self.attempt("rut", "wrong").status_code, 200)
        r = self.attempt("rut", "wrong")
        self.assertEqual(r.status_code, 429)
        self.assertTemplateUsed(r, "accounts/locked_out.html")
        r = self.attempt("rut", self.password)
        self.assertEqual(r.status_code, 429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_fewer_failures_than_the_limit_still_let_the_right_password_in(self) -> None:
        self.attempt("rut", "wrong")
        self.attempt("rut", "wrong")
        r = self.attempt("rut", self.password)  # a reporter: no second factor
        self.assertEqual(r.status_code, 302)
        self.assertEqual(str(self.client.session["_auth_user_id"]), str(self.rut.pk))
