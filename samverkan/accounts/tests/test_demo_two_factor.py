from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.urls import reverse

from samverkan.test import BaseTestCase


class DemoTwoFactorTests(BaseTestCase):
    @override_settings(TWO_FACTOR_DEMO_CODES_ALLOWED=True)
    def test_the_printed_code_logs_the_demo_user_in(self) -> None:
        out = StringIO()
        call_command("demo-two-factor", "anna", stdout=out)
        code = out.getvalue().split("code now ")[1][:6]
        url = reverse("accounts-login")
        self.client.post(
            url,
            {
                "login_view-current_step": "auth",
                "username": "anna",
                "password": self.password,
            },
        )
        r = self.client.post(url, {"login_view-current_step": "token", "token-otp_token": code})
        self.assertEqual(r.status_code, 302)
        self.assertEqual(self.client.get("/agreements/").status_code, 200)

    @override_settings(TWO_FACTOR_DEMO_CODES_ALLOWED=False)
    def test_it_is_refused_outside_debug(self) -> None:
        with self.assertRaises(CommandError):
            call_command("demo-two-factor", "anna", stdout=StringIO())


class DemoLoginInfoTests(BaseTestCase):
    @override_settings(TWO_FACTOR_DEMO_CODES_ALLOWED=True)
    def test_demo_users_who_need_it_get_the_demo_device(self) -> None:
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from samverkan.accounts.demo import demo_two_factor_lines

        lines = demo_two_factor_lines(["anna", "rut"])
        self.assertIn("anna", lines[0])
        self.assertNotIn("rut", lines[0])  # a reporter logs in without a second factor
        self.assertTrue(TOTPDevice.objects.filter(user=self.anna, name="default").exists())
        self.assertFalse(TOTPDevice.objects.filter(user=self.rut).exists())

    @override_settings(TWO_FACTOR_DEMO_CODES_ALLOWED=False)
    def test_nothing_happens_outside_debug(self) -> None:
        from samverkan.accounts.demo import demo_two_factor_lines

        self.assertEqual(demo_two_factor_lines(["anna"]), [])
