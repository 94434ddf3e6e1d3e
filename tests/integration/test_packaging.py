"""mzdesk works from a wheel: data files are inside it and found from the installed copy.

Builds the wheel (``python -m build``; the isolated build env fetches hatchling), installs it
with ``pip --target`` into a temporary folder and runs the installed copy in a subprocess, with
that folder first on ``PYTHONPATH`` and the checkout out of reach (cwd is the temporary folder).
The dependencies come from this venv's site-packages.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from mzdesk.core import reference, schema

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow

REQUIRED = [
    "mzdesk/resources/fonts/DejaVuSans.ttf",
    "mzdesk/resources/fonts/LICENSE-DejaVu.txt",
    "mzdesk/core/migrations/env.py",
    "mzdesk/core/migrations/script.py.mako",
    "mzdesk/core/migrations/versions/0001_initial.py",
    "mzdesk/__main__.py",
]

PROBE = """
import json, sys
import mzdesk
from mzdesk.core import reference, schema
from mzdesk.core.resources import form_path, resource_path

forms = json.loads(sys.argv[1])
print(json.dumps({
    "mzdesk": mzdesk.__file__,
    "font": str(resource_path("fonts", "DejaVuSans.ttf")),
    "forms": [str(form_path(name)) for name in forms],
    "countries": [item.code for item in reference.items("countries")],
    "head": schema.head_revision(),
}))
"""


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=240, check=False
    )
    assert result.returncode == 0, f"{args[1:4]} exited {result.returncode}:\n{result.stderr}"
    return result


def _repo_files(folder: str) -> list[str]:
    """Files below REPO/<folder> as wheel paths below mzdesk/<folder> (caches excluded)."""
    root = REPO / folder
    return sorted(
        f"mzdesk/{folder}/{path.relative_to(root).as_posix()}"
        for path in root.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )


def test_wheel_contains_data_and_runs_installed(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MZDESK_DATABASE_URL")}
    dist = tmp_path / "dist"
    _run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)], REPO, env)
    (wheel,) = dist.glob("mzdesk-*.whl")

    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    reference_files = {f"mzdesk/resources/reference/{name}.json" for name in reference.SETS}
    form_files = _repo_files("forms")
    missing = (set(REQUIRED) | reference_files | set(form_files)) - names
    assert not missing, f"not in the wheel: {sorted(missing)}"
    assert set(_repo_files("resources")) <= names
    assert not any(name.startswith(("tests/", "tools/")) for name in names)

    site = tmp_path / "site"
    pip = [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet"]
    _run([*pip, "--target", str(site), str(wheel)], tmp_path, env)
    env["PYTHONPATH"] = str(site)
    forms = [name.removeprefix("mzdesk/forms/") for name in form_files]
    probe = _run([sys.executable, "-c", PROBE, json.dumps(forms)], tmp_path, env)
    found = json.loads(probe.stdout)

    assert Path(found["mzdesk"]).is_relative_to(site), "the checkout was imported, not the wheel"
    font = Path(found["font"])
    assert font.is_relative_to(site)
    assert font.stat().st_size == (REPO / "resources/fonts/DejaVuSans.ttf").stat().st_size
    for form in map(Path, found["forms"]):
        assert form.is_relative_to(site)
        assert form.is_file()
    assert found["countries"] == reference.codes("countries")
    assert found["head"] == schema.head_revision()

    db = f"sqlite:///{tmp_path / 'x.sqlite'}"
    upgraded = _run([sys.executable, "-m", "mzdesk", "--db", db, "db", "upgrade"], tmp_path, env)
    assert found["head"] in upgraded.stdout
    checked = _run([sys.executable, "-m", "mzdesk", "--db", db, "db", "check"], tmp_path, env)
    assert checked.stdout.startswith("ok:")
    assert (tmp_path / "x.sqlite").stat().st_size > 0
