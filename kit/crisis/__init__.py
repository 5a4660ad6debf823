"""Hot-issue crisis simulation: scenarios as data, a deterministic simulation, a debrief.

    from kit import crisis
    sc = crisis.load("video-danh-nhau")            # a bundled scenario, or a file path
    sim = crisis.play(sc, actions)                 # headless, from a script
    report = crisis.debrief(sim)                   # after-action report (plain data)

Pure core: no ipywidgets (the room is ``kit.widgets.crisis_room``).
"""

from .check import Problem, check_file, check_paths
from .debrief import debrief
from .model import CrisisError, Scenario, all_ids, build, load, read_raw, scenario_dir, scenario_files
from .simulation import Simulation, parse_script, play

__all__ = [
    "CrisisError", "Problem", "Scenario", "Simulation", "all_ids", "build", "check_file", "check_paths", "debrief",
    "load", "parse_script", "play", "read_raw", "scenario_dir", "scenario_files",
]
