"""The duplicate check for many probes in one pass: a kit's new persons, an attendee list.

``core.dedupe.find_candidates`` reads the persons of one birth year per probe: fine at intake,
but 600 probes against 200,000 persons would read the table hundreds of times. Here the probes'
blocking keys go into one index and the table is read once, with only the columns the keys
need; the few rows that share a key are then read in full and scored exactly as
``find_candidates`` scores them (same keys, same score, same threshold).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection, Mapping
from functools import lru_cache

from sqlalchemy import String, cast, select
from sqlalchemy.orm import Session

from mzdesk.core import access
from mzdesk.core.dedupe import DEFAULT_THRESHOLD, Candidate, PersonProbe
from mzdesk.core.dedupe.blocking import Key, blocking_keys, name_pairs
from mzdesk.core.dedupe.candidates import (
    StoredPerson,
    _nationalities,
    _query,
    _stored,
    scored_candidates,
)
from mzdesk.core.dedupe.scoring import MIN_PHONE_DIGITS
from mzdesk.core.models import Person
from mzdesk.core.names import phone_key

_CHUNK = 2000


@lru_cache(maxsize=262144)
def _name_parts(family: str, given: str) -> tuple[tuple[tuple[str, str], ...], str, str]:
    """(name pairs, family skeleton, first given-name skeleton): cached per distinct name."""
    probe = PersonProbe(family_name=family, given_names=given)
    keys = probe.keys
    return tuple(sorted(name_pairs(probe))), keys.family_skeleton, keys.first_given_skeleton


def _stored_keys(
    family: str, given: str, birth: str | None, phone: str | None
) -> tuple[list[Key], tuple[tuple[str, str], ...]]:
    """The blocking keys of a stored row, as ``blocking_keys`` makes them (without a probe)."""
    pairs, family_skeleton, given_skeleton = _name_parts(family, given)
    year = int(birth[:4]) if birth else None
    keys: list[Key] = [("n", first, second, year) for first, second in pairs]
    if birth:
        day = birth[:10]
        if family_skeleton:
            keys.append(("f", family_skeleton, day))
        if given_skeleton:
            keys.append(("g", given_skeleton, day))
    if phone:
        digits = phone_key(phone)
        if len(digits) >= MIN_PHONE_DIGITS:
            keys.append(("p", digits))
    return keys, pairs


def find_many(
    session: Session,
    probes: Mapping[uuid.UUID, PersonProbe],
    *,
    exclude: Collection[uuid.UUID] = (),
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = 5,
) -> dict[uuid.UUID, list[Candidate]]:
    """Per probe id, the stored persons likely the same (best first), as find_candidates.

    Probes may be stored already (a kit's new persons after their insert): each is then
    compared with the other probes too, never with itself. Only persons the acting user may
    see are candidates (the scope), unless the caller runs it in a declared block.
    """
    access.require(session, access.Action.READ_PERSON)
    if not probes:
        return {}
    by_key: dict[Key, list[uuid.UUID]] = defaultdict(list)
    by_names: dict[tuple[str, str], list[uuid.UUID]] = defaultdict(list)  # probes w/o birth date
    all_names: dict[tuple[str, str], list[uuid.UUID]] = defaultdict(list)
    for probe_id, probe in probes.items():
        for key in blocking_keys(probe):
            by_key[key].append(probe_id)
        for names in name_pairs(probe):
            all_names[names].append(probe_id)
            if probe.birth_date is None:
                by_names[names].append(probe_id)
    excluded = {str(value) for value in exclude}
    pairs: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)  # stored id → probe ids
    query = select(
        cast(Person.id, String),
        Person.family_name,
        Person.given_names,
        cast(Person.birth_date, String),
        Person.phone,
    ).where(Person.merged_into_id.is_(None), Person.anonymised_on.is_(None))
    for raw_id, family, given, birth, phone in session.execute(query):
        keys, stored_names = _stored_keys(family, given, birth, phone)
        hits: set[uuid.UUID] = set()
        for key in keys:
            if key in by_key:
                hits.update(by_key[key])
        undated = not birth
        if by_names or undated:  # no birth date on one side: the same names in any year
            for pair in stored_names:
                hits.update(by_names.get(pair, ()))
                if undated:
                    hits.update(all_names.get(pair, ()))
        if hits:
            stored_id = uuid.UUID(str(raw_id))
            hits.discard(stored_id)  # a probe stored already is not its own duplicate
            if hits and str(stored_id) not in excluded and raw_id not in excluded:
                pairs[stored_id].update(hits)
    return _score(session, probes, pairs, threshold, limit)


def _score(
    session: Session,
    probes: Mapping[uuid.UUID, PersonProbe],
    pairs: dict[uuid.UUID, set[uuid.UUID]],
    threshold: float,
    limit: int,
) -> dict[uuid.UUID, list[Candidate]]:
    nearby: dict[uuid.UUID, list[StoredPerson]] = defaultdict(list)  # probe id → stored
    ids = sorted(pairs)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        rows = session.execute(_query().where(Person.id.in_(chunk))).all()
        for stored in _stored(rows, _nationalities(session, chunk)):
            for probe_id in pairs[stored.id]:
                nearby[probe_id].append(stored)
    found: dict[uuid.UUID, list[Candidate]] = {}
    for probe_id, stored_persons in nearby.items():
        candidates = scored_candidates(probes[probe_id], stored_persons, threshold)
        if candidates:
            found[probe_id] = candidates[:limit]
    return found
