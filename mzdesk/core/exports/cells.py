"""The cells of every spreadsheet export (XLSX, CSV): text is never a formula.

A name typed into mzdesk (an event, a counsellor's display name, a team, a partner) reaches
the statistics exports. Spreadsheet programs run a cell as a formula when its text begins
with ``=``, ``+``, ``-`` or ``@`` (and, after a tab or a carriage return, some of them still
do), so ``=HYPERLINK("http://…","…")`` as an event name would be a live link in the team
lead's Excel. Following OWASP's advice on CSV injection, such text gets a leading ``'``: the
cell shows the name with the quote in front and is text in every program. Numbers are not
text and stay numbers (a negative count or number of days is still ``-5``, not ``'-5``).

Characters an XML worksheet cannot hold (C0 controls other than tab, line feed and carriage
return: a name stored before the input checks could contain them) are left out, so an old
``NUL`` cannot make an export fail.

Every writer of a CSV or XLSX file puts its values through :func:`spreadsheet_value` (or
its text through :func:`spreadsheet_text`).
"""

from __future__ import annotations

import re
from typing import TypeVar

# What makes Excel, LibreOffice Calc or Google Sheets read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"

# The characters XML 1.0 does not allow (openpyxl refuses them: IllegalCharacterError).
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

T = TypeVar("T")


def spreadsheet_text(text: str) -> str:
    """``text`` as a spreadsheet cell's text: ``'`` in front of a formula start, characters
    XML cannot hold left out."""
    text = _NOT_IN_XML.sub("", text)
    return QUOTE + text if text.startswith(FORMULA_STARTS) else text


def spreadsheet_value(value: T) -> T | str:
    """A cell value for a writer: text through :func:`spreadsheet_text`; numbers, dates and
    empty cells as they are."""
    if isinstance(value, str):
        return spreadsheet_text(value)
    return value
