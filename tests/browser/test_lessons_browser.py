"""Every lesson opens and runs in JupyterLab with no error shown to the trainee."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT

from .lab import open_notebook, restart_and_run_all

pytestmark = pytest.mark.browser

LESSONS = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "notebooks").glob("[0-9]*.ipynb"))


@pytest.mark.parametrize("lesson", LESSONS)
def test_lesson_runs_without_errors(page, lab, artifacts, lesson):
    open_notebook(page, lab, lesson)
    restart_and_run_all(page)
    page.wait_for_timeout(1500)
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert errors.count() == 0, errors.first.inner_text()
    assert page.locator(".jp-CodeCell .jp-InputArea:visible .cm-content").count() == 0
    name = lesson.split("/")[-1].removesuffix(".ipynb")
    page.screenshot(path=str(artifacts / f"lesson_{name}_top.png"))
    widget = page.locator(".kit-draft-scorer, .kit-text-cleaner, .kit-dashboard, .kit-learner-progress, .kit-room").last
    widget.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / f"lesson_{name}_widget.png"))
    assert not page.outside_requests, page.outside_requests
