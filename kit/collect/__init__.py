"""The room's results: read a folder of submissions, summarise it, draw it, write a report.

Pure core (no ipywidgets): ``python -m kit collect`` and the trainer's dashboard widget
both call :func:`build`; ``python -m kit progress`` and the learner's widget call
:mod:`kit.collect.progress`.
"""

from __future__ import annotations

from .reading import Attempt, Collection, FolderReader, Skipped, read_folder
from .summary import alias, debrief_view, summarise


def build(collection: Collection, *, anonymise: bool = False) -> tuple[dict, dict[str, bytes]]:
    """The summary and its charts (file name → PNG) for a read folder."""
    from .charts import all_charts

    summary = summarise(collection, anonymise=anonymise)
    return summary, all_charts(summary)


__all__ = ["Attempt", "Collection", "FolderReader", "Skipped", "alias", "build", "debrief_view", "read_folder",
           "summarise"]
