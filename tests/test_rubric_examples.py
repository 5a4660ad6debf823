"""Every criterion documents its source and weight and carries examples that pass and
fail; this runs them (as proselint and LanguageTool test their rules)."""

from __future__ import annotations

import pytest

from kit import rubrics
from kit.scoring.draft import Draft

CRITERIA = [(kind, c) for kind in rubrics.KINDS for c in rubrics.get(kind).criteria]


def _id(item):
    return f"{item[0]}.{item[1].id}"


@pytest.mark.parametrize("item", CRITERIA, ids=_id)
def test_criterion_is_documented(item):
    _, c = item
    assert c.check.__doc__ and len(c.check.__doc__.strip()) > 40
    assert c.source and c.weight > 0
    assert c.passes and c.fails, "give at least one passing and one failing example"


@pytest.mark.parametrize("item", CRITERIA, ids=_id)
def test_examples(item):
    _, c = item
    for text in c.passes:
        f = c.check(Draft(text))
        assert f.fraction >= 0.75, (text[:80], f)
    for text in c.fails:
        f = c.check(Draft(text))
        assert f.fraction < 0.75, (text[:80], f)
        assert f.message, "a failing criterion says what to do"


def test_required_ids_are_present():
    ids = {kind: {c.id for c in rubrics.get(kind).criteria} for kind in rubrics.KINDS}
    assert {"headline", "lead", "sentence_length", "acronyms", "plain_language", "quote", "figures", "contact"} <= ids["press_release"]
    assert {"timeliness", "empathy", "verified_facts", "tone", "actions", "next_update", "spokesperson"} <= ids["hot_issue"]
    assert {"objectives", "audiences", "timeline", "owners", "kpis", "budget"} <= ids["campaign_plan"]
