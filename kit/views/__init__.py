"""Pure HTML builders for what the widgets show (no ipywidgets here).

Every piece of trainee text goes through :func:`kit.views.html.esc` before it becomes
HTML: ``widgets.HTML`` renders what it is given and does not sanitise.
"""
