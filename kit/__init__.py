"""The kit: a Jupyter training kit for communications work in Vietnam's education sector.

The core (``kit.text`` and, later, scoring, plans, export, crisis) is pure Python and
never imports ipywidgets; ``kit.widgets`` wires it to the notebook screen.
"""

__version__ = "0.1.0"
