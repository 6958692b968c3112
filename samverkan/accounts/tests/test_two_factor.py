from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from samverkan.test import BaseTestCase


class TwoFactorEnforcementTests(BaseTestCase):
    def test_a_reader_without_a_device_is_sent_to_set_one_up(self) -> None:
        self.client.force_login(self.olle, verified=False)  # reader: role requires it
        r = self.client.get("/agreements/")
        self.assertRedirects(
            r, f"{reverse('two_factor:setup')}?next=%2Fagreements%2F", fetch_redirect_response=False
        )

    def test_a_reporter_may_work_without_two_factor(self) -> None:
        self.client.force_login(self.rut, verified=False)  # reporter: role does not require it
        self.assertEqual(self.client.get("/agreements/").status_code, 200)

    def test_a_verified_coordinator_gets_in(self) -> None:
        self.client.force_login(self.anna)
        self.assertEqual(self.client.get("/agreements/").status_code, 200)

    def test_staff_need_two_factor_even_without_a_membership(self) -> None:
        self.client.force_login(self.admin, verified=False)
        r = self.client.get("/admin/")
        self.assertEqual(r.status_code, 302)
        self.assertTrue(r["Location"].startswith(reverse("two_factor:setup")))

    def test_an_unverified_session_of_a_user_with_a_device_is_ended(self) -> None:
        TOTPDevice.objects.create(user=self.anna, name="default", confirmed=True)
        self.client.force_login(self.anna, verified=False)
        r = self.client.get("/agreements/")
        self.assertTrue(r["Location"].startswith(reverse("accounts-login")))
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_setup_pages_stay_reachable_while_unverified(self) -> None:
        self.client.force_login(self.olle, verified=False)
        self.assertEqual(self.client.get(reverse("two_factor:setup")).status_code, 200)

    def test_the_role_decides_not_the_code(self) -> None:
        # Roles are data: a reader role that no longer requires 2FA lets Olle in.
        self.roles["reader"].requires_two_factor = False
        self.roles["reader"].save()
        self.client.force_login(self.olle, verified=False)
        self.assertEqual(self.client.get("/agreements/").status_code, 200)


class TwoFactorLoginTests(BaseTestCase):
    def setUp(self) -> None:
        self.device = TOTPDevice.objects.create(user=self.anna, name="default", confirmed=True)
        self.url = reverse("accounts-login")

    def password_step(self, password: str | None = None):
        return self.client.post(
            self.url,
            {
                "login_view-current_step": "auth",
                "username": "anna",
                "password": password or self.password,
            },
        )

    def current_token(self) -> str:
        return (
            f"{totp(self.device.bin_key, self.device.step, self.device.t0, self.device.digits):06d}"
        )

    def test_password_then_code_logs_in_verified(self) -> None:
        r = self.password_step()
        self.assertEqual(r.status_code, 200)  # the code step
        self.assertContains(r, 'name="token-otp_token"')
        r = self.client.post(
            self.url, {"login_view-current_step": "token", "token-otp_token": self.current_token()}
        )
        self.assertEqual(r.status_code, 302)
        self.assertEqual(self.client.get("/agreements/").status_code, 200)

    def test_a_wrong_code_does_not_log_in(self) -> None:
        self.password_step()
        wrong = f"{(int(self.current_token()) + 1) % 1_000_000:06d}"
        r = self.client.post(
            self.url, {"login_view-current_step": "token", "token-otp_token": wrong}
        )
        self.assertEqual(r.status_code, 200)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_a_backup_code_logs_in_once(self) -> None:
        backup = StaticDevice.objects.create(user=self.anna, name="backup", confirmed=True)
        backup.token_set.create(token="abcd1234")
        self.password_step()
        r = self.client.post(
            self.url, {"login_view-current_step": "backup", "backup-otp_token": "abcd1234"}
        )
        self.assertEqual(r.status_code, 302)
        self.assertEqual(self.client.get("/agreements/").status_code, 200)
        self.assertFalse(backup.token_set.exists())

    def test_the_password_alone_gives_no_session(self) -> None:
        self.password_step()
        self.assertNotIn("_auth_user_id", self.client.session)
        self.assertEqual(self.client.get("/agreements/").status_code, 302)


class TwoFactorSetupTests(BaseTestCase):
    def test_the_wizard_sets_up_an_app_and_verifies_the_session(self) -> None:
        self.client.force_login(self.olle, verified=False)
        url = reverse("two_factor:setup")
        self.client.post(url, {"setup_view-current_step": "welcome"})
        r = self.client.post(
            url, {"setup_view-current_step": "method", "method-method": "generator"}
        )
        self.assertContains(r, reverse("two_factor:qr"))
        self.assertEqual(self.client.get(reverse("two_factor:qr")).status_code, 200)
        key = self.client.session["django_two_factor-qr_secret_key"]
        from base64 import b32decode

        token = f"{totp(b32decode(key), 30, 0, 6):06d}"
        r = self.client.post(
            url, {"setup_view-current_step": "generator", "generator-token": token}
        )
        self.assertRedirects(r, reverse("two_factor:setup_complete"), fetch_redirect_response=False)
        self.assertTrue(TOTPDevice.objects.filter(user=self.olle, name="default").exists())
        self.assertEqual(self.client.get("/agreements/").status_code, 200)
