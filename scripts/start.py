#!/usr/bin/env python3
"""Set up the kit in ``.venv/`` at the repository root and start JupyterLab.

Usage (from the repository root, on Debian/Ubuntu/macOS with Python 3.10+)::

    python3 scripts/start.py              # set up (first time only) and start the kit
    python3 scripts/start.py --no-start   # set up only (servers, CI); or KIT_NO_START=1

A second run is quick: the install is skipped while ``pyproject.toml`` is unchanged.
Windows and conda users use ``environment.yml`` instead (see README.md).
Only the standard library is used here, because nothing else exists yet.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".kit-installed.json"
WELCOME = "notebooks/00_chao_mung.ipynb"


def say(msg: str) -> None:
    print(f"[kit] {msg}", flush=True)


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def run(cmd: list[str], **kw) -> None:
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def _can_apt() -> bool:
    return shutil.which("apt-get") is not None and hasattr(os, "geteuid") and os.geteuid() == 0


def apt_install(*packages: str) -> bool:
    """Install Debian packages when we are root; return False when we cannot."""
    if not _can_apt():
        return False
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    say("Đang cài gói hệ thống: " + ", ".join(packages))
    subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
    return subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages], env=env).returncode == 0


def create_venv() -> None:
    if venv_python().exists():
        return
    say(f"Tạo môi trường Python riêng tại {VENV} …")
    try:
        run([sys.executable, "-m", "venv", VENV])
    except subprocess.CalledProcessError:
        # Debian ships venv's pip bootstrap in a separate package.
        shutil.rmtree(VENV, ignore_errors=True)
        ver = f"python3.{sys.version_info.minor}-venv"
        if not (apt_install(ver) or apt_install("python3-venv")):
            sys.exit(
                "[kit] Không tạo được .venv: máy thiếu gói python3-venv.\n"
                f"      Hãy chạy: sudo apt-get install {ver}   rồi chạy lại lệnh này."
            )
        run([sys.executable, "-m", "venv", VENV])


def install(extras: str) -> None:
    spec = (ROOT / "pyproject.toml").read_bytes()
    want = {"pyproject": hashlib.sha256(spec).hexdigest(), "extras": extras, "python": sys.version.split()[0]}
    if STAMP.exists():
        try:
            have = json.loads(STAMP.read_text())
        except ValueError:
            have = {}
        wanted_extras = set(filter(None, extras.split(",")))
        had_extras = set(filter(None, str(have.get("extras", "")).split(",")))
        if have.get("pyproject") == want["pyproject"] and wanted_extras <= had_extras:
            say("Môi trường đã sẵn sàng (bỏ qua bước cài đặt).")
            run([venv_python(), "-m", "kit", "lab-config"], cwd=ROOT)  # settings may be newer than the install
            return
        want["extras"] = ",".join(sorted(wanted_extras | had_extras))
    py = venv_python()
    say("Cài đặt bộ công cụ và các thư viện (lần đầu mất vài phút) …")
    run([py, "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    target = f".[{want['extras']}]" if want["extras"] else "."
    run([py, "-m", "pip", "install", "--quiet", "-e", target], cwd=ROOT)
    run([py, "-m", "kit", "lab-config"], cwd=ROOT)
    STAMP.write_text(json.dumps(want))


def start_lab() -> None:
    py = venv_python()
    port = os.environ.get("KIT_PORT", "8888")
    say(f"Khởi động JupyterLab. Mở trình duyệt tại địa chỉ http://localhost:{port}/lab/tree/{WELCOME} (kèm token in bên dưới).")
    say("Dừng JupyterLab: nhấn Ctrl+C hai lần trong cửa sổ này.")
    os.chdir(ROOT)
    args = [str(py), "-m", "jupyter", "lab", WELCOME, f"--ServerApp.port={port}", "--ServerApp.ip=127.0.0.1"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")  # containers and servers often run as root
    if os.name == "nt":
        sys.exit(subprocess.call(args))
    os.execv(str(py), args)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Set up the kit in .venv/ and start JupyterLab.")
    parser.add_argument("--no-start", action="store_true", help="set up only; do not start JupyterLab (also KIT_NO_START=1)")
    parser.add_argument("--extras", default="", help="optional dependency groups to install, e.g. 'test'")
    args = parser.parse_args(argv)
    if sys.version_info < (3, 10):
        sys.exit("[kit] Cần Python 3.10 trở lên.")
    create_venv()
    install(args.extras)
    if args.no_start or os.environ.get("KIT_NO_START", "") not in ("", "0"):
        say("Đã cài đặt xong. Khởi động sau bằng: python3 scripts/start.py")
        return
    start_lab()


if __name__ == "__main__":
    main()
