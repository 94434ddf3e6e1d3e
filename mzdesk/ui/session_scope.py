"""One user action, one session: the UI's read and write blocks, written once.

A view or dialog opens a session for each user action and owns it (SQLAlchemy's advice: the
caller decides the transaction; core functions take the session and never commit). These two
functions are that block::

    referral_id = ctx.write(
        lambda session: referrals.create_referral(session, case_id=case_id, ...).id,
        refused=self.message_label.setText,
    )
    if referral_id is None:
        return  # refused: the label says why, in German; nothing was stored

* :func:`write` runs ``work(session)`` in a new session and commits (SQLAlchemy's
  ``session.begin()`` block). Whatever ``work`` (or the commit) raises rolls the session back
  — nothing of the action is stored — and goes on to the caller. ``work`` does not commit
  itself (core functions never do: the caller owns the transaction).
* :func:`read` is the same without a commit: whatever ``work`` flushed is rolled back when
  the session closes. Objects it returns keep what they loaded (the session is closed, not
  expired).
* With ``refused=``, a refusal (:class:`~mzdesk.core.errors.MzdeskError`) stops there:
  ``refused`` gets its German text and the call returns None (so ``work`` should return
  something other than None when the caller needs to tell). Any other error (a bug, a lost
  connection) still goes on to the caller, and on to the crash report.

``AreaContext.read``/``AreaContext.write`` (``mzdesk.ui.areas``) are these over the context's
session factory. In a :class:`~mzdesk.ui.operations.BackgroundOp` worker, use them without
``refused`` (it would touch widgets off the GUI thread): the op's failure callback gets the
error on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar, overload

from mzdesk.core.errors import MzdeskError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

T = TypeVar("T")
Sessions = Callable[[], "Session"]
Refused = Callable[[str], object]  # gets the refusal's German text


@overload
def read(sessions: Sessions, work: Callable[[Session], T]) -> T: ...
@overload
def read(sessions: Sessions, work: Callable[[Session], T], *, refused: Refused) -> T | None: ...
def read(
    sessions: Sessions, work: Callable[[Session], T], *, refused: Refused | None = None
) -> T | None:
    """``work(session)`` in a new session that is closed without a commit."""
    try:
        with sessions() as session:
            return work(session)
    except MzdeskError as error:
        if refused is None:
            raise
        refused(error.german)
        return None


@overload
def write(sessions: Sessions, work: Callable[[Session], T]) -> T: ...
@overload
def write(sessions: Sessions, work: Callable[[Session], T], *, refused: Refused) -> T | None: ...
def write(
    sessions: Sessions, work: Callable[[Session], T], *, refused: Refused | None = None
) -> T | None:
    """``work(session)`` in a new session, committed; rolled back if anything is raised."""
    try:
        # SQLAlchemy's own idiom: begin() commits when the block ends, rolls back if it raises
        with sessions() as session, session.begin():
            return work(session)
    except MzdeskError as error:
        if refused is None:
            raise
        refused(error.german)
        return None
