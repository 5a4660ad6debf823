# The kit on The Littlest JupyterHub: copy this file to /opt/tljh/config/jupyterhub_config.d/kit.py
# (deploy/tljh/install-kit.sh does), then `sudo tljh-config reload hub`.
#
# TLJH loads the files of that folder after its own settings, so what is set here wins over
# tljh-config (the default URL in particular). The local JupyterHub test
# (tests/browser/test_hub.py) loads this same file, with the three paths below moved into a
# temporary folder through the environment variables.
import os

KIT_ENV = os.environ.get("KIT_ENV_PREFIX", "/opt/kit")  # conda env made from environment.yml
KIT_SOURCE = os.environ.get("KIT_SOURCE", "/srv/kit")  # a checkout of the kit's repository
SHARED_SUBMISSIONS = os.environ.get("KIT_SHARED_SUBMISSIONS", "/srv/bai-nop")  # group-writable, setgid

c = get_config()  # noqa: F821 (defined by JupyterHub when it loads this file)

# Each trainee lands on the welcome notebook, in JupyterLab.
c.Spawner.default_url = "/lab/tree/notebooks/00_chao_mung.ipynb"

# The trainee's server runs from the kit's own environment; the launcher first copies the
# lessons and exercises into the trainee's home (never over the trainee's own copy).
c.Spawner.cmd = [f"{KIT_ENV}/bin/python", f"{KIT_SOURCE}/deploy/kit-singleuser.py"]
c.Spawner.environment = {
    "KIT_SOURCE": KIT_SOURCE,
    # Every "Nộp bài" (submit) lands in one folder that the trainer reads.
    "KIT_SUBMISSIONS": SHARED_SUBMISSIONS,
}
# A kernel whose notebook tab was closed is shut down after 20 minutes (its drafts are
# autosaved, and come back when the notebook is opened again): each costs ~110 MiB.
c.Spawner.args = [
    "--MappingKernelManager.cull_idle_timeout=1200",
    "--MappingKernelManager.cull_interval=120",
    "--MappingKernelManager.cull_connected=False",
]
# Terminals find the kit's python first, then TLJH's user environment (conda, pip).
c.SystemdSpawner.extra_paths = [f"{KIT_ENV}/bin", "/opt/tljh/user/bin"]
# Reading the lesson and waiting for a kernel: give a busy server a little longer to start.
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 60
