"""One module per ``python -m kit`` command: ``register(subparsers)`` adds it."""
