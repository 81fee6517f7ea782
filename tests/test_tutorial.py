"""The tutorial's shell session prints what docs/tutorial.md shows."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest

import conflictbrief
from conflictbrief import Brief, cli
from running import ROOT

TUTORIAL = ROOT / "docs" / "tutorial.md"


def tutorial_brief() -> Brief:
    """Return the brief the tutorial's Python blocks build."""
    text = TUTORIAL.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.DOTALL)
    code = "\n".join(b for b in blocks if not b.startswith(">>>"))
    namespace: dict[str, Any] = {}
    exec(code, namespace)  # noqa: S102 (this repository's own tutorial)
    brief: Brief = namespace["brief"]
    return brief


def session() -> list[tuple[str, list[str]]]:
    """Return each command of the tutorial's shell session with the lines shown."""
    text = TUTORIAL.read_text(encoding="utf-8")
    shell = text[text.index("## 9. From the shell") :]
    block = re.search(r"```bash\n(.*?)```", shell, re.DOTALL)
    assert block is not None
    steps: list[tuple[str, list[str]]] = []
    for line in block[1].splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            steps[-1][1].append(line)
    return steps


class TestTutorial:
    def test_shell_session(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """Each command of step 9 prints the lines and exit status shown."""
        monkeypatch.chdir(tmp_path)
        conflictbrief.dump(tutorial_brief(), "tutorial.json")
        saved = Path("tutorial.json").read_text(encoding="utf-8")
        broken = saved.replace(
            '"speaker": "ukraine-military"', '"speaker": "ukraine-militry"'
        )
        Path("broken.json").write_text(broken, encoding="utf-8")
        status = 0
        for command, shown in session():
            if command == "echo $?":
                assert shown == [str(status)]
                continue
            program, *argv = shlex.split(command)
            assert "conflictbrief" == program
            status = cli.main(argv)
            out, err = capsys.readouterr()
            assert (command, shown) == (command, (out + err).splitlines())
