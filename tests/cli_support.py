"""site-gen's command line run inside the test process: what `python -m site_gen` does, without starting Python.

`python -m site_gen` is `sys.exit(main())` (site_gen/__main__.py): its words, exit status and files are main()'s.
A new interpreter per call cost most of the developer's test loop (imports, the theme compiled again, the pinyin
helper started again); the tests that need a real process (a killed build, two builds at once, the README's
commands) still start one.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

from site_gen.commands.cli import main


def site_gen(*args: str, cwd: Path | None = None, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess:
    """main(args) with cwd as the working folder and env as the environment; its output and exit status."""
    out, err = io.StringIO(), io.StringIO()
    saved_folder, saved_environment = os.getcwd(), dict(os.environ)
    try:
        if cwd is not None:
            os.chdir(cwd)
        if env is not None:
            os.environ.clear()
            os.environ.update(env)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(list(args))
            except SystemExit as exit:  # argparse's usage errors and --help
                status = exit.code if isinstance(exit.code, int) else int(exit.code is not None)
    finally:
        os.chdir(saved_folder)
        os.environ.clear()
        os.environ.update(saved_environment)
    return subprocess.CompletedProcess(["site-gen", *args], status, out.getvalue(), err.getvalue())
