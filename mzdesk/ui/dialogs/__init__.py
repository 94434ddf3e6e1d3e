"""Dialogs opened from the areas (each holds a form from forms/)."""
