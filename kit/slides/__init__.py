"""Slide decks and printable handouts from the lesson notebooks (pure core: no ipywidgets).

    metadata   slide types for every cell of a lesson (the author's choice wins)
    prepare    run a lesson, swap live widgets for practice cards, drop errors
    split      cut long lesson pages into slides that fit a projected screen
    deck       one offline reveal.js deck per lesson (nbconvert SlidesExporter)
    handouts   one printable A4 PDF per lesson (HTML, then headless Chromium)
"""
