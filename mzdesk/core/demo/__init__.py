"""Synthetic, believable demo data (never real people): ``generate_demo``.

Everything is drawn from one ``random.Random(seed)`` (ids included), so the same seed gives the
same rows. Names are random combinations of common given and family names; addresses lie in the
fictional "Landkreis Musterland" with postcodes of the unused 00xxx range.
"""

from mzdesk.core.demo.generate import DemoSummary, ProgressCallback, generate_demo

__all__ = ["DemoSummary", "ProgressCallback", "generate_demo"]
