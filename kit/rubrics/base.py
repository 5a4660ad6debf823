"""Rules as small, cited functions (after proselint and Vale).

A rubric is a list of criteria. Each criterion is one function ``Draft -> Finding``,
registered with :func:`Rubric.criterion` together with its id, its label, its weight,
the source it rests on, and examples that pass and fail (``tests/test_rubric_examples.py``
runs them). A trainer can read one function and know why the rule exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

Span = tuple[int, int]


@dataclass(frozen=True)
class Finding:
    """What a criterion concluded about a draft.

    ``fraction`` of the criterion's weight is earned (0–1). ``message`` says in the
    user's language what is wrong, where, and what to do; it is empty when the
    criterion is fully met. ``spans`` point at the text to highlight (offsets into the
    NFC text). ``judged`` is False when the criterion could not judge (it says why).
    """

    fraction: float
    message: str = ""
    spans: tuple[Span, ...] = ()
    judged: bool = True

    @staticmethod
    def ok() -> "Finding":
        return Finding(1.0)


@dataclass(frozen=True)
class Criterion:
    id: str
    label: str  # English msgid; translated when reported
    weight: float
    source: str
    check: Callable[..., Finding]
    passes: tuple[str, ...] = ()
    fails: tuple[str, ...] = ()


@dataclass
class Rubric:
    kind: str
    label: str  # English msgid
    criteria: list[Criterion] = field(default_factory=list)

    def criterion(self, id: str, *, label: str, weight: float, source: str,
                  passes: Sequence[str] = (), fails: Sequence[str] = ()) -> Callable:
        """Register the decorated function as a criterion of this rubric."""

        def deco(fn: Callable[..., Finding]) -> Callable[..., Finding]:
            if any(c.id == id for c in self.criteria):
                raise ValueError(f"criterion {id!r} registered twice in {self.kind}")
            self.criteria.append(Criterion(id, label, float(weight), source, fn, tuple(passes), tuple(fails)))
            return fn

        return deco

    @property
    def total_weight(self) -> float:
        return sum(c.weight for c in self.criteria)
