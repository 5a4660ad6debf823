#!/usr/bin/env python3
"""Run every test of the kit: pytest for the package, nbval for every notebook,
and the real-browser tests (JupyterLab in headless Chromium, driven by Playwright).

Usage: ``python3 scripts/test.py [extra pytest arguments]``.

It first sets the kit up in ``.venv/`` (with the test extras), installs Debian's
Chromium when it is missing and we may (root with apt-get), and JupyterHub's proxy
(configurable-http-proxy, from npm into ``.venv/node``) for the local JupyterHub test. With ``CI=true`` a missing
browser fails the browser tests instead of skipping them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import start  # noqa: E402  (the sibling setup script)

CHROMIUM = Path("/usr/bin/chromium")
# Debian packages the tests need: the browser, fonts with Vietnamese glyphs, and LibreOffice
# (plans exported as PDF go through it) with pdftoppm to look at the pages.
SYSTEM_PACKAGES = ("chromium", "fonts-dejavu-core", "fonts-liberation")
OFFICE_PACKAGES = ("libreoffice-writer-nogui", "poppler-utils")
NOTEBOOK_DIRS = ("notebooks", "exercises", "solutions")
# JupyterHub's proxy, for the local JupyterHub test (tests/browser/test_hub.py). 5.3 wants
# Node.js 22; Debian and the CI machines have Node.js 20.
PROXY = "configurable-http-proxy@5.2.0"
PROXY_BIN = start.VENV / "node" / "node_modules" / ".bin" / "configurable-http-proxy"


def install_proxy() -> None:
    if PROXY_BIN.exists():
        return
    if not shutil.which("npm"):
        start.apt_install("nodejs", "npm")
    npm = shutil.which("npm")
    if npm:
        start.say(f"Cài {PROXY} (npm) cho bài kiểm thử JupyterHub …")
        subprocess.run([npm, "install", "--prefix", str(PROXY_BIN.parents[2]), "--no-audit", "--no-fund",
                        "--loglevel=error", PROXY], check=False)
    if not PROXY_BIN.exists():
        start.say("Không cài được configurable-http-proxy: bài kiểm thử JupyterHub sẽ "
                  + ("THẤT BẠI (CI)." if os.environ.get("CI") == "true" else "bị bỏ qua."))


def main(argv: list[str]) -> int:
    start.main(["--no-start", "--extras", "test"])
    if not CHROMIUM.exists():
        start.apt_install(*SYSTEM_PACKAGES)
    if not shutil.which("soffice"):
        start.apt_install(*OFFICE_PACKAGES) or start.apt_install("libreoffice-writer", "poppler-utils")
    if not shutil.which("pdftotext"):  # handouts are checked with pdftotext, pdfinfo, pdffonts and pdftoppm
        start.apt_install("poppler-utils")
    install_proxy()
    if not CHROMIUM.exists():
        start.say("Không tìm thấy /usr/bin/chromium: các bài kiểm thử trên trình duyệt sẽ "
                  + ("THẤT BẠI (CI)." if os.environ.get("CI") == "true" else "bị bỏ qua."))
    env = dict(os.environ, PYTHONUTF8="1")
    if env.get("CI") == "true":
        env["KIT_REQUIRE_BROWSER"] = "1"
        env["KIT_REQUIRE_OFFICE"] = "1"
    cmd = [
        str(start.venv_python()), "-m", "pytest",
        "tests", *NOTEBOOK_DIRS, "--nbval-lax", "-p", "no:cacheprovider", *argv,
    ]
    start.say("Chạy kiểm thử: " + " ".join(cmd[2:]))
    return subprocess.call(cmd, cwd=start.ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
