"""Search while typing over persons: one service, two backends.

What is typed is parsed into tokens folded exactly like ``persons.search_text`` (see
``core.names.person_search_text``): names in any script become lower-case ASCII (``agaoglu``
finds ``Ağaoğlu``, ``olena`` finds ``Олена``, an Arabic query finds the Arabic original); a file
number splits into its parts (``MZ-2024-000123``, ``2024-000123``, ``MZ-2024-123``); a phone
number in any formatting becomes its digits with ``+49``/``0049`` as ``0``; a birth date
(``24.11.1990``, ``24.11.90``, ``1990-11-24``) becomes the token ``19901124``, and a year
(``1990``) finds every birth date in it by prefix. Every token must match as a *prefix* of
some token of the person (AND). Merged persons never appear.

Backends: SQLite FTS5 table ``person_fts`` (external content over ``persons.rowid``, migration
0002) and PostgreSQL ``to_tsvector('simple', search_text)`` with a GIN index.

Order and paging (keyset, never OFFSET):

* Up to ``SORT_LIMIT`` matches (anything a counsellor is really looking for): sorted by name
  (``sort_key``, id) like the client list; the next page starts after the last (sort_key, id).
* More matches (``a``, ``mz``, a year): on SQLite in the index's rowid order, streamed — the
  FTS5 query stops after the page, so the first rows come in well under a millisecond at
  200,000 persons, where sorting 60,000 matches by name would take ~30 ms per keystroke; the
  next page starts after the last rowid. PostgreSQL's GIN index cannot stream, so there the
  planner sorts by name in both cases (it walks the ``sort_key`` index for broad queries).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    TextClause,
    and_,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session

from mzdesk.core import access, scope
from mzdesk.core.dedupe.keys import name_words, shape_keys, skeleton, soft, variant_keys
from mzdesk.core.models import LegalCategory, LegalCategoryPeriod, Person, ResidenceStatus
from mzdesk.core.names import date_key, fold, phone_key, shape_token, variant_token
from mzdesk.core.services import persons
from mzdesk.core.services.persons import PersonRow

DEFAULT_LIMIT = 50
SORT_LIMIT = 1000  # up to this many matches are sorted by name
MAX_TOKENS = 8
MAX_TOKEN_LENGTH = 40

FTS_TABLE = "person_fts"

_DATE_DE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_PHONE = re.compile(r"^\+?[\d\s/()\-]+$")
_TOKEN = re.compile(r"^[a-z0-9]+$")


@dataclass(frozen=True)
class SearchQuery:
    """What was typed, as tokens of ``[a-z0-9]`` that each must match as a prefix; beside
    each token the phonetic keys it may match instead for "ähnliche Schreibweise" (none for
    numbers, dates, phones and short words)."""

    tokens: tuple[str, ...]
    variants: tuple[tuple[str, ...], ...] = ()
    # each token as a name reads (an Arabic-script word with its vowels: "ywsf" → "yusf"),
    # what the similarity of a variant is measured on
    readings: tuple[str, ...] = ()
    # each token's narrower shape keys (``dedupe.keys.shape_keys``), for common skeletons
    shapes: tuple[tuple[str, ...], ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.tokens

    @property
    def has_variants(self) -> bool:
        return any(self.variants)

    def _variants_of(self, index: int) -> tuple[str, ...]:
        return self.variants[index] if index < len(self.variants) else ()

    def reading(self, index: int) -> str:
        return self.readings[index] if index < len(self.readings) else self.tokens[index]

    def _alternatives(self, index: int, narrow: bool) -> list[str]:
        """The tokens a typed word may match instead of itself: its phonetic keys, or with
        ``narrow`` its shape keys (where it has any)."""
        shapes = self.shapes[index] if narrow and index < len(self.shapes) else ()
        if shapes:
            return [shape_token(key) for key in shapes]
        return [variant_token(key) for key in self._variants_of(index)]

    def fts5_variant(self, narrow: bool = False) -> str:
        """``("hadad"* OR "0vhd") AND ("yusuf"* OR "0vasf")``: each token as typed or by one
        of its phonetic keys (``narrow``: its shape keys, ``"0wh9d9d"``)."""
        clauses = []
        for index, token in enumerate(self.tokens):
            options = [f'"{token}"*'] + [f'"{k}"' for k in self._alternatives(index, narrow)]
            clauses.append("(" + " OR ".join(options) + ")")
        return " AND ".join(clauses)

    def tsquery_variant(self, narrow: bool = False) -> str:
        """``(hadad:* | 0vhd) & (yusuf:* | 0vasf)`` for ``to_tsquery('simple', …)``."""
        clauses = []
        for index, token in enumerate(self.tokens):
            options = [f"{token}:*", *self._alternatives(index, narrow)]
            clauses.append("(" + " | ".join(options) + ")")
        return " & ".join(clauses)

    def fts5(self) -> str:
        """``"ahm"* "ali"*``: safe to quote, tokens are ``[a-z0-9]+``."""
        return " ".join(f'"{token}"*' for token in self.tokens)

    def tsquery(self) -> str:
        """``ahm:* & ali:*`` for ``to_tsquery('simple', …)``."""
        return " & ".join(f"{token}:*" for token in self.tokens)


def _parse_date(part: str, today: date) -> date | None:
    german = _DATE_DE.match(part)
    iso = _DATE_ISO.match(part)
    if german:
        day, month, year = int(german[1]), int(german[2]), int(german[3])
        if len(german[3]) == 2:  # "24.11.90": the most recent past century that fits
            year += 2000 if year <= today.year % 100 else 1900
    elif iso:
        year, month, day = int(iso[1]), int(iso[2]), int(iso[3])
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _is_phone(text: str) -> bool:
    """A phone number as typed: digits with + / ( ) - and spaces, starting with + or 0."""
    start = text.lstrip("( ")[:1]
    return bool(_PHONE.match(text)) and start in ("+", "0") and any(ch.isdigit() for ch in text)


def parse_query(raw: str, today: date | None = None) -> SearchQuery:
    """Tokens for what was typed; never raises. An empty query has no tokens."""
    raw = raw.strip()
    # each token with its phonetic keys, its reading as a name and its shape keys
    tokens: list[tuple[str, tuple[str, ...], str, tuple[str, ...]]] = []
    if raw and _is_phone(raw):
        tokens.append((phone_key(raw), (), "", ()))  # "0176 123 45 67", "+49 (176) 123-45"
    else:
        for part in raw.split():
            birth = _parse_date(part, today or date.today())
            if birth is not None:
                tokens.append((date_key(birth), (), "", ()))
            elif _is_phone(part) and part.startswith("+"):
                tokens.append((phone_key(part), (), "", ()))
            else:
                words = fold(part).split()
                # a word of any script is read as a whole (Arabic: its vowels); "Al-Ahmad",
                # "MZ-2024-000123" word by word
                for word, source in (
                    [(words[0], part)] if len(words) == 1 else [(w, w) for w in words]
                ):
                    if not word.isalpha():
                        tokens.append((word, (), word, ()))
                        continue
                    keys = tuple(sorted(variant_keys(source)))
                    shapes = tuple(sorted(shape_keys(source)))
                    tokens.append((word, keys, "".join(name_words(source)), shapes))
    unique: list[tuple[str, tuple[str, ...], str, tuple[str, ...]]] = []
    for token, keys, reading, shapes in tokens:
        token = token[:MAX_TOKEN_LENGTH]
        if token and _TOKEN.match(token) and token not in [t[0] for t in unique]:
            unique.append((token, keys, reading or token, shapes))
    kept = unique[:MAX_TOKENS]
    return SearchQuery(
        tuple(t[0] for t in kept),
        tuple(t[1] for t in kept),
        tuple(t[2] for t in kept),
        tuple(t[3] for t in kept),
    )


# --- queries ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchKey:
    """Where the next page starts: after (sort_key, id), or after a rowid of the FTS index."""

    by_name: bool
    value: str | int
    person_id: uuid.UUID


@dataclass(frozen=True)
class SearchPage:
    rows: tuple[PersonRow, ...]
    next_key: SearchKey | None  # None: no more matches
    # Matches (merged persons excluded) counted up to SORT_LIMIT + 1 on the first page;
    # None on later pages. ``more_than_counted``: there are more than SORT_LIMIT.
    matches: int | None = None
    # Persons found only under another spelling ("ähnliche Schreibweise"), most alike first;
    # on a first page that holds every exact and prefix match (else: none, the user is still
    # narrowing down). Never among ``rows``.
    similar: tuple[PersonRow, ...] = ()

    @property
    def more_than_counted(self) -> bool:
        return self.matches is not None and self.matches > SORT_LIMIT


_ROWID = literal_column("persons.rowid", Integer)
_FTS = table(FTS_TABLE, column("rowid", Integer))
_FTS_JOINED = _FTS.join(Person, _FTS.c.rowid == _ROWID)
# With FTS5 driving, "not merged" must not be answered from its index: SQLite 3.4x+ (as
# bundled with SQLCipher or newer Pythons) would otherwise walk every unmerged person through
# the index and probe the FTS table once per row (300x slower). The unary plus keeps the
# condition but takes the index out of the planner's choice.
_NOT_MERGED_FTS = literal_column("+persons.merged_into_id").is_(None)


def _fts_match(query: SearchQuery) -> TextClause:
    return text(f"{FTS_TABLE} MATCH :fts").bindparams(fts=query.fts5())


def _matching_variant(session: Session, query: SearchQuery, narrow: bool) -> TextClause:
    """PostgreSQL: each token as typed (prefix) or by one of its phonetic (shape) keys."""
    return text(
        "to_tsvector('simple', persons.search_text) @@ to_tsquery('simple', :tsq)"
    ).bindparams(tsq=query.tsquery_variant(narrow))


def _matching(session: Session, query: SearchQuery) -> ColumnElement[bool] | TextClause:
    """The full-text condition on ``persons`` for the session's backend."""
    if session.get_bind().dialect.name == "sqlite":
        return _ROWID.in_(select(_FTS.c.rowid).where(_fts_match(query)))
    return text(
        "to_tsvector('simple', persons.search_text) @@ to_tsquery('simple', :tsq)"
    ).bindparams(tsq=query.tsquery())


