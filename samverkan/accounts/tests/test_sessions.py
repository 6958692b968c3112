from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from samverkan.test import BaseTestCase, VerifiedClient


class LogOutEverywhereTests(BaseTestCase):
    def test_it_ends_every_session_of_the_user_and_only_theirs(self) -> None:
        laptop, phone, colleague = VerifiedClient(), VerifiedClient(), VerifiedClient()
        laptop.force_login(self.anna)
        phone.force_login(self.anna)
        colleague.force_login(self.per)
        self.assertEqual(phone.get("/agreements/").status_code, 200)

        r = laptop.post(reverse("accounts-logout-everywhere"))
        self.assertRedirects(r, reverse("home"), fetch_redirect_response=False)

        self.assertEqual(phone.get("/agreements/").status_code, 302)
        self.assertEqual(laptop.get("/agreements/").status_code, 302)
        self.assertEqual(colleague.get("/agreements/").status_code, 200)
        self.anna.refresh_from_db()
        self.assertEqual(self.anna.session_generation, 1)

    def test_it_needs_a_post_and_a_login(self) -> None:
        self.client.force_login(self.anna)
        self.assertEqual(self.client.get(reverse("accounts-logout-everywhere")).status_code, 405)
        self.client.logout()
        r = self.client.post(reverse("accounts-logout-everywhere"))
        self.assertTrue(r["Location"].startswith(reverse("accounts-login")))


class IdleExpiryTests(BaseTestCase):
    def test_sessions_expire_after_the_idle_period_and_each_request_extends_them(self) -> None:
        self.client.force_login(self.anna)
        self.client.get("/agreements/")
        session = Session.objects.get(session_key=self.client.session.session_key)
        remaining = session.expire_date - timezone.now()
        idle = timedelta(seconds=settings.SESSION_COOKIE_AGE)
        self.assertLessEqual(remaining, idle)
        self.assertGreater(remaining, idle - timedelta(minutes=1))

    def test_an_idle_session_no_longer_logs_in(self) -> None:
        self.client.force_login(self.anna)
        key = self.client.session.session_key
        Session.objects.filter(session_key=key).update(
            expire_date=timezone.now() - timedelta(seconds=1)
        )
        self.assertEqual(self.client.get("/agreements/").status_code, 302)

    def test_cookies_are_http_only_and_same_site(self) -> None:
        r = self.client.post(
            reverse("accounts-login"),
            {
                "username": "rut",
                "password": self.password,
            },
        )
        cookie = r.cookies[settings.SESSION_COOKIE_NAME]
        self.assertTrue(cookie["httponly"])
        self.assertEqual(cookie["samesite"], "Lax")
