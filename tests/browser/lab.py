"""Steps a trainee takes in JupyterLab, for the browser tests."""

from __future__ import annotations


def open_notebook(page, lab, relpath: str) -> None:
    page.goto(lab.notebook_url(relpath))
    page.wait_for_selector(".jp-NotebookPanel", state="visible")
    wait_kernel_idle(page)


def wait_kernel_idle(page, timeout: float = 90_000) -> None:
    page.wait_for_function(
        """() => {
            const s = document.querySelector('.jp-NotebookPanel .jp-Notebook-ExecutionIndicator');
            return s && s.getAttribute('data-status') === 'idle';
        }""",
        timeout=timeout,
    )


def restart_and_run_all(page) -> None:
    """The ⏩ toolbar button the welcome page tells trainees to press, then “Restart”."""
    page.click(".jp-NotebookPanel-toolbar [data-command='notebook:restart-run-all']")
    page.click(".jp-Dialog .jp-mod-accept")
    page.wait_for_timeout(500)
    wait_kernel_idle(page)