def count_matches(session: Session, query: SearchQuery, cap: int | None = None) -> int:
    """How many persons match, counting no further than ``cap`` (default SORT_LIMIT + 1)."""
    if query.is_empty:
        return 0
    cap = SORT_LIMIT + 1 if cap is None else cap
    visible = access.visible_persons(session)
    if session.get_bind().dialect.name == "sqlite":
        inner: Select[Any] = (
            select(literal_column("1"))
            .select_from(_FTS_JOINED)
            .where(_fts_match(query), _NOT_MERGED_FTS, visible)
            .limit(cap)
        )
    else:
        inner = (
            select(literal_column("1"))
            .select_from(Person)
            .where(_matching(session, query), Person.merged_into_id.is_(None), visible)
            .limit(cap)
        )
    counted = select(func.count()).select_from(inner.subquery())
    with scope.unscoped(session, scope.Purpose.EXPLICIT_SCOPE):  # ``visible`` is in ``inner``
        return int(session.execute(counted).scalar_one())


def _page_keys(
    session: Session, query: SearchQuery, after: SearchKey | None, by_name: bool, limit: int
) -> Select[uuid.UUID, str, Any]:
    """The (id, sort_key, position) of one page of matches, in page order."""
    # The scope limits ``Person`` to what the user may see (an ORM statement).
    if by_name:
        statement = select(Person.id, Person.sort_key, Person.sort_key.label("position"))
        if session.get_bind().dialect.name == "sqlite":
            # FTS5 drives, persons by rowid: an "IN (match)" lets SQLite pick the
            # merged_into_id index and look every match up twice.
            statement = statement.select_from(_FTS_JOINED).where(_fts_match(query), _NOT_MERGED_FTS)
        else:
            statement = statement.where(_matching(session, query), Person.merged_into_id.is_(None))
        if after is not None:
            statement = statement.where(
                or_(
                    Person.sort_key > after.value,
                    and_(Person.sort_key == after.value, Person.id > after.person_id),
                )
            )
        return statement.order_by(Person.sort_key, Person.id).limit(limit)
    # SQLite only: matches in the FTS index's rowid order, streamed from the index.
    statement = (
        select(Person.id, Person.sort_key, _FTS.c.rowid.label("position"))
        .select_from(_FTS_JOINED)
        .where(_fts_match(query), _NOT_MERGED_FTS)
    )
    if after is not None:
        statement = statement.where(_FTS.c.rowid > after.value)
    return statement.order_by(_FTS.c.rowid).limit(limit)


