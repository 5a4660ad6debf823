"""environment.yml (conda, Binder, JupyterHub) and pyproject.toml name the same packages."""

from __future__ import annotations

import re
import tomllib

import yaml

from tests.conftest import ROOT


def _name(spec: str) -> str:
    return re.split(r"[<>=!~ \[]", spec.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(d) for d in project["dependencies"]}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    named: set[str] = set()
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            named |= {_name(d) for d in dep.get("pip", []) if not d.startswith("-")}
        else:
            named.add(_name(dep))
    named -= {"python", "pip"}
    assert named == wanted, f"only in environment.yml: {named - wanted}; only in pyproject.toml: {wanted - named}"


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    commands = re.findall(r"```(?:bash|sh)?\n(.*?)```", readme, flags=re.S)[0].strip().splitlines()
    commands = [c.split("#")[0].strip() for c in commands if c.strip() and not c.startswith("#")]
    assert len(commands) == 2, commands
    ci = [line for line in (ROOT / ".ci" / "run").read_text().splitlines()
          if line.strip() and not line.startswith("#") and not line.startswith(("set ", "cd "))]
    assert ci == [commands[1]]
