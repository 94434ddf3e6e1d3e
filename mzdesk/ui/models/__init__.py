"""Qt item models, one per file, each testable on plain data (tests/gui/test_item_models.py);
those over core services page lazily and never load a whole table."""
