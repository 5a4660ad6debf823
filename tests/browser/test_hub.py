"""A real JupyterHub on localhost, set up as deploy/tljh/kit.py says, with three trainees.

JupyterHub's own test classes stand in for what needs a real server: DummyAuthenticator
(no passwords) and SimpleLocalProcessSpawner (no system users, homes in a temporary folder).
Everything else is the deployment's: deploy/tljh/kit.py (default URL, the launcher, the
shared submissions folder in KIT_SUBMISSIONS) and deploy/kit-singleuser.py (copies the
notebooks into each home). Each trainee logs in, opens the press-release lesson, writes a
draft and submits it; three files must land in the one shared folder.

Needs configurable-http-proxy (npm; scripts/test.py installs it into .venv/node) and
jupyterhub (test extras). With KIT_REQUIRE_BROWSER=1 or CI=true a missing piece fails.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
import urllib.request
from urllib.parse import quote
from pathlib import Path

import pytest

from tests import corpus_tools as ct
from tests.conftest import ROOT

from .conftest import _free_port, _require_browser, local_only_page
from .lab import READY, restart_and_run_all, wait_kernel_idle

pytestmark = pytest.mark.browser

USERS = {"hv1": "Nguyễn Văn An", "hv2": "Trần Thị Bình", "hv3": "Lê Hoàng Cúc"}
LESSON = "notebooks/01_thong_cao_bao_chi.ipynb"
WELCOME = "notebooks/00_chao_mung.ipynb"
EXERCISE = "thong-cao-bai-hoc"  # the id the lesson's draft widget submits under
EDITOR = ".kit-draft-scorer textarea"


def _missing(what: str) -> None:
    if os.environ.get("KIT_REQUIRE_BROWSER") == "1" or os.environ.get("CI") == "true":
        pytest.fail(what)
    pytest.skip(what)


def _proxy_command() -> str:
    local = ROOT / ".venv" / "node" / "node_modules" / ".bin" / "configurable-http-proxy"
    found = str(local) if local.exists() else shutil.which("configurable-http-proxy")
    if not found:
        _missing("configurable-http-proxy is missing: python3 scripts/test.py installs it with npm")
    return found


class Hub:
    """JupyterHub + configurable-http-proxy, loading deploy/tljh/kit.py."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.shared = base / "bai-nop"
        self.homes = base / "home"
        self.port = _free_port()
        self.hub_port = _free_port()  # the hub's own API, which each user server calls
        self.url = f"http://127.0.0.1:{self.port}"
        # As install-kit.sh makes /srv/bai-nop: group-writable, setgid, sticky.
        self.shared.mkdir()
        os.chmod(self.shared, 0o3770)
        settings = base / "lab-user-settings"
        tracker = settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
        tracker.parent.mkdir(parents=True)
        tracker.write_text(json.dumps({"windowingMode": "none"}))
        news = settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
        news.parent.mkdir(parents=True)
        news.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
        allow_root = ["--ServerApp.allow_root=True"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
        config = base / "jupyterhub_config.py"
        config.write_text(f"""
c = get_config()
load_subconfig({str(ROOT / "deploy" / "tljh" / "kit.py")!r})
# What a real server does with system users, the test does with JupyterHub's test classes.
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allowed_users = {set(USERS)!r}
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {str(self.homes / "{username}")!r}
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {self.port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {self.hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{_free_port()}"
c.ConfigurableHTTPProxy.command = [{_proxy_command()!r}]
c.JupyterHub.db_url = "sqlite:///{base / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = {str(base / "cookie_secret")!r}
c.JupyterHub.cleanup_servers = True
c.Spawner.args = list(c.Spawner.args) + {allow_root!r}
c.Spawner.environment["JUPYTERLAB_SETTINGS_DIR"] = {str(settings)!r}
c.Spawner.environment["JUPYTER_PLATFORM_DIRS"] = "1"
c.Spawner.environment["PYTHONUTF8"] = "1"
""")
        env = dict(
            os.environ,
            KIT_ENV_PREFIX=sys.prefix,  # the kit's environment: this .venv
            KIT_SOURCE=str(ROOT),
            KIT_SHARED_SUBMISSIONS=str(self.shared),
            PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        )
        env.pop("KIT_SUBMISSIONS", None)
        self.log = open(base / "jupyterhub.log", "w")
        # umask 022, as systemd gives every TLJH user server.
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(config)],
            cwd=base, env=env, stdout=self.log, stderr=subprocess.STDOUT, umask=0o022, start_new_session=True,
        )
        self._wait_ready()

    def _wait_ready(self, timeout: float = 60) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterHub exited early; see {self.base / 'jupyterhub.log'}")
            try:
                with urllib.request.urlopen(f"{self.url}/hub/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("JupyterHub did not start in time")

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)  # the hub stops the user servers and the proxy
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            pass
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)  # anything left of the hub's session
        except ProcessLookupError:
            pass
        self.log.close()


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    _require_browser()
    try:
        import jupyterhub  # noqa: F401
    except ImportError:
        _missing("jupyterhub is missing: pip install -e '.[test]'")
    server = Hub(tmp_path_factory.mktemp("hub"))
    yield server
    server.stop()


