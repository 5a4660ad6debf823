"""Tools that build the kit's notebooks from their single sources.

``kit.notebooks.generate`` turns the worked solutions in ``solutions/`` into the trainee
workbooks in ``exercises/`` (nbconvert preprocessors, like nbgrader's release step).
"""
