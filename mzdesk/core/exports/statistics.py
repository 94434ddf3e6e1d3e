"""The statistics leave as Excel, CSV or PDF through :func:`export_statistics`: checked, audited.

The window's export buttons and ``mzdesk stats --xlsx/--csv/--pdf`` both call it: it checks
the export right, appends the output to the audit trail (format, period, suppression) and
writes the file. The caller commits once the file is written; a file that cannot be written
raises and the caller's rollback leaves no entry.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from mzdesk.core import access
from mzdesk.core.exports.csv import write_csv
from mzdesk.core.exports.pdf import write_pdf
from mzdesk.core.exports.xlsx import write_xlsx
from mzdesk.core.services import outputs
from mzdesk.core.stats.report import StatsReport

Writer = Callable[..., None]
WRITERS: dict[str, Writer] = {"xlsx": write_xlsx, "csv": write_csv, "pdf": write_pdf}


def export_statistics(
    session: Session,
    report: StatsReport,
    output_format: str,
    target: Path,
    *,
    suppress_below: int,
) -> Path:
    """Write ``report`` as ``output_format`` (xlsx, csv, pdf) to ``target``, audited."""
    access.require(session, access.Action.EXPORT)
    writer = WRITERS.get(output_format)
    if writer is None:
        raise ValueError(f"unknown statistics format {output_format!r}")
    outputs.record_output(
        session,
        outputs.OutputKind.STATISTICS_EXPORTED,
        entity="statistics",
        output_format=output_format,
        counts={"suppress_below": int(suppress_below)},
        period=(report.period.start, report.period.end),
    )
    writer(report, target, suppress_below=suppress_below)
    return target
