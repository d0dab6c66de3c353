"""Exercise answers, one module per notebook (``nb01.py`` for notebook 01, ...)."""
