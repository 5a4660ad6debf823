"""Real-browser fixtures: a JupyterLab server on localhost and headless Debian Chromium.

Playwright drives ``/usr/bin/chromium`` (it cannot download its own browser here).
With ``KIT_REQUIRE_BROWSER=1`` (set by scripts/test.py when ``CI=true``) a missing
browser is a failure, never a skip.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]
TOKEN = "kit-test-token"


def _require_browser() -> None:
    if not os.path.exists(CHROMIUM):
        msg = f"{CHROMIUM} is missing: install Debian's chromium package"
        if os.environ.get("KIT_REQUIRE_BROWSER") == "1" or os.environ.get("CI") == "true":
            pytest.fail(msg)
        pytest.skip(msg)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LabServer:
    def __init__(self, root: Path, home: Path) -> None:
        self.root = root
        self.home = home
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        settings = root.parent / "lab-user-settings"
        # windowingMode "none": every cell stays in the page, off-screen ones too.
        tracker = settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
        tracker.parent.mkdir(parents=True, exist_ok=True)
        tracker.write_text(json.dumps({"windowingMode": "none"}))
        # No "what's new" or news pop-ups: nothing may reach the internet.
        news = settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
        news.parent.mkdir(parents=True, exist_ok=True)
        news.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
        env = dict(os.environ, KIT_HOME=str(home), JUPYTER_PLATFORM_DIRS="1", PYTHONUTF8="1")
        self.log = open(root.parent / "jupyterlab.log", "w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--ServerApp.port={self.port}",
             "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={root}",
             f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={root.parent / 'workspaces'}",
             "--LabApp.news_url=", "--ServerApp.open_browser=False", "--allow-root",
             "--LabApp.extension_manager=readonly"],
            stdout=self.log, stderr=subprocess.STDOUT, env=env, cwd=root,
        )
        self._wait_ready()

    def _wait_ready(self, timeout: float = 90) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("JupyterLab exited early; see jupyterlab.log")
            try:
                with urllib.request.urlopen(f"{self.url}/api/status?token={TOKEN}", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError("JupyterLab did not start in time")

    def notebook_url(self, relpath: str) -> str:
        return f"{self.url}/lab/tree/{relpath}?token={TOKEN}&reset"

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """JupyterLab serving a copy of the notebook folders (tests never edit the sources)."""
    _require_browser()
    base = tmp_path_factory.mktemp("lab")
    root = base / "repo"
    for folder in ("notebooks", "exercises", "solutions"):
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    home = base / "kit-home"
    server = LabServer(root, home)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    if rep.when == "call":
        item.kit_failed = rep.failed


def local_only_page(browser, base_url: str, timeout: float = 60_000):
    """A new context and page that may reach ``base_url`` only: anything else is a bug (fonts,
    CDNs...), aborted and listed in ``page.outside_requests``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    outside: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith(base_url) or url.startswith(("data:", "blob:")):
            return route.continue_()
        outside.append(url)
        return route.abort()

    context.route("**/*", guard)
    pg = context.new_page()
    pg.set_default_timeout(timeout)
    pg.outside_requests = outside  # type: ignore[attr-defined]
    return context, pg


@pytest.fixture()
def page(browser, lab, request):
    context, pg = local_only_page(browser, lab.url)
    yield pg
    if getattr(request.node, "kit_failed", False):  # keep what the page showed when it failed
        from tests.conftest import ARTIFACTS

        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        try:
            pg.screenshot(path=str(ARTIFACTS / f"FAILED-{request.node.name}.png"), full_page=False)
        except Exception:  # noqa: BLE001
            pass
    context.close()
