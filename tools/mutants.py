#!/usr/bin/env python3
"""Mutation check of mzdesk's critical rules: does a wrong change make a test fail?

``./dev mutants`` (or ``python tools/mutants.py``) copies the working tree as it is (tracked
and new files, not the ignored ones) into a temporary folder, then for each mutant below:
changes one place in the copy, runs the mutant's focused test files there (SQLite only:
``-k "not postgresql"``, ``-x``), puts the place back. A mutant is *caught* when a test
fails, *survived* when all pass. The working tree is never written to.

Each mutant is one small wrong change to a rule the project must keep — consent before a
letter, team access and the structural scope, the audit chain and its anchor, erasure, kit
conflicts and kit rights, merge twice, statistics counting, small-cell suppression, the
duplicate threshold, the login lockout, optimistic locking, notes never printed — written
as the exact text it replaces, so that a change of the code that moves the place makes the
mutant *stale* (reported, and ``tests/unit/test_mutants_apply.py`` fails) instead of
silently testing nothing. Before the mutants, the focused tests run once on the unchanged
copy: a red baseline would make every mutant look caught.

Why a script of its own and not mutmut: mutmut generates every operator change of every
line (thousands for this tree) and runs the suite for each; what is worth the machine time
here is a reviewed list of changes to the rules that matter, each with the tests that guard
it. The kill rate and the survivors are in docs/mutants.md.

Usage::

    ./dev mutants                   # every mutant, one at a time
    ./dev mutants --only C1,H1      # some of them
    ./dev mutants --rule "kit"      # the mutants whose rule contains this text
    ./dev mutants --list            # what there is
    ./dev mutants --check           # does each mutant still apply to the tree? (no tests)
    ./dev mutants --jobs 2          # two at a time, each in a copy of its own
    ./dev mutants --markdown        # the result table for docs/mutants.md

Exit status: 0 when at least ``--min-rate`` percent (default 95) were caught and no mutant
was stale or broke the test run; 1 otherwise; 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUN_TIMEOUT_S = 1800  # one mutant's tests; pytest-timeout ends a single hung test sooner

INT = "tests/integration/"
UNIT = "tests/unit/"
GUI = "tests/gui/"

CONSENT = (INT + "test_consents.py", INT + "test_referrals.py", INT + "test_letters.py")
RELEASE = (INT + "test_letter_release.py", INT + "test_referrals.py")
ACCESS = (INT + "test_access_matrix.py", INT + "test_every_path.py")
SCOPE = (INT + "test_scope.py", INT + "test_access_matrix.py", INT + "test_every_path.py")
AUDIT = (INT + "test_audit.py", INT + "test_audit_anchor.py", INT + "test_privacy_erase.py")
ANCHOR = (INT + "test_audit_anchor.py",)
ERASE = (INT + "test_privacy_erase.py", INT + "test_privacy_retention.py")
KITS = (INT + "test_kit_e2e.py", INT + "test_kit_merge_guards.py", INT + "test_kit_properties.py")
KIT_RIGHTS = (
    INT + "test_kit_e2e.py",
    INT + "test_kit_merge_guards.py",
    INT + "test_scope.py",
    INT + "test_every_path.py",
)
STATS = (INT + "test_stats.py", INT + "test_placements.py", INT + "test_stats_cli.py")
SUPPRESSION = (UNIT + "test_stats_suppression.py", INT + "test_stats_exports.py")
DEDUPE = (UNIT + "test_dedupe_quality.py", INT + "test_dedupe.py")
LOCKOUT = (INT + "test_lockout.py", INT + "test_access_matrix.py")
NOTES = (INT + "test_case_cli.py", INT + "test_contacts.py")


@dataclass(frozen=True)
class Mutant:
    key: str
    rule: str
    path: str  # relative to the tree's root
    old: str  # exact text, found exactly once in the file
    new: str
    tests: tuple[str, ...]
    what: str  # the wrong change in words


M = Mutant
# fmt: off
MUTANTS: tuple[Mutant, ...] = (
    # --- consent before a letter (and data minimisation) ---------------------------------------
    M("C1", "consent", "mzdesk/core/services/consents.py",
      "and wanted <= {str(c).upper() for c in consent.data_categories}",
      "and bool(wanted & {str(c).upper() for c in consent.data_categories})",
      CONSENT, "a consent covering some of the categories is enough"),
    M("C2", "consent", "mzdesk/core/services/consents.py",
      "return consent.withdrawn_on is None or on < consent.withdrawn_on",
      "return consent.withdrawn_on is None or on <= consent.withdrawn_on",
      CONSENT, "the withdrawal day still counts as consented"),
    M("C3", "consent", "mzdesk/core/services/consents.py",
      "if consent.expires_on is not None and on > consent.expires_on:",
      "if consent.expires_on is not None and on >= consent.expires_on:",
      CONSENT, "a consent is no longer valid on its last day"),
    M("C4", "consent", "mzdesk/core/services/referrals.py",
      '    if not text:\n        raise ReferralError("an exception needs its reason"',
      '    if False:\n        raise ReferralError("an exception needs its reason"',
      (*CONSENT, INT + "test_letter_release.py"), "a lead's exception without a reason"),
    M("C5", "consent", "mzdesk/core/services/referrals.py",
      "        return _ordered(set(template.required) | (set(template.optional)"
      " & _covered(consent)))",
      "        return _ordered(set(template.required) | set(template.optional))",
      CONSENT, "the letter prints optional categories the consent does not cover"),
    M("C6", "consent", "mzdesk/core/services/referrals.py",
      "        if consent is not None and not consents.is_valid(consent, day):",
      "        if False:",
      RELEASE, "a stored letter leaves again after its consent was withdrawn"),
    M("C7", "consent", "mzdesk/core/services/consents.py",
      "        r.partner_id == partner.id\n",
      "        True\n",
      CONSENT, "a consent names every partner"),
    # --- team access (the policy) --------------------------------------------------------------
    M("A1", "team access", "mzdesk/core/access.py",
      "own = exists().where(case.c.person_id == person_id, team == team_id)",
      "own = exists().where(case.c.person_id == person_id, team.is_not(None))",
      ACCESS, "a person with a case of any team is visible to every team"),
    M("A2", "team access", "mzdesk/core/access.py",
      '    if not who.active:\n        return "the account is disabled"',
      '    if False:\n        return "the account is disabled"',
      ACCESS, "a disabled account may still act"),
    M("A3", "team access", "mzdesk/core/access.py",
      "    Action.OVERRIDE_CONSENT: frozenset({Role.TEAM_LEAD}),",
      "    Action.OVERRIDE_CONSENT: _CASEWORK,",
      (*ACCESS, INT + "test_referrals.py"), "a counsellor may override a missing consent"),
    M("A4", "team access", "mzdesk/core/access.py",
      "    record_denial(session, action, person_id=person_id, case_id=case_id, reason=reason)\n",
      "    pass\n",
      ACCESS, "a denial is not audited"),
    M("A5", "team access", "mzdesk/core/access.py",
      "        if action is Action.PRIVACY and (person_id or case_id):",
      "        if False:",
      (*ACCESS, INT + "test_privacy_export.py"), "an admin reads case contents (privacy)"),
    M("A6", "team access", "mzdesk/core/access.py",
      "    if case_id is not None and not _case_visible(session, case_id, who.team_id):",
      "    if False:",
      ACCESS, "another team's case may be acted on"),
    M("A7", "team access", "mzdesk/core/access.py",
      "    return or_(own, and_(team.is_(None), person_visible_sql(person_column, team_id)))",
      "    return or_(own, team.is_(None))",
      (*ACCESS, INT + "test_scope.py"), "a case without a team is visible whoever its person"),
    # --- the structural scope (mzdesk/core/scope.py) -------------------------------------------
    M("SC1", "team access (scope)", "mzdesk/core/scope.py",
      "    touched = tables | texts\n    if touched:",
      "    touched = tables | texts\n    if False:",
      (*SCOPE, UNIT + "test_access_structure.py"), "a Core or text statement reads case data"),
    M("SC2", "team access (scope)", "mzdesk/core/scope.py",
      "    _check_visible(session, view, persons - new_persons, cases - new_cases)",
      "    pass",
      SCOPE, "a flush changes another team's records"),
    M("SC3", "team access (scope)", "mzdesk/core/scope.py",
      "who.active and who.role in (Role.COUNSELLOR, Role.TEAM_LEAD), who.team_id",
      "who.active and who.role in (Role.COUNSELLOR, Role.TEAM_LEAD, Role.ADMIN), who.team_id",
      SCOPE, "an admin sees case data"),
    M("SC4", "team access (scope)", "mzdesk/core/scope.py",
      "        built[model] = with_loader_criteria(model, rules[model], include_aliases=True)",
      "        built[model] = with_loader_criteria(model, rules[model], include_aliases=False)",
      SCOPE, "an aliased entity escapes the team filter"),
    # --- the audit chain and its anchor --------------------------------------------------------
    M("H1", "audit chain", "mzdesk/core/services/audit.py",
      '        "user_id": _text(entry.user_id),\n', "",
      AUDIT, "the user of an entry is not hashed"),
    M("H2", "audit chain", "mzdesk/core/services/audit.py",
      '        "at": _timestamp(entry.at),\n', "",
      AUDIT, "the time of an entry is not hashed"),
    M("H3", "audit chain", "mzdesk/core/services/audit.py",
      '        "person_id": _text(entry.person_id),\n', "",
      AUDIT, "the person of an entry is not hashed"),
    M("H4", "audit chain", "mzdesk/core/privacy/trail.py",
      "        if entry.prev_hash != prev_hash:",
      "        if False:",
      AUDIT, "a broken link between entries is not noticed"),
    M("H5", "audit chain", "mzdesk/core/privacy/trail.py",
      "        if entry.seq != expected_seq:",
      "        if False:",
      AUDIT, "a missing entry in the middle is not noticed"),
    M("H6", "audit chain", "mzdesk/core/privacy/trail.py",
      "            unconfirmed.add(entry.seq)",
      "            pass",
      AUDIT, "a redaction no erase entry lists is accepted"),
    M("H7", "audit anchor", "mzdesk/core/services/audit_anchor.py",
      '    if stored is not None:\n        return "rewritten", 0',
      '    if False:\n        return "rewritten", 0',
      ANCHOR, "a rewritten head of the chain is not called rewritten"),
    M("H8", "audit anchor", "mzdesk/core/services/audit_anchor.py",
      '    return "missing", max(anchor.head.seq - int(head), 0)',
      "    return None, 0",
      ANCHOR, "a cut tail of the chain is accepted"),
    # --- erasure --------------------------------------------------------------------------------
    M("E1", "erase", "mzdesk/core/privacy/erase.py",
      "                family_name=NEUTRAL_NAME,\n                given_names=\"\",\n",
      '                family_name=row["family_name"],\n                given_names="",\n',
      ERASE, "the search index keeps the erased name"),
    M("E2", "erase", "mzdesk/core/privacy/erase.py",
      "INSERT INTO person_fts(person_fts) VALUES ('optimize')\")",
      "SELECT 1\")",
      ERASE, "the search index's old segments keep the name"),
    M("E3", "erase", "mzdesk/core/privacy/erase.py",
      "    birth = quarter_start(birth) if birth else None\n",
      "    birth = birth\n",
      ERASE, "the exact birth date stays"),
    M("E4", "erase", "mzdesk/core/privacy/erase.py",
      '    report.changed["merge_conflicts"] = _clear_conflicts(session, ids)',
      '    report.changed["merge_conflicts"] = 0',
      (*ERASE, INT + "test_kit_e2e.py"), "kit-merge conflicts keep the erased values"),
    M("E5", "erase", "mzdesk/core/privacy/erase.py",
      "    report.redacted_audit_seqs = trail.redact_entries(session, records.person_ids, ids)",
      "    report.redacted_audit_seqs = []",
      (*ERASE, INT + "test_audit.py"), "the audit entries about the person are not redacted"),
    # --- kit conflicts, kit rights, merge twice -------------------------------------------------
    M("K1", "kit conflicts", "mzdesk/core/kits/merge.py",
      "            if was is not None and here == was:",
      "            if was is not None:",
      KITS, "the kit wins where both sides changed a field"),
    M("K2", "kit conflicts", "mzdesk/core/kits/merge.py",
      "            if kit in (here, was):",
      "            if kit == was:",
      KITS, "the same value on both sides is a conflict"),
    M("K3", "kit conflicts", "mzdesk/core/kits/merge.py",
      "            if canonical(office.get(column.name)) != canonical(base.get(column.name)):",
      "            if False:",
      KITS, "a laptop's deletion removes a row changed at the office"),
    M("K4", "kit conflicts", "mzdesk/core/kits/merge.py",
      "            elif base is not None and not from_return:",
      "            elif False:",
      KITS, "a row deleted at the office comes back from the kit"),
    M("M1", "merge twice", "mzdesk/core/kits/merge.py",
      "    if done is not None:\n        return MergeReport.from_stored(",
      "    if done is not None and False:\n        return MergeReport.from_stored(",
      KITS, "a kit merged before is merged again"),
    M("M2", "merge twice", "mzdesk/core/kits/merge.py",
      "        if marker in self.open_conflicts:",
      "        if False:",
      KITS, "an open question is asked again by another return"),
    M("O3", "optimistic locking", "mzdesk/core/kits/merge.py",
      ".where(tbl.c.id == uuid.UUID(target), tbl.c.version == version)",
      ".where(tbl.c.id == uuid.UUID(target))",
      KITS, "the merge overwrites a row changed at the office meanwhile"),
    M("KR1", "kit rights", "mzdesk/core/kits/rights.py",
      "            elif person_id not in visible:",
      "            elif False:",
      KIT_RIGHTS, "a return changes another team's person"),
    M("KR2", "kit rights", "mzdesk/core/kits/rights.py",
      "            elif self.kit_persons is not None and person_id not in self.kit_persons:",
      "            elif False:",
      KIT_RIGHTS, "a return changes a person the kit did not carry"),
    M("KR3", "kit rights", "mzdesk/core/kits/rights.py",
      "        if event_column is not None and _uuid(row.get(event_column)) != self.event_id:",
      "        if False:",
      KIT_RIGHTS, "a return writes rows of another event"),
    M("KR4", "kit rights", "mzdesk/core/kits/rights.py",
      "        if name in OFFICE_ONLY:",
      "        if False:",
      KIT_RIGHTS, "a return sets the event's organisers"),
    M("KR5", "kit rights", "mzdesk/core/kits/rights.py",
      "                if key in row and _uuid(row.get(key)) != office_row._mapping[key]:",
      "                if False:",
      KIT_RIGHTS, "a return moves the event to another team"),
    # --- statistics counting --------------------------------------------------------------------
    M("S1", "statistics", "mzdesk/core/stats/placements.py",
      "        .where(Placement.starts_on.between(period.start, period.end))",
      "        .where(Placement.starts_on <= period.end)",
      STATS, "placements are counted in every year up to their start"),
    M("S2", "statistics", "mzdesk/core/services/placements.py",
      "    state = snapshot_at(session, case.person_id, starts_on, codes)",
      "    state = snapshot_at(session, case.person_id, date.today(), codes)",
      STATS, "the legal category is taken today, not at the start date"),
    M("S3", "statistics", "mzdesk/core/services/placements.py",
      "LegalCategoryPeriod.valid_until >= day)",
      "LegalCategoryPeriod.valid_until > day)",
      STATS, "a period does not count on its last day"),
    M("S4", "statistics", "mzdesk/core/stats/placements.py",
      '                count_all().label("total"),',
      '                func.count(distinct(base.c.person_id)).label("total"),',
      STATS, "persons are counted instead of placements"),
    M("S5", "statistics", "mzdesk/core/services/placements.py",
      "        .order_by(LegalCategoryPeriod.valid_from.desc())",
      "        .order_by(LegalCategoryPeriod.valid_from.asc())",
      STATS, "of overlapping periods the oldest wins"),
    # --- small-cell suppression -----------------------------------------------------------------
    M("P1", "suppression", "mzdesk/core/stats/suppression.py",
      "        if 0 < value < threshold:",
      "        if 0 < value < threshold - 1:",
      SUPPRESSION, "the count just under the threshold is shown"),
    M("P2", "suppression", "mzdesk/core/stats/suppression.py",
      "        else:\n            mask[chosen] = False\n",
      "        else:\n            mask[chosen] = False\n            break\n",
      SUPPRESSION, "secondary suppression stops after one cell"),
    M("P3", "suppression", "mzdesk/core/stats/suppression.py",
      "            key=lambda p: (p in margins, cells[p] < threshold, cells[p], p),",
      "            key=lambda p: (p in margins, cells[p] < threshold, -cells[p], p),",
      SUPPRESSION, "the largest cell is hidden second, not the smallest"),
    M("P6", "suppression", "mzdesk/core/stats/suppression.py",
      '        return f"<{self.threshold}" if self.primary else SECONDARY_LABEL',
      '        return f"<{self.threshold}"',
      SUPPRESSION, "a cell hidden to protect another is labelled \"<3\" (a 27 as \"<3\")"),
    M("P7", "suppression", "mzdesk/core/stats/suppression.py",
      "        if revealed(cells, equations, mask, threshold):\n            mask[position] = False",
      "        if False:\n            mask[position] = False",
      SUPPRESSION, "a secondary cell is shown again without checking what it reveals"),
    M("P8", "suppression", "mzdesk/core/stats/report.py",
      "            if hidden <= forced:",
      "            if True:",
      SUPPRESSION, "a figure hidden in one table is shown in another"),
    M("P4", "suppression", "mzdesk/cli/stats_cmd.py",
      "DEFAULT_SUPPRESS_BELOW = 3",
      "DEFAULT_SUPPRESS_BELOW = 2",
      (INT + "test_stats_cli.py", INT + "test_stats_exports.py"),
      "the command line's exports show counts of 2"),
    M("P5", "suppression", "mzdesk/ui/views/statistics.py",
      "SUPPRESS_BELOW = 3",
      "SUPPRESS_BELOW = 2",
      (GUI + "test_statistics_view.py",), "the GUI's exports show counts of 2"),
    # --- the duplicate threshold ----------------------------------------------------------------
    M("D1", "dedupe threshold", "mzdesk/core/dedupe/scoring.py",
      "DEFAULT_THRESHOLD = 0.75", "DEFAULT_THRESHOLD = 0.85",
      DEDUPE, "a higher threshold: duplicates missed"),
    M("D2", "dedupe threshold", "mzdesk/core/dedupe/scoring.py",
      "DEFAULT_THRESHOLD = 0.75", "DEFAULT_THRESHOLD = 0.65",
      DEDUPE, "a lower threshold: different persons offered as duplicates"),
    # --- the login lockout ----------------------------------------------------------------------
    M("L1", "lockout", "mzdesk/core/services/accounts.py",
      "        until = now + timedelta(minutes=minutes) if failed >= limit else None",
      "        until = now + timedelta(minutes=minutes) if failed > limit else None",
      LOCKOUT, "one wrong password more than the limit"),
    M("L2", "lockout", "mzdesk/core/services/accounts.py",
      "        if locked_until is not None and locked_until > now:",
      "        if False:",
      LOCKOUT, "a locked account may try again"),
    M("L3", "lockout", "mzdesk/core/services/accounts.py",
      "            failed = 0  # the lock has run out: the count starts again",
      "            pass",
      LOCKOUT, "the count does not start again after a lock"),
    M("L4", "lockout", "mzdesk/core/services/accounts.py",
      "    locked_until = now + timedelta(minutes=minutes) if failed >= limit else None",
      "    locked_until = None",
      LOCKOUT, "an unknown name is never locked (tells it apart from a real account)"),
    # --- optimistic locking ---------------------------------------------------------------------
    M("O1", "optimistic locking", "mzdesk/core/services/intake.py",
      "    if person.version != expected_version:",
      "    if person.version < expected_version:",
      (INT + "test_intake.py",), "a person edit over a newer version"),
    M("O2", "optimistic locking", "mzdesk/core/services/cases.py",
      "    if expected_version is not None and case.version != expected_version:",
      "    if expected_version is not None and case.version < expected_version:",
      (INT + "test_cases.py",), "a case edit over a newer version"),
    M("O4", "optimistic locking", "mzdesk/core/services/events.py",
      "    if expected_version is not None and event.version != expected_version:",
      "    if expected_version is not None and event.version < expected_version:",
      (INT + "test_events.py",), "an event edit over a newer version"),
    M("O5", "optimistic locking", "mzdesk/core/models/base.py",
      '        return {"version_id_col": cls.__table__.c.version}',
      "        return {}",
      (INT + "test_database.py", INT + "test_intake.py", INT + "test_cases.py"),
      "the ORM writes over a row changed since it was read"),
    # --- internal notes are never printed -------------------------------------------------------
    M("N1", "notes never printed", "mzdesk/cli/contact_cmd.py",
      '        "summary": contact.summary,',
      '        "summary": contact.summary or contact.note,',
      NOTES, "contact add/list print the note of a contact without a summary"),
    M("N2", "notes never printed", "mzdesk/cli/contact_cmd.py",
      '        "has_note": contact.note is not None,',
      '        "has_note": contact.note,',
      NOTES, "contact add/list print the note as 'has_note'"),
    M("N3", "notes never printed", "mzdesk/cli/case_cmd.py",
      '            "summary": c.summary,',
      '            "summary": c.summary or c.note,',
      NOTES, "case show prints the note of a contact without a summary"),
)
# fmt: on


# --- running ---------------------------------------------------------------------------------


@dataclass
class Result:
    key: str
    rule: str
    what: str
    outcome: str  # caught | survived | stale | error | timeout (caught)
    first_failure: str = ""
    seconds: float = 0.0
    detail: str = ""

    @property
    def caught(self) -> bool:
        return self.outcome in ("caught", "timeout")


@dataclass
class Summary:
    results: list[Result] = field(default_factory=list)

    @property
    def counted(self) -> list[Result]:
        return [r for r in self.results if r.outcome in ("caught", "timeout", "survived")]

    @property
    def rate(self) -> float:
        counted = self.counted
        return 100.0 * sum(r.caught for r in counted) / len(counted) if counted else 0.0


def applies(mutant: Mutant, root: Path) -> str | None:
    """Why ``mutant`` does not apply to the tree at ``root`` (None when it does)."""
    path = root / mutant.path
    if not path.is_file():
        return f"{mutant.path} does not exist"
    found = path.read_text(encoding="utf-8").count(mutant.old)
    if found != 1:
        return f"the text to change is in {mutant.path} {found} times, not once"
    missing = [test for test in mutant.tests if not (root / test).is_file()]
    if missing:
        return f"no such test file: {', '.join(missing)}"
    mutated = path.read_text(encoding="utf-8").replace(mutant.old, mutant.new)
    try:
        compile(mutated, str(path), "exec")
    except SyntaxError as error:
        return f"the mutant is not valid Python: {error}"
    return None


def _tree_files(root: Path) -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=root,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    return sorted({name for name in listed.split("\0") if name and (root / name).is_file()})


def copy_tree(root: Path, target: Path) -> Path:
    """The working tree as it is (tracked and new files, none of the ignored) into ``target``."""
    for name in _tree_files(root):
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / name, destination)
    return target


def _environment(copy: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(copy)
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # a .pyc of a mutant never outlives it
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    for name in ("MZDESK_TEST_POSTGRES_URL", "CI", "PYTEST_ADDOPTS"):
        env.pop(name, None)  # SQLite only, whatever this shell has set
    return env


_FAILED = re.compile(r"^(FAILED|ERROR) (\S+)", re.MULTILINE)


def run_tests(copy: Path, tests: Iterable[str], python: str) -> tuple[int | None, str, float]:
    """pytest on ``tests`` in ``copy``: (exit status or None on timeout, output, seconds)."""
    command = [
        python, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-rfE",
        "-k", "not postgresql", *tests,
    ]  # fmt: skip
    started = time.monotonic()
    try:
        done = subprocess.run(
            command,
            cwd=copy,
            env=_environment(copy),
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as expired:
        out = expired.stdout if isinstance(expired.stdout, str) else ""
        return None, out, time.monotonic() - started
    return done.returncode, done.stdout + done.stderr, time.monotonic() - started


def _imports_the_copy(copy: Path, python: str) -> None:
    shown = subprocess.run(
        [python, "-c", "import mzdesk; print(mzdesk.__file__)"],
        cwd=copy,
        env=_environment(copy),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not Path(shown).resolve().is_relative_to(copy.resolve()):
        raise SystemExit(f"mutants: the copy's tests would import {shown}, not the copy")


def run_mutant(mutant: Mutant, copy: Path, python: str) -> Result:
    result = Result(mutant.key, mutant.rule, mutant.what, "stale")
    reason = applies(mutant, copy)
    if reason is not None:
        result.detail = reason
        return result
    path = copy / mutant.path
    original = path.read_bytes()
    try:
        path.write_text(original.decode("utf-8").replace(mutant.old, mutant.new), "utf-8")
        code, output, result.seconds = run_tests(copy, mutant.tests, python)
    finally:
        path.write_bytes(original)
    failures = _FAILED.findall(output)
    result.first_failure = failures[0][1] if failures else ""
    if code is None:
        result.outcome = "timeout"
    elif code == 0:
        result.outcome = "survived"
    elif code == 1:
        result.outcome = "caught"
    else:  # 2 interrupted (e.g. a collection error), 3 internal error, 4 usage, 5 no tests
        result.outcome = "error"
        result.detail = f"pytest exit {code}: " + " ".join(output.strip().splitlines()[-3:])
    return result


def baseline(copy: Path, mutants: Sequence[Mutant], python: str) -> None:
    tests = sorted({test for mutant in mutants for test in mutant.tests})
    print(f"baseline: {len(tests)} test files on the unchanged copy …", flush=True)
    code, output, seconds = run_tests(copy, tests, python)
    if code != 0:
        tail = "\n".join(output.strip().splitlines()[-15:])
        raise SystemExit(f"mutants: the unchanged tree fails its focused tests:\n{tail}")
    print(f"baseline: green in {seconds:.0f} s", flush=True)


def run_all(mutants: Sequence[Mutant], jobs: int, check_baseline: bool, keep: bool) -> Summary:
    python = sys.executable
    summary = Summary()
    work = Path(tempfile.mkdtemp(prefix="mzdesk-mutants-"))
    try:
        copies = [copy_tree(ROOT, work / f"tree{n}") for n in range(max(1, jobs))]
        _imports_the_copy(copies[0], python)
        if check_baseline:
            baseline(copies[0], mutants, python)
        free = list(copies)

        def one(mutant: Mutant) -> Result:
            copy = free.pop()
            try:
                return run_mutant(mutant, copy, python)
            finally:
                free.append(copy)

        with ThreadPoolExecutor(max_workers=len(copies)) as pool:
            for result in pool.map(one, mutants):
                summary.results.append(result)
                shown = result.first_failure or result.detail
                print(
                    f"{result.key:5} {result.outcome:9} {result.seconds:6.0f} s  "
                    f"{result.rule}: {result.what}" + (f"  [{shown}]" if shown else ""),
                    flush=True,
                )
    finally:
        if keep:
            print(f"copies kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return summary


# --- reporting -------------------------------------------------------------------------------


def markdown(summary: Summary) -> str:
    rows = [
        "| # | Rule | Wrong change | Result | First failing test |",
        "|---|---|---|---|---|",
    ]
    for r in summary.results:
        shown = r.first_failure.replace("::", " :: ") or r.detail
        rows.append(f"| {r.key} | {r.rule} | {r.what} | {r.outcome} | {shown} |")
    counted = summary.counted
    caught = sum(r.caught for r in counted)
    rows.append("")
    rows.append(f"Kill rate: {caught} of {len(counted)} ({summary.rate:.1f} %).")
    return "\n".join(rows)


def _selected(args: argparse.Namespace) -> list[Mutant]:
    chosen = list(MUTANTS)
    if args.only:
        keys = {key.strip().upper() for key in args.only.split(",") if key.strip()}
        unknown = keys - {m.key for m in MUTANTS}
        if unknown:
            raise SystemExit(f"mutants: no such mutant: {', '.join(sorted(unknown))}")
        chosen = [m for m in chosen if m.key in keys]
    if args.rule:
        chosen = [m for m in chosen if args.rule.lower() in m.rule.lower()]
    return chosen


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="mutants", description="mutation check of the critical rules (see the module notes)"
    )
    parser.add_argument("--only", metavar="KEYS", help="comma-separated mutant keys")
    parser.add_argument("--rule", metavar="TEXT", help="mutants whose rule contains TEXT")
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    parser.add_argument("--check", action="store_true", help="check that each applies; no tests")
    parser.add_argument("--jobs", type=int, default=1, help="mutants at a time (default 1)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the unchanged run")
    parser.add_argument("--keep", action="store_true", help="keep the temporary copies")
    parser.add_argument("--min-rate", type=float, default=95.0, help="percent (default 95)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the results as JSON")
    parser.add_argument("--markdown", action="store_true", help="print the table for docs/")
    args = parser.parse_args(argv)
    mutants = _selected(args)
    if not mutants:
        parser.error("no mutant selected")
    if args.list:
        for m in mutants:
            print(f"{m.key:5} {m.rule:22} {m.path}: {m.what}")
        print(f"{len(mutants)} mutants")
        return 0
    if args.check:
        stale = [(m, reason) for m in mutants if (reason := applies(m, ROOT)) is not None]
        for m, reason in stale:
            print(f"{m.key}: stale: {reason}")
        print(f"{len(mutants) - len(stale)} of {len(mutants)} mutants apply")
        return 1 if stale else 0
    summary = run_all(mutants, args.jobs, not args.no_baseline, args.keep)
    counted = summary.counted
    caught = sum(r.caught for r in counted)
    broken = [r for r in summary.results if r.outcome in ("stale", "error")]
    survivors = [r for r in summary.results if r.outcome == "survived"]
    print()
    print(f"caught {caught} of {len(counted)} mutants: {summary.rate:.1f} %")
    for r in survivors:
        print(f"  survived {r.key}: {r.rule}: {r.what}")
    for r in broken:
        print(f"  {r.outcome} {r.key}: {r.detail}")
    if args.json:
        args.json.write_text(
            json.dumps([asdict(r) for r in summary.results], indent=2) + "\n", encoding="utf-8"
        )
    if args.markdown:
        print()
        print(markdown(summary))
    return 0 if summary.rate >= args.min_rate and not broken else 1


if __name__ == "__main__":
    sys.exit(main())
