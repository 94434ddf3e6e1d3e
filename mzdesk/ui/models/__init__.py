"""Qt item models over core services; they page lazily and never load a whole table."""