def _current_status(today: date) -> tuple[Any, Any]:
    """The person's current residence status and legal category (correlated subqueries):
    the latest that started on or before today, the same rule as the client list."""
    residence = (
        select(ResidenceStatus.status_code)
        .where(ResidenceStatus.person_id == Person.id, ResidenceStatus.valid_from <= today)
        .order_by(ResidenceStatus.valid_from.desc(), ResidenceStatus.created_at.desc())
        .limit(1)
        .correlate(Person)
        .scalar_subquery()
    )
    category = (
        select(LegalCategoryPeriod.category)
        .where(LegalCategoryPeriod.person_id == Person.id, LegalCategoryPeriod.valid_from <= today)
        .order_by(LegalCategoryPeriod.valid_from.desc(), LegalCategoryPeriod.created_at.desc())
        .limit(1)
        .correlate(Person)
        .scalar_subquery()
    )
    return residence, category


def _rows_by_id(session: Session, ids: list[uuid.UUID], today: date) -> list[Any]:
    """What the list shows of these persons (any order)."""
    residence, category = _current_status(today)
    statement = select(
        Person.id,
        Person.file_number,
        Person.family_name,
        Person.given_names,
        Person.birth_date,
        Person.birth_date_precision,
        Person.municipality,
        residence.label("residence_status"),
        category.label("legal_category"),
    ).where(Person.id.in_(ids))
    return list(session.execute(statement))


