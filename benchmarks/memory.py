"""Memory of one trainee on a JupyterHub: their kernel with the kit loaded, and their server.

Usage: ``.venv/bin/python benchmarks/memory.py [--kernels N] [--json]`` (Linux: reads /proc).

1. Starts N kernels side by side with jupyter_client (N=3 by default, so that the shared
   pages of libraries are split between several processes as on a hub), and in each runs
   the code cells of ``notebooks/01`` and ``notebooks/02`` (the kit and both modules'
   widgets), then works as a trainee does: types a draft into the press-release editor,
   lets it score (chart included), exports Word and Markdown, submits.
2. Starts one JupyterLab server (what ``jupyterhub-singleuser`` runs for each trainee),
   opens the lesson through its REST API with a kernel, and measures the server.
3. With ``jupyterhub`` and configurable-http-proxy installed: the hub and the proxy, idle.

For each process it prints RSS, PSS and USS (private pages, what one more process adds)
from ``/proc/<pid>/smaps_rollup``, and the peak RSS (VmHWM), then a sizing table.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ("notebooks/01_thong_cao_bao_chi.ipynb", "notebooks/02_ke_hoach_truyen_thong.ipynb")
DRAFT = ROOT / "tests" / "corpus" / "press_release" / "weak"
MIB = 1024 * 1024

# What a trainee does after the lesson's cells ran: write, score, export, submit.
TRAINEE_WORK = """
import kit.widgets as kw
_box = kw.exercise("thong-cao-bai-hoc")
_s = _box.children[-1]
_s.textarea.value = {draft!r}
_s.flush()
_s.export()
_s.name.value = "Nguyễn Văn An"
assert _s.submit() is not None
"""


def smaps(pid: int) -> dict[str, int]:
    """RSS, PSS, USS and peak RSS of one process, in bytes."""
    fields: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        key, value = line.split(":", 1)
        fields[key.strip()] = int(value.split()[0]) * 1024
    peak = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            peak = int(line.split()[1]) * 1024
    return {"rss": fields["Rss"], "pss": fields["Pss"],
            "uss": fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0), "peak_rss": peak}


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _code_cells(relpath: str) -> list[str]:
    nb = json.loads((ROOT / relpath).read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


def _run(client, code: str) -> None:
    reply = client.execute_interactive(code, timeout=300, output_hook=lambda _msg: None)
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"cell failed: {reply['content'].get('ename')}: {reply['content'].get('evalue')}")


def measure_kernels(count: int, env: dict) -> dict:
    from jupyter_client.manager import KernelManager

    managers = []
    for _ in range(count):
        km = KernelManager(kernel_name="python3", transport="ipc", ip=str(Path(env["KIT_HOME"]).parent / f"k{len(managers)}"))
        km.start_kernel(env=env, cwd=str(ROOT / "notebooks"))
        managers.append(km)
    clients = []
    for km in managers:
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=120)
        clients.append(kc)
    try:
        time.sleep(1)
        pids = [km.provisioner.process.pid for km in managers]
        bare = [smaps(pid) for pid in pids]
        cpu0 = [cpu_seconds(pid) for pid in pids]
        for kc in clients:
            for nb in NOTEBOOKS:
                for cell in _code_cells(nb):
                    _run(kc, cell)
        lessons = [smaps(pid) for pid in pids]
        cpu1 = [cpu_seconds(pid) for pid in pids]
        draft = sorted(DRAFT.glob("*.txt"))[0].read_text(encoding="utf-8")
        for kc in clients:
            _run(kc, TRAINEE_WORK.format(draft=draft))
        time.sleep(1)
        worked = [smaps(pid) for pid in pids]
        cpu2 = [cpu_seconds(pid) for pid in pids]
    finally:
        for kc in clients:
            kc.stop_channels()
        for km in managers:
            km.shutdown_kernel(now=True)
    return {"bare": bare, "lessons": lessons, "worked": worked,
            "cpu_lessons": sum(b - a for a, b in zip(cpu0, cpu1)) / count,
            "cpu_work": sum(b - a for a, b in zip(cpu1, cpu2)) / count}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args[:3]} exited early")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer in time")


def measure_server(env: dict, work: Path) -> dict:
    """One trainee's Jupyter server: idle, then with the lesson open and its kernel running."""
    port, token = _free_port(), "bench"
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--ServerApp.port={port}",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={ROOT}",
         "--LabApp.news_url=", "--allow-root"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=work,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_http(f"{base}/api/status?token={token}", proc)
        for path in ("/lab", "/lab/api/settings", "/api/contents/" + NOTEBOOKS[0]):
            with urllib.request.urlopen(f"{base}{path}?token={token}") as r:
                r.read()
        time.sleep(1)
        idle = smaps(proc.pid)
        body = json.dumps({"path": NOTEBOOKS[0], "type": "notebook", "name": "", "kernel": {"name": "python3"}})
        req = urllib.request.Request(f"{base}/api/sessions?token={token}", data=body.encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req) as r:
            r.read()
        time.sleep(5)
        with_session = smaps(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
    return {"idle": idle, "with_session": with_session}


def _tree(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    kids = [int(p) for p in out.split()]
    return [pid] + [q for k in kids for q in _tree(k)]


def measure_hub(work: Path) -> dict | None:
    """JupyterHub and its proxy with no user logged in, or None when they are not installed."""
    try:
        import jupyterhub  # noqa: F401
    except ImportError:
        return None
    proxy = ROOT / ".venv" / "node" / "node_modules" / ".bin" / "configurable-http-proxy"
    proxy_cmd = str(proxy) if proxy.exists() else shutil.which("configurable-http-proxy")
    if not proxy_cmd:
        return None
    port = _free_port()
    config = work / "jupyterhub_config.py"
    config.write_text(
        f"c.JupyterHub.ip = '127.0.0.1'\nc.JupyterHub.port = {port}\nc.JupyterHub.hub_port = {_free_port()}\n"
        f"c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:{_free_port()}'\n"
        f"c.ConfigurableHTTPProxy.command = [{proxy_cmd!r}]\nc.JupyterHub.authenticator_class = 'dummy'\n"
        f"c.JupyterHub.spawner_class = 'simple'\nc.JupyterHub.db_url = 'sqlite:///{work}/hub.sqlite'\n"
        f"c.JupyterHub.cookie_secret_file = '{work}/cookie_secret'\n")
    proc = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(config)], cwd=work,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        _wait_http(f"http://127.0.0.1:{port}/hub/health", proc)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/hub/login") as r:
            r.read()
        time.sleep(1)
        procs = {pid: smaps(pid) for pid in _tree(proc.pid)}
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
    hub = procs.pop(proc.pid)
    proxy_total = {k: sum(p[k] for p in procs.values()) for k in ("rss", "pss", "uss", "peak_rss")}
    return {"hub": hub, "proxy": proxy_total}


def _mib(n: float) -> str:
    return f"{n / MIB:7.0f}"


def _avg(rows: list[dict]) -> dict:
    return {k: sum(r[k] for r in rows) / len(rows) for k in rows[0]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kernels", type=int, default=3, help="kernels measured side by side (default 3)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args(argv)
    if not Path("/proc/self/smaps_rollup").exists():
        print("This benchmark reads /proc/<pid>/smaps_rollup: Linux 4.14 or newer only.", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="kit-mem-") as tmp:
        work = Path(tmp)
        env = dict(os.environ, KIT_HOME=str(work / "home"), KIT_SUBMISSIONS=str(work / "bai-nop"),
                   PYTHONUTF8="1", JUPYTER_PLATFORM_DIRS="1", MPLBACKEND="Agg")
        kernels = measure_kernels(args.kernels, env)
        server = measure_server(env, work)
        hub = measure_hub(work)

    print(f"Memory in MiB ({args.kernels} kernels side by side; average per kernel)")
    print(f"{'process':48} {'RSS':>7} {'PSS':>7} {'USS':>7} {'peak':>7}")
    rows = [
        ("kernel, just started (ipykernel)", _avg(kernels["bare"])),
        ("kernel, lessons 01+02 run (kit + widgets)", _avg(kernels["lessons"])),
        ("kernel, + draft scored, exported, submitted", _avg(kernels["worked"])),
        ("Jupyter server, idle (lab page served)", server["idle"]),
        ("Jupyter server, lesson open with its kernel", server["with_session"]),
    ]
    if hub:
        rows += [("JupyterHub, idle (once per hub)", hub["hub"]),
                 ("configurable-http-proxy, idle (once per hub)", hub["proxy"])]
    for label, m in rows:
        print(f"{label:48} {_mib(m['rss'])} {_mib(m['pss'])} {_mib(m['uss'])} {_mib(m['peak_rss'])}")

    # A trainee keeps the module they work in open, and usually one more notebook (the
    # welcome page the hub opens first, or the other lesson): two kernels and one server.
    worked, lesson = _avg(kernels["worked"]), _avg(kernels["lessons"])
    srv = server["with_session"]
    hub_rss = (hub["hub"]["rss"] + hub["proxy"]["rss"]) if hub else 0
    one = {k: worked[k] + srv[k] for k in ("rss", "uss")}
    two = {k: worked[k] + lesson[k] + srv[k] for k in ("rss", "uss")}
    print()
    print(f"CPU time per kernel: {kernels['cpu_lessons']:.1f} s to run both lessons' cells, "
          f"{kernels['cpu_work']:.1f} s to score a draft, export it and submit it")
    print(f"one trainee, 1 notebook open (server + kernel):   RSS {one['rss'] / MIB:4.0f} MiB, USS {one['uss'] / MIB:4.0f} MiB")
    print(f"one trainee, 2 notebooks open (server + 2 kernels): RSS {two['rss'] / MIB:4.0f} MiB, USS {two['uss'] / MIB:4.0f} MiB")
    print()
    print("all trainees with 2 notebooks open, plus the hub and proxy once, plus 2 GiB for the system;")
    print("RAM to plan: the RSS total and 20% for bursts (scoring, exports) and the hub's growth, in steps of 8 GiB:")
    print(f"{'trainees':>8} {'USS total (GiB)':>16} {'RSS total (GiB)':>16} {'RAM to plan (GiB)':>18}")
    for n in (50, 100, 200, 500):
        uss = (n * two["uss"] + hub_rss) / 1024 / MIB + 2
        rss = (n * two["rss"] + hub_rss) / 1024 / MIB + 2
        print(f"{n:>8} {uss:>16.1f} {rss:>16.1f} {math.ceil(rss * 1.2 / 8) * 8:>18}")
    if args.json:
        print(json.dumps({"kernels": kernels, "server": server, "hub": hub}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
