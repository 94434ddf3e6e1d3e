"""``mzdesk.core.migrations.HEAD`` lets the start skip Alembic: it must be Alembic's head."""

from __future__ import annotations

import subprocess
import sys

from alembic.config import Config
from alembic.script import ScriptDirectory

from mzdesk.core import migrations, schema


def test_head_constant_is_alembics_head() -> None:
    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS_DIR))
    heads = ScriptDirectory.from_config(config).get_heads()
    assert heads == [migrations.HEAD]
    assert schema.head_revision() == migrations.HEAD


def test_importing_schema_does_not_import_alembic() -> None:
    code = (
        "import sys; import mzdesk.core.schema; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
