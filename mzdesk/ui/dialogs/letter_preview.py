"""Preview of a PDF document (referral letter, consent form): zoom, pages, print, save, send.

The document is shown with QtPdf's ``QPdfView``. "Drucken…" asks for a printer with
``QPrintDialog``; printing to a real printer paints each page (rendered by ``QPdfDocument``
at the printer's resolution, on white) onto the full paper, so the DIN 5008 positions (the
address in the envelope window) land where they belong. A printer set to write a PDF file
gets the document's own bytes: text and embedded fonts stay as they are.
"Als PDF speichern…" writes the exact bytes. "Senden" (only when a ``send`` callback is given)
marks a referral sent; the preview then shows the stored letter, which is what any reprint is.

What is printed or saved is never the screen's copy: the dialog gets the bytes from its
:class:`LetterOutput`, whose ``release`` is the core's checked and audited path (for a referral
``referrals.release_letter``: consent or a lead's exception, then the audit entry). It is asked
first (``check``, before the print or file dialog opens), then for the bytes once the printer
or file is chosen: printing starts after the entry is committed, a saved file is committed
with its entry (a file that cannot be written leaves no entry). A refusal shows its German
reason; a team lead is offered "Ausnahme begründen…" where the dialog can record one.
Where the caller can record the missing consent (``record_consent``), a refusal for want of
consent offers "Einwilligung erfassen…" beside it; once that dialog is accepted, the preview
is loaded again (``reload``) and says whether the letter may now leave.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPageSize,
    QPainter,
    QShortcut,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.errors import MzdeskError
from mzdesk.core.files import write_private
from mzdesk.ui import print_queue, session_scope, theme
from mzdesk.ui.file_dialogs import Kind, save_file

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

MAX_PRINT_DPI = 600
ZOOM_STEP = 1.25
PRINT, PDF = "print", "pdf"  # what the output is for

# send(override_reason) -> the stored PDF; raises MzdeskError (e.g. ConsentRequired)
Sender = Callable[[str | None], bytes]
# record_exception(reason) -> the new preview (the letter now names the lead and the reason)
ExceptionRecorder = Callable[[str], bytes]
# record_consent(parent) -> the opened dialog recording the consent the letter lacks (accepted:
# recorded), or None; reload() -> the preview again and its notice ("" once it may leave)
ConsentRecorder = Callable[[QWidget], QDialog | None]
Reloader = Callable[[], tuple[bytes, str]]


@dataclass(frozen=True)
class LetterOutput:
    """How the previewed document may leave: ``check(purpose)`` raises MzdeskError when it may
    not (nothing recorded); ``release(purpose)`` yields the bytes to print or save, recorded
    in the audit trail and committed when the block ends without an error."""

    check: Callable[[str], None]
    release: Callable[[str], AbstractContextManager[bytes]]


def session_output(
    session_factory: Callable[[], Session],
    produce: Callable[[Session, str], bytes],
    check: Callable[[Session, str], None] | None = None,
) -> LetterOutput:
    """A :class:`LetterOutput` over core functions, one session per output."""

    def checked(purpose: str) -> None:
        if check is not None:
            session_scope.read(session_factory, lambda session: check(session, purpose))

    # Not session_scope.write: the commit waits for the caller's block (the PDF printed or
    # written), which runs inside the session.
    @contextmanager
    def release(purpose: str) -> Iterator[bytes]:
        with session_factory() as session:
            pdf = produce(session, purpose)  # checks and records
            yield pdf  # an error in the caller's block: no commit, no entry
            session.commit()

    return LetterOutput(checked, release)


def load_document(pdf: bytes, parent: QWidget | None = None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument on the bytes (the buffer must live as long as the document)."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    return document, buffer


def page_image(document: QPdfDocument, page: int, size: QSize) -> QImage:
    """One page rendered at ``size`` on white (QtPdf renders with a transparent background)."""
    rendered = document.render(page, size)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor(theme.PAPER))
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return image


def paint_pdf(painter: QPainter, printer: QPrinter, pdf: bytes, *, first: bool) -> int:
    """Paint every page of ``pdf`` onto the full paper (a new sheet before each but the very
    first of the print job); the page count. Works in a worker thread too (QPrinter, QImage)."""
    document, buffer = load_document(pdf)
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        target = printer.paperRect(QPrinter.Unit.DevicePixel).toRect()
        for page in range(document.pageCount()):
            if page or not first:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = page_image(document, page, size)
            painter.drawImage(QRect(0, 0, target.width(), target.height()), image)
        return int(document.pageCount())
    finally:
        document.close()
        buffer.close()


def begin_printing(printer: QPrinter) -> QPainter:
    printer.setFullPage(True)  # DIN 5008 positions are measured from the paper's edge
    painter = QPainter()
    if not painter.begin(printer):
        raise MzdeskError(
            "the printer could not be opened", german="Der Drucker konnte nicht geöffnet werden."
        )
    return painter


def print_document(pdf: bytes, printer: QPrinter, *, raster: bool | None = None) -> int:
    """Print ``pdf`` on ``printer``; returns the number of pages printed.

    A PDF-file printer gets the bytes themselves unless ``raster`` is True, and so does a CUPS
    printer unless ``raster`` is given (:mod:`mzdesk.ui.print_queue`: text stays text); any
    other printer (or ``raster=True``) gets every page painted at up to ``MAX_PRINT_DPI`` onto
    the full paper.
    """
    to_file = printer.outputFormat() is QPrinter.OutputFormat.PdfFormat
    to_queue = raster is None and print_queue.takes_pdf(printer)
    if to_queue or not (not to_file if raster is None else raster):
        document, buffer = load_document(pdf)
        pages = int(document.pageCount())
        document.close()
        buffer.close()
        if to_queue:
            print_queue.submit(pdf, printer)
        else:
            write_private(Path(printer.outputFileName()), pdf)
        return pages
    painter = begin_printing(printer)
    try:
        return paint_pdf(painter, printer, pdf, first=True)
    finally:
        painter.end()


def save_released(release: Callable[[str], AbstractContextManager[bytes]], path: Path) -> None:
    """Write the bytes ``release(PDF)`` gives, committed with the file; a file whose audit entry
    could not be committed is removed again."""
    written = False
    try:
        with release(PDF) as pdf:
            write_private(path, pdf)
            written = True
    except Exception:
        if written:
            path.unlink(missing_ok=True)
        raise


def fitting_size(widget: QWidget, width: int, height: int) -> QSize:
    """``width`` × ``height``, but at most 90 % of the screen the widget is on."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(width, height)
    available = screen.availableGeometry()
    return QSize(
        min(width, int(available.width() * 0.9)), min(height, int(available.height() * 0.9))
    )


