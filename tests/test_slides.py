"""Slide decks: slide types, cutting long pages, practice cards, and an offline deck folder."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from kit.slides import assets, deck, metadata, split
from kit.slides.prepare import WIDGET_MIME, prepare
from tests.conftest import ROOT

LESSONS = assets.find_lessons(ROOT / "notebooks")


def _types(nb):
    return [metadata.slide_type(c) for c in nb.cells]


# --- slide types -------------------------------------------------------------------------

def test_rules_give_sensible_slide_types():
    nb = new_notebook(cells=[
        new_markdown_cell("# Bài học"),
        new_code_cell("# Khởi động bộ công cụ\nimport kit.widgets as kw\nkw.ready()"),
        new_markdown_cell("## Một mục"),
        new_markdown_cell("### Một ý nhỏ"),
        new_markdown_cell("**Ghi chú cho giảng viên.** Hỏi lớp một câu."),
        new_markdown_cell("Một câu nối tiếp trang trên."),
        new_markdown_cell("Một đoạn rất dài. " * 60),
        new_code_cell("# Khung làm sạch văn bản\nkw.text_cleaner()"),
    ])
    changed = metadata.assign(nb)
    assert changed == list(range(8))
    assert _types(nb) == ["slide", "skip", "slide", "subslide", "notes", "-", "subslide", "-"]
    assert metadata.missing(nb) == []
    assert metadata.assign(nb) == []  # a second pass changes nothing


def test_the_authors_choice_wins_except_for_the_start_up_cell():
    nb = new_notebook(cells=[
        new_markdown_cell("## Một mục", metadata={"slideshow": {"slide_type": "subslide"}}),
        new_markdown_cell("Câu kết", metadata={"slideshow": {"slide_type": "fragment"}}),
        new_code_cell("import kit.widgets as kw\nkw.ready()", metadata={"slideshow": {"slide_type": "-"}}),
    ])
    assert metadata.assign(nb) == [2]
    assert _types(nb) == ["subslide", "fragment", "skip"]


# --- cutting long pages ------------------------------------------------------------------

def test_blocks_keep_code_tables_and_lists_whole():
    source = "## Tít\n\nĐoạn một.\n\n```\na\n\nb\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- x\n- y\n### Ý nhỏ\nĐoạn hai."
    assert split.blocks(source) == ["## Tít", "Đoạn một.", "```\na\n\nb\n```", "| a | b |\n|---|---|\n| 1 | 2 |",
                                    "- x\n- y", "### Ý nhỏ", "Đoạn hai."]


def test_a_long_page_is_cut_into_continued_slides_that_each_fit():
    paragraph = "Câu văn có nhiều tiếng để kiểm tra việc cắt trang chiếu cho vừa màn hình. " * 5
    nb = new_notebook(cells=[new_markdown_cell("## Mục dài\n\n" + "\n\n".join([paragraph] * 8),
                                               metadata={"slideshow": {"slide_type": "slide"}})])
    out = split.paginate(nb)
    assert len(out.cells) >= 3
    assert _types(out)[0] == "slide" and set(_types(out)[1:]) == {"subslide"}
    assert all(c.source.startswith("## Mục dài (tiếp)") for c in out.cells[1:])
    for cell in out.cells:
        assert sum(split.block_lines(b) for b in split.blocks(cell.source)) <= split.LINES_PER_SLIDE * 1.3
    assert "\n\n".join(c.source.replace("## Mục dài (tiếp)\n\n", "") for c in out.cells).count(paragraph) == 8
    nbformat.validate(out)
    assert len({c.id for c in out.cells}) == len(out.cells)


def test_a_second_heading_starts_a_new_slide_and_a_colon_keeps_its_list():
    nb = new_notebook(cells=[new_markdown_cell(
        "## Một\n\nNội dung:\n\n- a\n- b\n\n## Hai\n\nĐoạn cuối.", metadata={"slideshow": {"slide_type": "slide"}})])
    out = split.paginate(nb)
    assert [c.source for c in out.cells] == ["## Một\n\nNội dung:\n\n- a\n- b", "## Hai\n\nĐoạn cuối."]
    assert _types(out) == ["slide", "slide"]


def test_a_short_page_is_left_alone():
    nb = new_notebook(cells=[new_markdown_cell("## Ngắn\n\nMột câu.", metadata={"slideshow": {"slide_type": "slide"}})])
    assert [c.source for c in split.paginate(nb).cells] == ["## Ngắn\n\nMột câu."]


# --- widgets become practice cards -------------------------------------------------------

def _lesson_with_widget():
    widget = new_output("display_data", data={WIDGET_MIME: {"model_id": "x"}, "text/plain": "VBox()"})
    error = new_output("error", ename="ValueError", evalue="bad", traceback=["Traceback..."])
    return new_notebook(cells=[
        new_markdown_cell("## Thực hành"),
        new_code_cell("# Khung làm sạch <văn bản>\nkw.text_cleaner()", outputs=[widget]),
        new_code_cell("# Biểu đồ\nkw.chart()", outputs=[error]),
    ], metadata={"widgets": {"state": {}}})


def test_widgets_become_escaped_practice_cards_and_errors_are_dropped(vietnamese):
    prepared = prepare(_lesson_with_widget(), Path("notebooks/99_thu.ipynb"), run=False)
    card, chart = prepared.nb.cells[1], prepared.nb.cells[2]
    html = card.outputs[0]["data"]["text/html"]
    assert "Thực hành trên máy: Khung làm sạch &lt;văn bản&gt;" in html
    assert "notebooks/99_thu.ipynb" in html and "JupyterLab" in html
    assert all(WIDGET_MIME not in (o.get("data") or {}) for c in prepared.nb.cells for o in c.get("outputs", []))
    assert not any(o["output_type"] == "error" for o in chart.outputs)
    assert "widgets" not in prepared.nb.metadata


# --- a deck folder that works offline ----------------------------------------------------

_LOCAL_REF = re.compile(r"""(?:src|href)\s*=\s*["']([^"'#]+)["']|url\(\s*["']?([^"')]+)["']?\s*\)""")


def _references(text: str):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)  # URLs inside CSS comments are not requests
    for m in _LOCAL_REF.finditer(text):
        yield m.group(1) or m.group(2)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("decks")
    return out, deck.build_decks(LESSONS, out, run=False)


def test_every_lesson_has_a_deck_with_slides_and_an_index(built):
    out, decks = built
    assert [d.source for d in decks] == LESSONS and len(decks) >= 3
    for d in decks:
        assert d.html.exists() and d.slides >= 5, d
        html = d.html.read_text(encoding="utf-8")
        assert '<html lang="vi">' in html
        assert d.title in html
        assert "kw.ready()" not in html and "import kit" not in html  # code is hidden
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(d.html.name in index for d in decks)
    assert "Bài trình chiếu" in index


def test_a_deck_refers_only_to_files_shipped_beside_it(built):
    out, decks = built
    texts = [(d.html, d.html.read_text(encoding="utf-8")) for d in decks]
    texts += [(css, css.read_text(encoding="utf-8")) for css in (out / "assets").rglob("*.css")]
    checked = 0
    for path, text in texts:
        refs = list(_references(text))
        if path.suffix == ".html":
            refs += re.findall(r'"(assets/[^"]+\.js)"', text)  # the modules require.js loads
        for ref in refs:
            if ref.startswith("data:"):
                continue
            assert not re.match(r"^[a-z]+://|^//", ref), f"{path.name} refers to {ref}"
            assert (path.parent / ref).exists(), f"{path.name}: {ref} is missing"
            checked += 1
    assert checked > 10


def test_speaker_notes_and_practice_cards_are_in_the_decks(built):
    _out, decks = built
    press = next(d for d in decks if d.source.name.startswith("01_"))
    nb = nbformat.read(press.source, as_version=4)
    assert press.notes == sum(1 for c in nb.cells if metadata.slide_type(c) == "notes") > 0
    html = press.html.read_text(encoding="utf-8")
    assert 'class="kit-practice"' in html and 'aside class="notes"' in html


def test_count_slides_counts_leaf_sections():
    html = ("<section><section>a</section><section>b<aside class='notes'>n</aside></section></section>"
            "<section>c</section>")
    assert deck.count_slides(html) == (3, 1)


def test_the_vendored_assets_are_complete_with_their_licences():
    for rel in ("reveal.js/dist/reveal.js", "reveal.js/dist/reveal.css", "reveal.js/plugin/notes/notes.js",
                "reveal.js/LICENSE", "require.js", "fonts.css", "fonts/LICENSE-be-vietnam-pro.txt",
                "fonts/LICENSE-dejavu.txt", "VENDORED.md"):
        assert (assets.STATIC / rel).is_file(), rel
    assert "MIT" in (assets.STATIC / "require.js").read_text(encoding="utf-8")[:400]
    fonts_css = (assets.STATIC / "fonts.css").read_text(encoding="utf-8")
    for ref in _references(fonts_css):
        assert (assets.STATIC / ref).is_file(), ref


def test_a_table_too_tall_for_a_slide_is_cut_between_rows_with_its_header():
    rows = "\n".join(f"| Dòng {i} | {'nội dung khá dài của một ô trong bảng ' * 3} |" for i in range(30))
    nb = new_notebook(cells=[new_markdown_cell(f"## Bảng dài\n\n| Cột A | Cột B |\n|---|---|\n{rows}\n\nKý hiệu: ✗.",
                                               metadata={"slideshow": {"slide_type": "slide"}})])
    out = split.paginate(nb)
    assert len(out.cells) >= 2
    assert out.cells[0].source.startswith("## Bảng dài\n\n| Cột A | Cột B |")  # the heading is not left alone
    for cell in out.cells:
        assert "| Cột A | Cột B |\n|---|---|" in cell.source
    assert sum(c.source.count("| Dòng ") for c in out.cells) == 30
    assert out.cells[-1].source.endswith("Ký hiệu: ✗.")


def test_a_new_lesson_without_slide_types_still_makes_a_deck(tmp_path):
    lesson = tmp_path / "03_xu_ly_van_de_nong.ipynb"
    nb = new_notebook(cells=[
        new_markdown_cell("# Xử lý vấn đề nóng\n\nBài học về phản ứng nhanh."),
        new_code_cell("# Khởi động bộ công cụ\nimport kit.widgets as kw\nkw.ready()"),
        new_markdown_cell("## Giờ vàng\n\nThông tin ban đầu trong vòng 24 giờ."),
        new_markdown_cell("Ghi chú cho giảng viên: hỏi lớp về một vụ việc gần đây."),
        new_code_cell("# Phòng xử lý tình huống\nkw.crisis_room()"),
    ])
    nbformat.write(nb, lesson)
    built = deck.build_deck(lesson, tmp_path, run=False)
    html = built.html.read_text(encoding="utf-8")
    assert built.title == "Xử lý vấn đề nóng" and built.slides == 2 and built.notes == 1
    assert "Phòng xử lý tình huống" in html and "kw.ready" not in html
