"""Set-up of the web chat widget: `npm ci` into web/node_modules, once per lock file."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from bot.paths import ROOT


def test_setup_installs_nothing_when_the_lock_file_has_not_changed() -> None:
    result = subprocess.run(["scripts/setup-web.sh"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_without_node_setup_says_what_to_install(tmp_path: Path) -> None:
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "setup-web.sh", tmp_path / "scripts")
    (tmp_path / "web").mkdir()
    shutil.copy(ROOT / "web" / "package-lock.json", tmp_path / "web")
    tools = tmp_path / "bin"  # the tools the script uses, and no node or npm
    tools.mkdir()
    for tool in ("bash", "cat", "cut", "dirname", "sha256sum"):
        found = shutil.which(tool)
        assert found is not None
        (tools / tool).symlink_to(found)
    result = subprocess.run(["bash", "scripts/setup-web.sh"], cwd=tmp_path, env={"PATH": str(tools)},
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stderr == (
        "error: the web chat widget needs Node.js and npm (Debian: apt-get install nodejs npm).\n"
    )