class LetterPreviewDialog(QDialog):
    """Shows a PDF; print, save, and (for a draft referral) send it."""

    letter_sent = Signal()
    consent_recorded = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        pdf: bytes,
        *,
        title: str,
        file_name: str,
        output: LetterOutput,
        send: Sender | None = None,
        may_override: bool = False,
        record_exception: ExceptionRecorder | None = None,
        notice: str = "",
        record_consent: ConsentRecorder | None = None,
        reload: Reloader | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(fitting_size(self, 900, 1000))  # its buttons stay on a 1280x800 screen
        self.pdf = pdf  # what the screen shows; never what is printed or saved
        self.file_name = file_name
        self._output = output
        self._send = send
        self._may_override = may_override and record_exception is not None
        self._record_exception = record_exception
        self._record_consent = record_consent
        self._reload = reload
        self.consent_editor: QDialog | None = None
        self.sent = False
        self.printed_pages = 0

        self.view = QPdfView(self)
        self.view.setAccessibleName(self.tr("Letter preview"))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.document: QPdfDocument | None = None
        self._buffer: QBuffer | None = None

        self.page_label = QLabel(self)
        self.zoom_in_button = QPushButton(self.tr("Zoom &in"), self)
        self.zoom_out_button = QPushButton(self.tr("Zoom &out"), self)
        self.fit_button = QPushButton(self.tr("&Fit width"), self)
        self.previous_button = QPushButton(self.tr("P&revious page"), self)
        self.next_button = QPushButton(self.tr("&Next page"), self)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.save_button = QPushButton(self.tr("&Save as PDF…"), self)
        self.send_button = QPushButton(self.tr("Sen&d"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        for button, keys in (
            (self.zoom_in_button, QKeySequence.StandardKey.ZoomIn),
            (self.zoom_out_button, QKeySequence.StandardKey.ZoomOut),
            (self.print_button, QKeySequence.StandardKey.Print),
            (self.save_button, QKeySequence.StandardKey.Save),
        ):
            button.setShortcut(QKeySequence(keys))
        # Ctrl+= as well: "+" needs Shift on German and US keyboards
        self.zoom_in_shortcut = QShortcut(QKeySequence("Ctrl+="), self)
        self.zoom_in_shortcut.activated.connect(self.zoom_in_button.click)
        self.fit_button.setShortcut(QKeySequence("Ctrl+0"))
        self.previous_button.setShortcut(QKeySequence("Alt+Left"))
        self.next_button.setShortcut(QKeySequence("Alt+Right"))
        self.send_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.close_button.setShortcut(QKeySequence("Esc"))

        # refusal (no consent) and, for a team lead, the exception with a reason
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        theme.style(self.message_label, "color: $error; font-weight: bold;")
        self.message_label.hide()
        self.note_label = QLabel(self)
        self.note_label.setWordWrap(True)
        self.note_label.hide()
        self.override_button = QPushButton(self.tr("Justify an &exception…"), self)
        self.override_button.hide()
        self.consent_button = QPushButton(self.tr("Record &consent…"), self)
        self.consent_button.hide()
        self.reason_label = QLabel(self.tr("Reason for the e&xception:"), self)
        self.reason_edit = QLineEdit(self)
        self.reason_label.setBuddy(self.reason_edit)
        self.record_button = QPushButton(self.tr("&Record the exception"), self)
        self.record_button.setEnabled(False)
        self.override_host = QWidget(self)
        override_layout = QHBoxLayout(self.override_host)
        override_layout.setContentsMargins(0, 0, 0, 0)
        override_layout.addWidget(self.reason_label)
        override_layout.addWidget(self.reason_edit, 1)
        override_layout.addWidget(self.record_button)
        self.override_host.hide()

        tools = QHBoxLayout()
        for widget in (
            self.previous_button,
            self.next_button,
            self.page_label,
            self.zoom_out_button,
            self.zoom_in_button,
            self.fit_button,
        ):
            tools.addWidget(widget)
        tools.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.consent_button)
        actions.addWidget(self.override_button)
        actions.addStretch(1)
        for button in (self.print_button, self.save_button, self.send_button, self.close_button):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.note_label)
        layout.addWidget(self.override_host)
        layout.addLayout(actions)

        self.zoom_in_button.clicked.connect(lambda: self.zoom(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.zoom(1 / ZOOM_STEP))
        self.fit_button.clicked.connect(self.fit_width)
        self.previous_button.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button.clicked.connect(self.save_dialog)
        self.send_button.clicked.connect(lambda: self.send(None))
        self.close_button.clicked.connect(self.accept)
        self.override_button.clicked.connect(self.start_override)
        self.consent_button.clicked.connect(self.record_consent)
        self.reason_edit.textChanged.connect(
            lambda text: self.record_button.setEnabled(bool(text.strip()))
        )
        self.record_button.clicked.connect(self.record_exception)
        self.reason_edit.returnPressed.connect(self.record_button.click)
        self.view.pageNavigator().currentPageChanged.connect(lambda _page: self._show_page())
        self.send_button.setVisible(send is not None)
        self.set_pdf(pdf)
        if notice:  # e.g. no consent: said at once, not only when printing is refused
            self.show_message(notice)
            self.override_button.setVisible(self._may_override)
            self.consent_button.setVisible(record_consent is not None and send is not None)
        self.view.setFocus()

    # --- document and navigation -----------------------------------------------------------

    def set_pdf(self, pdf: bytes) -> None:
        old, old_buffer = self.document, self._buffer
        self.pdf = pdf
        self.document, self._buffer = load_document(pdf, self)
        self.view.setDocument(self.document)
        if old is not None:
            old.deleteLater()
        if old_buffer is not None:
            old_buffer.deleteLater()
        self._show_page()

    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

    def current_page(self) -> int:
        return int(self.view.pageNavigator().currentPage())

    def go_to_page(self, page: int) -> None:
        if 0 <= page < self.page_count():
            self.view.pageNavigator().jump(page, self.view.pageNavigator().currentLocation())
            self._show_page()

    def _show_page(self) -> None:
        current, total = self.current_page() + 1, self.page_count()
        text = self.tr("Page %1 of %2").replace("%1", str(current)).replace("%2", str(total))
        self.page_label.setText(text)
        self.previous_button.setEnabled(current > 1)
        self.next_button.setEnabled(current < total)

    def zoom(self, factor: float) -> None:
        current = self.view.zoomFactor()
        if self.view.zoomMode() is not QPdfView.ZoomMode.Custom:
            viewport = self.view.viewport().width()
            points = self.document.pagePointSize(0).width() if self.document else 595.0
            current = max(viewport - 20, 100) / (points * self.logicalDpiX() / 72)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(current * factor, 0.25), 5.0))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    # --- print, save ------------------------------------------------------------------------

    def make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setDocName(self.file_name)
        printer.setFullPage(True)
        return printer

    def allowed(self, purpose: str) -> bool:
        """Whether the document may leave for ``purpose``; else the German reason is shown."""
        try:
            self._output.check(purpose)
        except MzdeskError as error:
            self.refused(error)
            return False
        return True

    def print_to(self, printer: QPrinter, *, raster: bool | None = None) -> int:
        """Print the released bytes: recorded and committed first, then painted."""
        try:
            with self._output.release(PRINT) as released:
                pdf = released
        except MzdeskError as error:
            self.refused(error)
            return 0
        try:
            self.printed_pages = print_document(pdf, printer, raster=raster)
        except MzdeskError as error:
            self.show_message(error.german)
            return 0
        return self.printed_pages

    def print_dialog(self) -> None:
        if not self.allowed(PRINT):  # refused before a printer is even asked for
            return
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print letter"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def save_to(self, path: Path) -> None:
        """Write the released bytes (a sent letter exactly as stored), committed with the file."""
        save_released(self._output.release, path)

    def save_dialog(self) -> None:
        if not self.allowed(PDF):  # refused before a file name is asked for
            return
        path = save_file(
            self, self.tr("Save as PDF"), Kind.LETTER, self.file_name, self.tr("PDF files (*.pdf)")
        )
        if path is not None:
            try:
                self.save_to(path)
            except MzdeskError as error:
                self.refused(error)
            except OSError as error:
                log.warning("saving a letter failed: %s", type(error).__name__)
                self.show_message(self.tr("The file could not be written."))

    # --- send, refusal, override ------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def refused(self, error: MzdeskError) -> None:
        """The German reason; for a missing consent, a team lead may make the exception."""
        self.show_message(error.german)
        self.note_label.hide()
        for_consent = type(error).__name__ == "ConsentRequired"
        self.override_button.setVisible(
            for_consent and self._may_override and self.override_host.isHidden()
        )
        self.consent_button.setVisible(
            for_consent and self._record_consent is not None and not self.sent
        )

    def send(self, override_reason: str | None) -> bool:
        if self._send is None or self.sent:
            return False
        try:
            stored = self._send(override_reason)
        except MzdeskError as error:
            self.refused(error)
            return False
        self.sent = True
        self.override_button.hide()
        self.consent_button.hide()
        self.override_host.hide()
        self.show_message("")
        self.send_button.setEnabled(False)
        self.set_pdf(stored)
        self.letter_sent.emit()
        return True

    def record_consent(self) -> QDialog | None:
        """ "Einwilligung erfassen…": the caller's consent dialog; accepted, the preview is
        loaded again and the refusal goes once the letter may leave."""
        if self._record_consent is None:
            return None
        editor = self._record_consent(self)
        if editor is not None:
            self.consent_editor = editor
            editor.finished.connect(self._consent_editor_closed)
        return editor

    def _consent_editor_closed(self, result: int) -> None:
        self.consent_editor = None
        if result != QDialog.DialogCode.Accepted.value:
            return
        if self._reload is not None:
            pdf, notice = self._reload()
            self.set_pdf(pdf)
            self.show_message(notice)
            self.note_label.hide()
            self.consent_button.setVisible(bool(notice))
            self.override_button.setVisible(bool(notice) and self._may_override)
            self.override_host.hide()
        self.consent_recorded.emit()
        (self.send_button if self.consent_button.isHidden() else self.consent_button).setFocus()

    def start_override(self) -> None:
        self.override_host.show()
        self.override_button.hide()
        self.reason_edit.setFocus()

    def record_exception(self) -> bool:
        """Record the lead's exception with the typed reason; the preview then shows it."""
        reason = self.reason_edit.text().strip()
        if self._record_exception is None or not reason:
            return False
        try:
            preview = self._record_exception(reason)
        except MzdeskError as error:
            self.show_message(error.german)
            return False
        self.override_host.hide()
        self.show_message("")
        self.note_label.setText(
            self.tr(
                "Exception recorded. The letter names you and the reason; it may now be "
                "printed, saved or sent."
            )
        )
        self.note_label.show()
        self.set_pdf(preview)
        return True
