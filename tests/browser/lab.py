"""Steps a trainee takes in JupyterLab, for the browser tests."""

from __future__ import annotations

READY = ".kit-box .kit-ok"  # the green "Bộ công cụ đã sẵn sàng" line of every workbook


def open_notebook(page, lab, relpath: str) -> None:
    page.goto(lab.notebook_url(relpath))
    page.wait_for_selector(".jp-NotebookPanel", state="visible")
    wait_kernel_idle(page)


def wait_kernel_idle(page, timeout: float = 120_000) -> None:
    page.wait_for_function(
        """() => {
            const s = document.querySelector('.jp-NotebookPanel .jp-Notebook-ExecutionIndicator');
            return s && s.getAttribute('data-status') === 'idle';
        }""",
        timeout=timeout,
    )


def restart_and_run_all(page, ready: str = READY, attempts: int = 3) -> None:
    """The ▶▶ toolbar button the workbooks tell trainees to press, then “Restart”, until the
    workbook's first cell has shown its ready line. A kernel's very first start in a fresh
    environment (no compiled bytecode yet) can miss the first click, as a trainee may too."""
    for attempt in range(attempts):
        page.click(".jp-NotebookPanel-toolbar [data-command='notebook:restart-run-all']")
        page.click(".jp-Dialog .jp-mod-accept")
        page.wait_for_timeout(1000)
        try:
            wait_kernel_idle(page, timeout=90_000)  # a kernel stuck starting gets another restart
            page.locator(ready).first.wait_for(timeout=60_000)
            return
        except Exception:  # noqa: BLE001 - try the button again, as a trainee would
            if attempt == attempts - 1:
                raise


def download_word(page, button, link, path):
    """Click ``button``, wait for the download ``link`` it makes, save the file to ``path``
    and open it with python-docx (a trainee's "Tải về" then opening the file in Word)."""
    import io

    import docx

    button.click()
    link.wait_for(timeout=60_000)
    with page.expect_download() as dl:
        link.click()
    dl.value.save_as(str(path))
    return docx.Document(io.BytesIO(path.read_bytes()))
