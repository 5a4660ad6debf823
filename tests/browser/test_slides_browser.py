"""The decks open from file:// in headless Chromium with the network cut, and every slide shows.

Builds every lesson's deck into a temporary folder (as ``python -m kit slides`` does), opens
each one with every request that is not ``file://`` aborted and recorded, pages through all
the slides (with the speaker-notes plugin loaded) and checks that each one has text, fits
the slide, uses the shipped fonts and that nothing failed to load. A screenshot of every
slide is kept in ``tests/artifacts/slides/``.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import _require_browser
from tests.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

SHOTS = ARTIFACTS / "slides"


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    from kit.slides import assets, deck

    _require_browser()
    out = tmp_path_factory.mktemp("decks")
    built = deck.build_decks(assets.find_lessons(assets.lessons_dir()), out, run=True)
    assert built, "no lesson in notebooks/"
    return built


@pytest.fixture()
def offline_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="vi-VN")
    outside: list[str] = []
    failed: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith("file://") or url.startswith("data:") or url.startswith("blob:"):
            return route.continue_()
        outside.append(url)
        return route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("requestfailed", lambda req: failed.append(req.url))
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.outside, page.failed, page.errors = outside, failed, errors  # type: ignore[attr-defined]
    yield page
    context.close()


def _slides(page):
    return page.evaluate("""() => Reveal.getSlides().map(s => {
        const i = Reveal.getIndices(s); return [i.h, i.v || 0]; })""")


def test_every_deck_opens_offline_and_every_slide_renders(decks, offline_page):
    page = offline_page
    SHOTS.mkdir(parents=True, exist_ok=True)
    for old in SHOTS.glob("*.png"):
        old.unlink()
    problems: list[str] = []
    for d in decks:
        page.goto(d.html.as_uri())
        page.wait_for_function("() => window.Reveal && Reveal.isReady() && document.body.classList.contains('kit-ready')",
                               timeout=30_000)
        page.evaluate("() => document.fonts.ready")
        assert page.evaluate("() => Reveal.hasPlugin('notes')"), "speaker notes plugin not loaded"
        fonts = page.evaluate("""() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)""")
        assert any("Be Vietnam Pro" in f for f in fonts), f"{d.html.name}: the kit's font did not load: {fonts}"
        slides = _slides(page)
        assert len(slides) == d.slides, (d.html.name, len(slides), d.slides)
        for n, (h, v) in enumerate(slides, start=1):
            page.evaluate(f"() => Reveal.slide({h}, {v})")
            state = page.evaluate("""() => {
                const s = Reveal.getCurrentSlide();
                window.kitFitSlide(s);
                const room = Reveal.getConfig().height * 0.96;
                const shown = s.innerText.trim().length;  // speaker notes are hidden: not counted
                return {shown, height: s.scrollHeight, room, scale: s.dataset.kitFit,
                        overflow: s.classList.contains('kit-overflow'),
                        wide: s.scrollWidth > s.clientWidth + 2,
                        broken: [...s.querySelectorAll('img')].filter(i => !i.complete || !i.naturalWidth).length};
            }""")
            name = f"{d.source.stem}-{n:02d}.png"
            page.screenshot(path=str(SHOTS / name))
            if state["shown"] < 3:
                problems.append(f"{name}: empty slide")
            if state["overflow"]:
                problems.append(f"{name}: content taller than the slide ({state['height']} > {state['room']:.0f})")
            if state["wide"]:
                problems.append(f"{name}: content wider than the slide")
            if state["broken"]:
                problems.append(f"{name}: {state['broken']} image(s) did not load")
        page.keyboard.press("Escape")  # the overview of all slides works too
        assert page.evaluate("() => Reveal.isOverview()")
        page.evaluate("() => document.fonts.ready")
        broken_fonts = page.evaluate("""() => [...document.fonts].filter(f => f.status === 'error')
                                            .map(f => f.family + ' ' + f.weight + ' ' + f.style)""")
        assert not broken_fonts, f"{d.html.name}: fonts that failed to load: {broken_fonts}"
    assert not page.outside, f"decks tried to reach the network: {sorted(set(page.outside))}"
    assert not page.failed, f"assets missing from the deck folder: {sorted(set(page.failed))}"
    assert not page.errors, f"browser errors: {page.errors}"
    assert not problems, "\n".join(problems)


def test_speaker_notes_are_in_the_decks(decks, offline_page):
    import nbformat

    from kit.slides import metadata

    for d in decks:
        nb = nbformat.read(d.source, as_version=4)
        wanted = sum(1 for c in nb.cells if metadata.slide_type(c) == "notes")
        offline_page.goto(d.html.as_uri())
        offline_page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=30_000)
        notes = offline_page.evaluate("() => document.querySelectorAll('aside.notes').length")
        assert notes == wanted == d.notes, (d.html.name, notes, wanted, d.notes)


def test_the_speaker_view_opens_offline_with_the_trainers_notes(decks, offline_page):
    """Key S opens reveal.js's speaker view (a pop-up window) with the notes of the current slide."""
    press = next(d for d in decks if d.notes)
    page = offline_page
    page.goto(press.html.as_uri())
    page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=30_000)
    # the first slide that has speaker notes
    target = page.evaluate("""() => { for (const s of Reveal.getSlides()) {
        if (s.querySelector('aside.notes')) { const i = Reveal.getIndices(s); return [i.h, i.v || 0,
            s.querySelector('aside.notes').innerText.trim().slice(0, 40)]; } } return null; }""")
    assert target, "no slide with speaker notes"
    page.evaluate(f"() => Reveal.slide({target[0]}, {target[1]})")
    with page.context.expect_page(timeout=15_000) as popup_info:
        page.keyboard.press("s")
    speaker = popup_info.value
    speaker.wait_for_selector(".speaker-controls-notes .value", timeout=15_000)
    speaker.wait_for_function("(want) => document.querySelector('.speaker-controls-notes .value')"
                              ".innerText.includes(want)", arg=target[2][:20], timeout=15_000)
    shot = SHOTS / f"{press.source.stem}-speaker-view.png"
    speaker.set_viewport_size({"width": 1280, "height": 720})
    speaker.screenshot(path=str(shot))
    assert not page.outside, f"the speaker view tried to reach the network: {page.outside}"
