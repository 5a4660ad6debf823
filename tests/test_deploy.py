"""The deployment files in deploy/ parse, name things that exist, and agree with the kit.

What cannot run here (a TLJH server, a Kubernetes cluster, a Docker build) is checked by
what it reads: the notebook the default URL opens, the environment variables the kit
really reads, the paths the install script and the JupyterHub config share, the volume
the Helm values mount, and what repo2docker makes of environment.yml and postBuild.
The real JupyterHub run is tests/browser/test_hub.py.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import yaml
from traitlets.config import Config

from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"
TLJH_CONFIG = DEPLOY / "tljh" / "kit.py"
INSTALL = DEPLOY / "tljh" / "install-kit.sh"
Z2JH = DEPLOY / "z2jh" / "config.yaml"
PVC = DEPLOY / "z2jh" / "bai-nop-pvc.yaml"
LAUNCHER = DEPLOY / "kit-singleuser.py"


def _env_vars_read_by(where: Path) -> set[str]:
    """The KIT_* environment variables the Python files at ``where`` (a file or a folder) read."""
    names: set[str] = set()
    for path in [where] if where.is_file() else where.rglob("*.py"):
        names |= set(re.findall(r"environ(?:\.get)?[\[(]\s*\"(KIT_[A-Z_]+)\"", path.read_text(encoding="utf-8")))
    return names


def _notebook_of(url: str) -> Path:
    assert url.startswith("/lab/tree/"), url
    return ROOT / url.removeprefix("/lab/tree/")


def _tljh_config(monkeypatch, **env) -> Config:
    for key in ("KIT_ENV_PREFIX", "KIT_SOURCE", "KIT_SHARED_SUBMISSIONS"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    c = Config()
    exec(compile(TLJH_CONFIG.read_text(encoding="utf-8"), str(TLJH_CONFIG), "exec"), {"get_config": lambda: c})
    return c


def _launcher():
    spec = importlib.util.spec_from_file_location("kit_singleuser", LAUNCHER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------- TLJH


def test_tljh_config_opens_the_welcome_notebook_and_wires_the_shared_folder(monkeypatch):
    c = _tljh_config(monkeypatch)
    assert _notebook_of(c.Spawner.default_url).is_file()
    env = c.Spawner.environment
    assert env["KIT_SUBMISSIONS"] == "/srv/bai-nop"
    # Every variable it sets is read by the kit or by the launcher.
    assert set(env) <= _env_vars_read_by(ROOT / "kit") | _env_vars_read_by(LAUNCHER)
    assert "KIT_SUBMISSIONS" in _env_vars_read_by(ROOT / "kit")
    python, launcher = c.Spawner.cmd
    assert python == "/opt/kit/bin/python" and launcher == "/srv/kit/deploy/kit-singleuser.py"
    assert (ROOT / Path(launcher).relative_to("/srv/kit")).is_file()
    assert c.SystemdSpawner.extra_paths[0] == "/opt/kit/bin"
    assert any(a.startswith("--MappingKernelManager.cull_idle_timeout=") for a in c.Spawner.args)


def test_tljh_config_paths_follow_the_environment_for_the_local_test(monkeypatch, tmp_path):
    c = _tljh_config(monkeypatch, KIT_ENV_PREFIX=str(tmp_path / "env"), KIT_SOURCE=str(ROOT),
                     KIT_SHARED_SUBMISSIONS=str(tmp_path / "nop"))
    assert c.Spawner.cmd == [str(tmp_path / "env" / "bin" / "python"), str(LAUNCHER)]
    assert c.Spawner.environment["KIT_SUBMISSIONS"] == str(tmp_path / "nop")


def test_install_script_is_valid_bash_and_agrees_with_the_config(monkeypatch):
    subprocess.run(["bash", "-n", str(INSTALL)], check=True)
    script = INSTALL.read_text(encoding="utf-8")
    assigned = dict(re.findall(r"^([A-Z_]+)=(\S+)", script, flags=re.M))
    c = _tljh_config(monkeypatch)
    assert c.Spawner.cmd[0] == f"{assigned['KIT_ENV']}/bin/python"
    assert c.Spawner.cmd[1].startswith(assigned["KIT_SOURCE"] + "/")
    assert c.Spawner.environment["KIT_SUBMISSIONS"] == assigned["SHARED"]
    # Files it installs from the kit's folder exist in the repository.
    for rel in re.findall(r"\$KIT_SOURCE/([\w./-]+)", script):
        assert (ROOT / rel).exists(), rel
    assert "-m 3770" in script  # group rwx, setgid, sticky
    assert "environment.yml" in script


# ---------------------------------------------------------------- Zero to JupyterHub


def test_z2jh_values_wire_the_image_the_shared_volume_and_the_default_url(monkeypatch):
    values = yaml.safe_load(Z2JH.read_text(encoding="utf-8"))
    single = values["singleuser"]
    assert _notebook_of(single["defaultUrl"]).is_file()
    assert set(single["extraEnv"]) <= _env_vars_read_by(ROOT / "kit")
    mounts = {m["name"]: m["mountPath"] for m in single["storage"]["extraVolumeMounts"]}
    volumes = {v["name"]: v for v in single["storage"]["extraVolumes"]}
    assert set(mounts) == set(volumes)
    shared = [name for name, path in mounts.items() if path == single["extraEnv"]["KIT_SUBMISSIONS"]]
    assert len(shared) == 1, "KIT_SUBMISSIONS must be a mounted volume"
    pvc = yaml.safe_load(PVC.read_text(encoding="utf-8"))
    assert volumes[shared[0]]["persistentVolumeClaim"]["claimName"] == pvc["metadata"]["name"]
    assert pvc["spec"]["accessModes"] == ["ReadWriteMany"]
    # The per-trainee volume holds only the kit's folder, so the image's notebooks stay visible.
    assert single["storage"]["homeMountPath"] == "/home/jovyan/kit-truyen-thong"
    assert single["memory"]["limit"] and single["memory"]["guarantee"]
    assert values["cull"]["enabled"] is True and values["cull"]["timeout"] >= 600
    # The same kernel culling on both kinds of hub.
    assert values["hub"]["config"]["KubeSpawner"]["args"] == list(_tljh_config(monkeypatch).Spawner.args)


def test_repo2docker_builds_from_environment_yml_and_postbuild():
    """What `repo2docker .` would build, without Docker: its generated Dockerfile."""
    out = subprocess.run([sys.executable, "-m", "repo2docker", "--no-build", "--debug", "--user-name", "jovyan",
                          "--user-id", "1000", str(ROOT)], capture_output=True, text=True, timeout=120)
    text = out.stdout + out.stderr
    assert out.returncode == 0, text[-2000:]
    assert "Building conda environment for python=3.11" in text
    assert re.search(r"env update -p \$\{NB_PYTHON_PREFIX\} --file \"environment.yml\"", text)
    assert "RUN ./postBuild" in text
    assert os.access(ROOT / "postBuild", os.X_OK) or "chmod +x postBuild" in text


def test_environment_yml_resolves_with_pip():
    """environment.yml's packages (their conda-forge names are also their PyPI names here)
    resolve together for this Python, as pip would install them."""
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    specs: list[str] = []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            specs += dep.get("pip", [])
        elif not re.match(r"^(python|pip)\b", dep):
            specs.append(dep.replace("=", "==", 1) if re.match(r"^[\w.-]+=[^=]", dep) else dep)
    out = subprocess.run([sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
                          "--report", "-", *specs], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    report = json.loads(out.stdout)
    names = {item["metadata"]["name"].lower().replace("_", "-") for item in report["install"]}
    for spec in specs:
        assert re.split(r"[<>=!~ ]", spec)[0].lower().replace("_", "-") in names


# ---------------------------------------------------------------- the launcher and the shared folder


def test_launcher_copies_only_missing_notebooks_and_no_solutions(tmp_path):
    launcher = _launcher()
    home = tmp_path / "home"
    mine = home / "notebooks" / "01_thong_cao_bao_chi.ipynb"
    mine.parent.mkdir(parents=True)
    mine.write_text("my own copy")
    copied = launcher.copy_missing(ROOT, home, launcher.DEFAULT_FOLDERS.split())
    assert mine.read_text() == "my own copy"
    assert mine not in copied
    assert (home / "notebooks" / "00_chao_mung.ipynb").is_file()
    assert {p.relative_to(home).parts[0] for p in copied} == {"notebooks", "exercises"}
    assert len(copied) == len(list((ROOT / "exercises").glob("*.ipynb"))) + len(
        list((ROOT / "notebooks").glob("*.ipynb"))) - 1
    assert not (home / "solutions").exists()
    assert launcher.copy_missing(ROOT, home, ["notebooks", "exercises"]) == []


def test_submission_in_a_shared_folder_is_readable_by_its_group(tmp_path, kit_home):
    """The trainer reads the room's files through the folder's group: a submission must not
    be private to the trainee who wrote it (umask 022, as systemd gives user servers)."""
    from kit import submissions

    shared = tmp_path / "bai-nop"
    shared.mkdir()
    os.chmod(shared, 0o3770)
    old = os.umask(0o022)
    try:
        path = submissions.submit("Thông cáo báo chí ngắn.", exercise="thong-cao-1", name="Phạm Thu Hà",
                                  folder=shared)
    finally:
        os.umask(old)
    mode = path.stat().st_mode
    assert mode & stat.S_IRGRP, oct(mode)
    assert not mode & stat.S_IWOTH
    assert path.stat().st_gid == shared.stat().st_gid
    assert [p.name for p in shared.iterdir()] == [path.name]  # no temporary file left


def test_a_private_umask_still_keeps_submissions_private(tmp_path, kit_home):
    from kit import submissions

    old = os.umask(0o077)
    try:
        path = submissions.submit("Bản nháp.", exercise="thong-cao-1", name="Lê Văn Nam", folder=tmp_path)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
