"""Services: what the GUI and the CLI do with the data. Qt-free; the caller owns the Session."""
