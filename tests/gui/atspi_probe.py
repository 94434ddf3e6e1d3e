"""Opens dialogs in a real X window and has them read through AT-SPI by another process.

    xvfb-run -a dbus-run-session -- python tests/gui/atspi_probe.py OUT.json DIALOG ...

Run by tests/gui/test_atspi.py. In the fresh D-Bus session it starts the accessibility bus
(Qt registers only with a bus that is already there), builds a demo database, opens each named
dialog of tests/gui/test_accessibility.py's DIALOGS the way the application opens it, in
German, and while its event loop answers the queries runs tests/gui/atspi_reader.py with the
system Python (pyatspi), writing what that reader saw to OUT.json.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

HERE = Path(__file__).resolve().parent
APPLICATION = "mzdesk-atspi-probe"
CONTROL = "control: an unlabelled field"


def start_accessibility_bus() -> subprocess.Popen[bytes]:
    launcher = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"])
    for _ in range(100):  # until the bus is on the session bus (well under a second)
        probe = subprocess.run(
            [
                "dbus-send",
                "--session",
                "--print-reply",
                "--dest=org.a11y.Bus",
                "/org/a11y/bus",
                "org.a11y.Bus.GetAddress",
            ],
            capture_output=True,
        )
        if probe.returncode == 0:
            return launcher
        time.sleep(0.05)
    raise SystemExit("the accessibility bus did not start")


def control_dialog() -> QDialog:
    """A dialog with one unlabelled field: the reader must report it (the test can fail)."""
    from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

    dialog = QDialog()
    dialog.setWindowTitle(CONTROL)
    QVBoxLayout(dialog).addWidget(QLineEdit())
    dialog.show()
    return dialog


def main(out: Path, names: list[str]) -> int:
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ["QT_LINUX_ACCESSIBILITY_ALWAYS_ON"] = "1"
    launcher = start_accessibility_bus()
    sys.path.insert(0, str(HERE.parent))  # tests/: import gui.test_accessibility

    from PySide6.QtCore import QProcess, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from mzdesk.core.database import Database
    from mzdesk.core.demo.generate import generate_demo
    from mzdesk.ui.i18n import Translations

    app = QApplication([APPLICATION])
    app.setApplicationName(APPLICATION)
    Translations("de").install(app)
    from gui import test_accessibility as a11y

    folder = Path(tempfile.mkdtemp(prefix="atspi-"))
    database = Database(f"sqlite:///{folder / 'demo.sqlite'}", create=True)
    generate_demo(database, 80, seed=7)
    demo = a11y.Demo(**vars(a11y._demo_ids(database)), db=database, folder=folder)
    parent = QWidget()
    dialogs = [control_dialog()]
    for name in names:
        dialog = a11y.DIALOGS[name](demo, None, parent)  # type: ignore[arg-type]
        dialog.setWindowTitle(name)  # the reader finds each window by this title
        dialog.show()
        dialogs.append(dialog)

    reader = QProcess()
    result = {"code": 1}

    def read() -> None:
        reader.start("/usr/bin/python3", [str(HERE / "atspi_reader.py"), APPLICATION])

    def done(code: int, _status: object) -> None:
        out.write_bytes(bytes(reader.readAllStandardOutput().data()))
        sys.stderr.write(bytes(reader.readAllStandardError().data()).decode(errors="replace"))
        result["code"] = code
        app.quit()

    reader.finished.connect(done)
    QTimer.singleShot(1000, read)  # the dialogs are mapped and registered on the bus
    app.exec()
    for dialog in dialogs:
        dialog.close()
    database.close()
    launcher.terminate()
    return result["code"]


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2:]))