def _page(
    session: Session,
    query: SearchQuery,
    after: SearchKey | None,
    by_name: bool,
    limit: int,
    today: date,
) -> tuple[list[Any], SearchKey | None]:
    """One page with what the list shows, in a single statement.

    The page is chosen first (a subquery with ORDER BY … LIMIT); the current residence status
    and legal category are correlated subqueries evaluated for the page's rows only — the
    same "latest that started on or before today" rule as the client list.
    """
    keys = _page_keys(session, query, after, by_name, limit + 1).subquery("page")
    residence, category = _current_status(today)
    order = (keys.c.position, keys.c.id)
    statement = (
        select(
            Person.id,
            Person.file_number,
            Person.family_name,
            Person.given_names,
            Person.birth_date,
            Person.birth_date_precision,
            Person.municipality,
            residence.label("residence_status"),
            category.label("legal_category"),
            keys.c.sort_key,
            keys.c.position,
        )
        .select_from(keys.join(Person, Person.id == keys.c.id))
        .order_by(*order)
    )
    rows = list(session.execute(statement))
    more = len(rows) > limit
    rows = rows[:limit]
    if not more:
        return rows, None
    last = rows[-1]
    value = last.sort_key if by_name else int(last.position)
    return rows, SearchKey(by_name, value, last.id)


def search_page(
    session: Session,
    raw: str | SearchQuery,
    *,
    after: SearchKey | None = None,
    limit: int = DEFAULT_LIMIT,
    today: date | None = None,
    similar: bool = True,
) -> SearchPage:
    """The first (``after`` None) or a following page of persons matching ``raw``; with
    ``similar`` False the caller asks :func:`similar_persons` itself when
    :func:`wants_similar` says so (the window does, in the background)."""
    if limit < 1:
        raise ValueError("limit must be positive")
    access.require(session, access.Action.READ_PERSON)
    query = raw if isinstance(raw, SearchQuery) else parse_query(raw, today)
    if query.is_empty:
        return SearchPage((), None, 0 if after is None else None)
    matches: int | None = None
    sqlite = session.get_bind().dialect.name == "sqlite"
    if after is None:
        matches = count_matches(session, query)
        by_name = matches <= SORT_LIMIT or not sqlite
        if matches == 0:
            found_similar = similar_persons(session, query, today=today) if similar else ()
            return SearchPage((), None, 0, found_similar)
    else:
        by_name = after.by_name
    found, next_key = _page(session, query, after, by_name, limit, today or date.today())
    alike: tuple[PersonRow, ...] = ()
    if similar and after is None and next_key is None and query.has_variants:
        exact = {row.id for row in found}
        alike = similar_persons(session, query, exclude=exact, today=today)
    return SearchPage(_person_rows(session, found), next_key, matches, alike)


def wants_similar(query: SearchQuery, page: SearchPage, first: bool) -> bool:
    """Whether persons under another spelling belong after this page: the first page held
    every exact match, and a typed name has phonetic keys."""
    return first and page.next_key is None and query.has_variants


SIMILAR_LIMIT = 20
SIMILAR_CANDIDATES = 200  # persons sharing a key, scored in Python (more: shape keys)
SIMILAR_FLOOR = (
    0.86  # each typed name at least this alike to a name of the person (Hadi for "hadad": 0.855)
)


