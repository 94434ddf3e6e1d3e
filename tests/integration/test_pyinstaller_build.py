"""The PyInstaller one-folder build works: ``dist/mzdesk/mzdesk`` runs the GUI selftest, CLI
commands, and migrates a database made by an older schema.

One build per test session (about 30 s); the executable runs with the checkout out of reach
(cwd is a temporary folder and PYTHONPATH is cleared), so it can only use what is bundled.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mzdesk.core import schema
from mzdesk.core.database import Database

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed (it is in the dev extra: pip install -e .[dev])")
    if sys.platform.startswith("linux") and shutil.which("objdump") is None:
        pytest.skip("binutils is not installed (PyInstaller needs its objdump on Linux)")
    work = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(REPO / "build.spec"),
        ],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    exe = work / "dist" / "mzdesk" / "mzdesk"
    assert exe.is_file()
    return exe


def run(
    exe: Path,
    *args: str,
    cwd: Path,
    login: tuple[str, str] | None = None,
    key: str | None = None,
) -> subprocess.CompletedProcess[str]:
    hidden = (
        "PYTHONPATH",
        "MZDESK_DATABASE_URL",
        "MZDESK_USER",
        "MZDESK_PASSWORD",
        "MZDESK_DATABASE_KEY",
    )
    env = {k: v for k, v in os.environ.items() if k not in hidden}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if key is not None:
        env["MZDESK_DATABASE_KEY"] = key
    if login is not None:
        env["MZDESK_USER"], env["MZDESK_PASSWORD"] = login
    return subprocess.run(
        [str(exe), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_the_build_runs_demo_selftest_and_commands(built: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'built.sqlite'}"
    version = run(built, "--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("mzdesk ")

    demo = run(built, "--db", url, "demo", "--persons", "100", "--seed", "5", cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr[-2000:]

    selftest = run(built, "--db", url, "--selftest", cwd=tmp_path)
    assert selftest.returncode == 0, selftest.stdout + selftest.stderr[-2000:]
    assert "selftest passed" in selftest.stdout

    check = run(built, "--db", url, "db", "check", cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr

    # the demo has accounts: commands log in (a team lead may read statistics)
    stats = run(
        built,
        "--db",
        url,
        "stats",
        "--year",
        "2026",
        "--json",
        cwd=tmp_path,
        login=("leitung1", "mzdesk-demo"),
    )
    assert stats.returncode == 0, stats.stderr[-2000:]
    assert json.loads(stats.stdout)["period"]["label"] == "2026"

    # SQLCipher is bundled: an encrypted copy is written and opened with its key
    key_file = tmp_path / "key.txt"
    key_file.write_text("ein-langer-testschluessel\n", encoding="utf-8")
    encrypted = tmp_path / "encrypted.sqlite"
    admin = ("admin", "mzdesk-demo")
    args = ("db", "encrypt", "-o", str(encrypted), "--key-file", str(key_file))
    made = run(built, "--db", url, *args, cwd=tmp_path, login=admin)
    assert made.returncode == 0, made.stderr[-2000:]
    enc_url = f"sqlite+pysqlcipher:///{encrypted}"
    opened = run(
        built, "--db", enc_url, "db", "check", cwd=tmp_path, key="ein-langer-testschluessel"
    )
    assert opened.returncode == 0 and "integrity check passed" in opened.stdout, opened.stderr

    usage = run(built, "no-such-command", cwd=tmp_path)
    assert usage.returncode == 2


def test_the_build_migrates_an_older_database(built: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    database = Database(url, create=True)
    schema.upgrade(database, "0001_initial")
    database.close()

    upgraded = run(built, "--db", url, "db", "upgrade", cwd=tmp_path)
    assert upgraded.returncode == 0, upgraded.stderr[-2000:]
    with Database(url) as database:
        assert schema.current_revision(database) == schema.head_revision()
