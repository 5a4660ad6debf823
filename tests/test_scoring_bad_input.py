"""Bad input never raises: a score and a clear Vietnamese warning."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit.rubrics import KINDS
from kit.scoring import score

VI = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"


def _check(rep, text_len_limit=None):
    assert 0 <= rep.total <= 100
    for c in rep.criteria:
        assert 0 <= c.score <= c.max
        for s, e in c.spans:
            assert 0 <= s <= e <= len(rep.text)
    assert unicodedata.is_normalized("NFC", rep.text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from(list(VI + " .,;:\n“”\"()–-0123456789")),
               max_size=600), st.sampled_from(("auto",) + KINDS))
def test_random_text_never_raises(text, kind):
    _check(score(text, kind))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("text, warning", [
    ("", "trống"),
    ("   \n\t  ", "trống"),
    ("<script>alert(1)</script><b>Sở GD&ĐT</b> trao học bổng.", "HTML"),
    ("Se\u0301 Gia\u0301o du\u0323c", None),
    ("Së Gi¸o dôc vµ §µo t¹o tØnh Qu¶ng Ng·i th«ng b¸o vÒ kú thi tuyÓn sinh", "TCVN3"),
])
def test_odd_input_gets_a_warning(kind, text, warning):
    rep = score(text, kind)
    _check(rep)
    if warning:
        assert any(warning in w for w in rep.warnings), rep.warnings


@pytest.mark.parametrize("kind", KINDS)
def test_endless_sentence_and_huge_paste(kind):
    endless = "học sinh " * 5000
    rep = score(endless, kind)
    _check(rep)
    assert any("tiếng" in w for w in rep.warnings)
    huge = ("Sở Giáo dục và Đào tạo trao 500 suất học bổng cho học sinh. " * 20000)[:1_000_000]
    rep = score(huge, kind)
    _check(rep)
    assert any("rất dài" in w for w in rep.warnings)


def test_wrong_genre_is_flagged():
    from tests import corpus_tools as ct

    plan = ct.goods("campaign_plan")[0].read_text()
    rep = score(plan, "press_release")
    assert any("kế hoạch truyền thông" in w for w in rep.warnings), rep.warnings