def _word_similarity(token: str, words: list[str]) -> float:
    """How alike a typed word is to the best of a person's name words (the duplicate check's
    measure, ``dedupe.scoring.part_similarity``); a prefix of a name word counts fully."""
    if any(word.startswith(token) for word in words):
        return 1.0
    # imported here: rapidfuzz is no import of a short command (tests/integration/test_cli_imports)
    from mzdesk.core.dedupe.scoring import part_similarity

    token_soft, token_skeleton = soft(token), skeleton(token)
    best = 0.0
    for word in words:
        similarity, _key = part_similarity(token_soft, token_skeleton, soft(word), skeleton(word))
        best = max(best, similarity)
    return best


def _candidates(session: Session, query: SearchQuery, *, narrow: bool, limit: int) -> Any:
    """Persons sharing a phonetic key (``narrow``: a shape key) with every typed name."""
    statement = select(
        Person.id,
        Person.sort_key,
        Person.family_name,
        Person.given_names,
        Person.family_name_original,
        Person.given_names_original,
    )
    if session.get_bind().dialect.name == "sqlite":  # FTS5 drives (see ``_page_keys``)
        match = text(f"{FTS_TABLE} MATCH :fts").bindparams(fts=query.fts5_variant(narrow))
        statement = statement.select_from(_FTS_JOINED).where(match, _NOT_MERGED_FTS)
    else:
        statement = statement.where(
            _matching_variant(session, query, narrow), Person.merged_into_id.is_(None)
        )
    return statement.order_by(Person.sort_key, Person.id).limit(limit)


def similar_persons(
    session: Session,
    query: SearchQuery,
    *,
    exclude: set[uuid.UUID] | None = None,
    limit: int = SIMILAR_LIMIT,
    today: date | None = None,
) -> tuple[PersonRow, ...]:
    """Persons matching what was typed only under another spelling: every name token alike
    (:data:`SIMILAR_FLOOR`) to one of the person's names in Latin or original script, the
    other tokens (numbers, dates) as typed. Most alike first, then by name."""
    access.require(session, access.Action.READ_PERSON)
    if not query.has_variants:
        return ()
    exclude = exclude or set()
    cap = SIMILAR_CANDIDATES + len(exclude)
    found = session.execute(_candidates(session, query, narrow=False, limit=cap + 1)).all()
    if len(found) > cap:  # a common key ("hd": Hadi, Hoda, Haddad …): the narrower shapes
        found = session.execute(_candidates(session, query, narrow=True, limit=cap)).all()
    scored: list[tuple[float, str, uuid.UUID]] = []
    for row in found:
        if row.id in exclude:
            continue
        words = [
            word
            for name in (
                row.family_name,
                row.given_names,
                row.family_name_original,
                row.given_names_original,
            )
            for word in name_words(name)
        ]
        alike = [
            _word_similarity(query.reading(index), words)
            for index in range(len(query.tokens))
            if query._variants_of(index)
        ]
        if alike and min(alike) >= SIMILAR_FLOOR:
            scored.append((-sum(alike) / len(alike), row.sort_key, row.id))
    chosen = [person_id for _score, _key, person_id in sorted(scored)[:limit]]
    if not chosen:
        return ()
    rows = {row.id: row for row in _rows_by_id(session, chosen, today or date.today())}
    return _person_rows(session, [rows[person_id] for person_id in chosen if person_id in rows])


def _person_rows(session: Session, found: list[Any]) -> tuple[PersonRow, ...]:
    if not found:
        return ()
    # The client list's own helper, so the nationalities show in the same order.
    nationalities = persons._nationalities(session, [row.id for row in found])
    return tuple(
        PersonRow(
            id=row.id,
            file_number=row.file_number,
            family_name=row.family_name,
            given_names=row.given_names,
            birth_date=row.birth_date,
            birth_date_precision=row.birth_date_precision,
            nationalities=nationalities.get(row.id, ()),
            residence_status=row.residence_status,
            legal_category=LegalCategory(row.legal_category) if row.legal_category else None,
            municipality=row.municipality,
        )
        for row in found
    )


def search_persons(session: Session, raw: str, limit: int = DEFAULT_LIMIT) -> list[PersonRow]:
    """The first ``limit`` persons matching what was typed, as the client list shows them."""
    return list(search_page(session, raw, limit=limit).rows)