def _trainee_page(browser, hub):
    return local_only_page(browser, hub.url, timeout=90_000)


def _singleuser_cmdlines(hub) -> list[list[str]]:
    """The command lines of this hub's user servers (found by the hub API address they get)."""
    found = []
    ours = f"JUPYTERHUB_API_URL=http://127.0.0.1:{hub.hub_port}/".encode()
    for proc in Path("/proc").iterdir():
        try:
            cmd = (proc / "cmdline").read_bytes().decode(errors="replace").split("\0")
            if cmd[1:3] == ["-m", "jupyterhub.singleuser"] and ours in (proc / "environ").read_bytes():
                found.append(cmd)
        except OSError:
            continue
    return found


def _login(page, hub, user: str, next_url: str = "") -> None:
    """Log in; with ``next_url`` the server is started and that page opened instead of the default URL."""
    if next_url:
        next_url = "/hub/spawn?next=" + quote(next_url, safe="")
    page.goto(f"{hub.url}/hub/login" + (f"?next={quote(next_url, safe='')}" if next_url else ""))
    page.fill("#username_input", user)
    page.fill("#password_input", "mat-khau-bat-ky")
    page.click("#login_submit")


def test_three_trainees_submit_into_the_shared_folder(hub, browser, artifacts):
    started = time.time()
    pages = {}
    try:
        # Log everyone in first, so the three servers start side by side as in a room.
        for user in USERS:
            context, page = _trainee_page(browser, hub)
            pages[user] = (context, page)
            # hv1 follows the default URL; the others go straight to the lesson.
            _login(page, hub, user, "" if user == "hv1" else f"/user/{user}/lab/tree/{LESSON}")

        # The default URL of deploy/tljh/kit.py: the welcome notebook, from the copied folder.
        _context, first = pages["hv1"]
        first.wait_for_url(f"**/user/hv1/lab/tree/{WELCOME}**", timeout=120_000)
        first.locator(".jp-NotebookPanel .jp-MarkdownCell .jp-RenderedMarkdown").first.wait_for()
        first.screenshot(path=str(artifacts / "hub_hv1_welcome.png"))
        first.goto(f"{hub.url}/user/hv1/lab/tree/{LESSON}?reset")

        for user, (_context, page) in pages.items():
            page.wait_for_url(f"**/user/{user}/lab/tree/{LESSON}**", timeout=120_000)
            page.wait_for_selector(".jp-NotebookPanel", state="visible")
            wait_kernel_idle(page)
            assert (hub.homes / user / LESSON).is_file(), "the launcher did not copy the lessons"
            assert (hub.homes / user / "exercises" / "thong-cao-1.ipynb").is_file()
            assert not (hub.homes / user / "solutions").exists()

        # The launcher became each trainee's server, with the kernel culling of kit.py.
        servers = _singleuser_cmdlines(hub)
        assert len(servers) == len(USERS), servers
        assert all("--MappingKernelManager.cull_idle_timeout=1200" in cmd for cmd in servers), servers

        drafts = ct.weaks("press_release")
        for i, (user, (_context, page)) in enumerate(pages.items()):
            restart_and_run_all(page, READY)
            editor = page.locator(EDITOR).first
            editor.wait_for()
            editor.fill(drafts[i % len(drafts)].read_text(encoding="utf-8"))
            page.locator(".kit-draft-scorer .kit-result .kit-crit").first.wait_for(timeout=60_000)
            page.locator(".kit-draft-scorer input[type=text]").first.fill(USERS[user])
            page.locator(".kit-draft-scorer button", has_text="Nộp bài").first.click()

        for user, (_context, page) in pages.items():
            page.wait_for_selector(".kit-draft-scorer >> text=Đã nộp bài", timeout=60_000)
            page.locator(".kit-draft-scorer >> text=Đã nộp bài").first.scroll_into_view_if_needed()
            page.screenshot(path=str(artifacts / f"hub_{user}_submitted.png"))
            assert not page.outside_requests, page.outside_requests
    except Exception:
        for user, (_context, page) in pages.items():
            try:
                page.screenshot(path=str(artifacts / f"FAILED-hub_{user}.png"))
            except Exception:  # noqa: BLE001
                pass
        raise
    finally:
        for context, _page in pages.values():
            context.close()

    files = sorted(hub.shared.glob("*.json"))
    assert len(files) == 3, [f.name for f in files]
    records = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    assert sorted(r["trainee"]["name"] for r in records) == sorted(USERS.values())
    assert {r["exercise"] for r in records} == {EXERCISE}
    assert all(r["text"].strip() for r in records)
    shared_gid = hub.shared.stat().st_gid
    for f in files:
        st = f.stat()
        assert st.st_mode & stat.S_IRGRP, f"{f.name} is not readable by the folder's group (the trainer)"
        assert st.st_gid == shared_gid
    # Nothing went to the trainees' private folders.
    for user in USERS:
        assert not list((hub.homes / user / "kit-truyen-thong" / "bai-nop").glob("*.json"))
    print(f"three trainees logged in, opened the lesson and submitted in {time.time() - started:.0f} s")
