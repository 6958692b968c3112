"""Test helpers shared by every app: browser tests (browser.py) and a test-only page
that exercises the chart and map contract (urls.py). Not imported by production code."""
