import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.test import SimpleTestCase

ROOT = Path(__file__).resolve().parents[3]

PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "SECURE_TLS": "true",
    "ALLOWED_HOSTS": "samverkan.example.se",
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
}


def check_deploy(extra_env: dict[str, str]) -> subprocess.CompletedProcess:
    # DJANGO_ALLOW_ASYNC_UNSAFE is set by browser tests in this process; not in production.
    skip = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in skip}
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


class DeployCheckTests(SimpleTestCase):
    def test_check_deploy_is_clean_with_the_production_variables(self) -> None:
        result = check_deploy(PRODUCTION_ENV)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("no issues", result.stdout + result.stderr)

    def test_check_deploy_complains_on_a_laptop_configuration(self) -> None:
        result = check_deploy({"DEBUG": "true"})
        self.assertNotEqual(result.returncode, 0)
        output = result.stdout + result.stderr
        for code in ("security.W004", "security.W008", "security.W012", "security.W018"):
            self.assertIn(code, output)
