"""The site-gen command: turns located problems into messages and exit codes.

Exit status: 0 success, 1 problems in the site, 2 wrong command-line usage.
A user's mistake never shows a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from functools import partial
from pathlib import Path

from .. import __version__
from ..base.cli_text import locale_language, say, speak_argparse
from ..base.diagnostics import Diagnostic, Severity, error, format_report
from ..base.layout import SiteLayout
from .build import build_site, load_site
from .new import add_new_command
from .progress_line import ProgressLine, silent

METAVARS = {
    "zh": {"site": "网站", "out": "文件夹", "host": "地址", "port": "端口", "source": "来源", "heading": "标题",
           "dir": "文件夹", "path": "路径", "title": "标题", "org": "单位", "date": "日期", "url": "地址",
           "command": "命令", "sheet": "工作表", "series": "系列"},
    "en": {"site": "SITE", "out": "DIR", "host": "HOST", "port": "N", "source": "SOURCE", "heading": "HEADING",
           "dir": "DIR", "path": "PATH", "title": "TITLE", "org": "ORG", "date": "DATE", "url": "URL",
           "command": "COMMAND", "sheet": "NAME", "series": "SERIES"},
}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    language = cli_language(argv)
    speak_argparse(language)
    parser = make_parser(language)
    args = parser.parse_args(argv)
    args.language = language
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    if hasattr(args, "site"):
        args.site = site_folder(args.site)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print(say("stopped", language), file=sys.stderr)
        return 130


def cli_language(argv: list[str]) -> str:
    """The site's language (its site.yaml's language:), else the environment's locale: read before the arguments
    are, so that --help and argparse's own errors are in it too."""
    from ..notice.config import CONFIG_FILE, load_config

    folder = site_folder(given_site(argv))
    if not (folder / CONFIG_FILE).is_file():
        return locale_language()
    config, _ = load_config(folder)
    return config.language


def given_site(argv: list[str]) -> Path | None:
    """--site/-s as typed, before argparse has read anything (None when not given)."""
    for index, word in enumerate(argv):
        if word in ("--site", "-s") and index + 1 < len(argv):
            return Path(argv[index + 1])
        if word.startswith("--site="):
            return Path(word.partition("=")[2])
    return None


def site_folder(given: Path | None, start: Path | None = None) -> Path:
    """The site: --site as given (its site.yaml accepted, as MkDocs' -f is), else the nearest folder from here
    upwards that holds a site.yaml (as git and Hugo find theirs), else this folder."""
    if given is not None:
        return given.parent if given.name == "site.yaml" and given.is_file() else given
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "site.yaml").is_file():
            return folder if folder != here else Path(".")
    return Path(".")


def make_parser(language: str = "en") -> argparse.ArgumentParser:
    words = partial(say, language=language)
    metavar = METAVARS["zh" if language == "zh" else "en"]
    parser = argparse.ArgumentParser(
        prog="site-gen",
        description=words("cli-description"),
        epilog=words("cli-examples"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"site-gen {__version__}", help=words("version"))
    commands = parser.add_subparsers(title=words("commands"), metavar=metavar["command"])

    build = commands.add_parser(
        "build",
        help=words("build-help"),
        description=words("build-description"),
        epilog=words("cli-examples"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_site_argument(build, language)
    build.add_argument("-o", "--out", type=Path, metavar=metavar["out"], help=words("opt-out"))
    build.add_argument("-D", "--drafts", action="store_true", help=words("opt-drafts"))
    build.add_argument("--strict", action="store_true", help=words("opt-build-strict"))
    build.add_argument("--base-url", default="", metavar=metavar["url"], help=words("opt-base-url"))
    loudness = build.add_mutually_exclusive_group()
    loudness.add_argument("-q", "--quiet", action="store_true", help=words("opt-quiet"))
    loudness.add_argument("-v", "--verbose", action="store_true", help=words("opt-verbose"))
    build.add_argument("--no-wait", action="store_true", help=words("opt-no-wait"))
    build.set_defaults(run=run_build)

    add_check_commands(commands, language)
    serve = commands.add_parser("serve", help=words("serve-help"), description=words("serve-description"))
    add_site_argument(serve, language)
    serve.add_argument("--host", default="127.0.0.1", metavar=metavar["host"], help=words("opt-host"))
    serve.add_argument(
        "-p", "--port", type=partial(port_number, language=language), default=8000, metavar=metavar["port"],
        help=words("opt-port"),
    )  # fmt: skip
    serve.add_argument("--no-drafts", action="store_true", help=words("opt-no-drafts"))
    serve.add_argument("--open", action="store_true", help=words("opt-open"))
    serve.set_defaults(run=run_serve)

    imports = commands.add_parser("import", help=words("import-help"), description=words("import-description"))
    imports.add_argument("sources", nargs="+", type=Path, metavar=metavar["source"], help=words("opt-sources"))
    add_site_argument(imports, language)
    imports.add_argument("-o", "--out", type=Path, metavar=metavar["out"], help=words("opt-import-out"))
    imports.add_argument("--dry-run", action="store_true", help=words("opt-dry-run"))
    imports.add_argument("--problems-in", metavar=metavar["heading"], help=words("opt-problems-in"))
    imports.add_argument("--sheet", metavar=metavar["sheet"], help=words("opt-sheet"))
    imports.add_argument("--force", action="store_true", help=words("opt-force"))
    imports.add_argument("--lang", choices=("zh", "en"), help=words("opt-import-lang"))
    imports.add_argument("--series", default="", metavar=metavar["series"], help=words("opt-import-series"))
    imports.set_defaults(run=run_import)
    add_new_command(commands, partial(add_site_argument, language=language), language, metavar)
    return parser


def port_number(text: str, language: str = "en") -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(say("port-invalid", language, value=text))
    return int(text)


def add_check_commands(commands, language: str) -> None:
    """check, and schema: what editors and pipelines use to find problems before a build."""
    words = partial(say, language=language)
    check = commands.add_parser("check", help=words("check-help"), description=words("check-help"))
    add_site_argument(check, language)
    check.add_argument("--strict", action="store_true", help=words("opt-strict"))
    check.add_argument("--format", choices=("text", "json"), default="text", help=words("opt-format"))
    check.set_defaults(run=run_check)
    schema = commands.add_parser("schema", help=words("schema-help"), description=words("schema-description"))
    schema.add_argument("which", nargs="?", choices=("notice", "site"), default="notice", help=words("opt-which"))
    schema.set_defaults(run=run_schema)


def add_site_argument(parser: argparse.ArgumentParser, language: str = "en") -> None:
    parser.add_argument(
        "-s", "--site", type=Path, default=None, metavar=METAVARS["zh" if language == "zh" else "en"]["site"],
        help=say("opt-site", language),
    )  # fmt: skip


def run_build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    out_dir = args.out if args.out is not None else SiteLayout(args.site).output
    language = args.language
    if args.base_url and not args.base_url.startswith(("http://", "https://")):
        print(format_report([error("--base-url", 0, "base-url-scheme")], language), file=sys.stderr)
        return 2
    progress = silent if args.quiet else ProgressLine(language, verbose=args.verbose)
    try:
        result = build_site(
            args.site,
            out_dir,
            drafts=args.drafts,
            progress=progress,
            strict=args.strict,
            base_url=args.base_url,
            wait=not args.no_wait,
            waiting=say_waiting,
        )
    except OSError as exc:  # disk full, no permission: the machine's problem, not the notice's
        reason = exc.strerror or str(exc)
        print(
            say("build-cannot-write", language, path=exc.filename or out_dir, reason=reason, out=out_dir),
            file=sys.stderr,
        )
        return 1
    finally:
        if isinstance(progress, ProgressLine):
            progress.finish()
    language = result.language
    if result.diagnostics:
        print(format_report(result.diagnostics, language), file=sys.stderr)
    if not result.ok:
        print(say("build-failed", language, out=out_dir), file=sys.stderr)
        return 1
    if not args.quiet:
        seconds = f"{time.perf_counter() - started:.2f}"
        print(
            say("built", language, notices=result.notice_count, pages=result.page_count, out=out_dir,
                written=result.written, seconds=seconds)
        )  # fmt: skip
        if result.drafts:
            print(say("drafts-left-out", language, count=len(result.drafts), sources=", ".join(result.drafts)))
    return 0


def say_waiting(note: Diagnostic) -> None:
    """Another build holds the output folder: said at once, before this one blocks."""
    print(note.format(), file=sys.stderr, flush=True)


def run_check(args: argparse.Namespace) -> int:
    progress = ProgressLine(args.language)
    try:
        load = load_site(args.site, progress)
    finally:
        progress.finish()
    errors = sum(d.severity is Severity.ERROR for d in load.diagnostics)
    warnings = len(load.diagnostics) - errors
    failed = bool(errors or (args.strict and warnings))
    if args.format == "json":
        shown = sorted(d.in_language(load.config.language) for d in load.diagnostics)
        print(json.dumps([d.as_json() for d in shown], ensure_ascii=False, indent=2))
        return 1 if failed else 0
    if load.diagnostics:
        print(format_report(load.diagnostics, load.config.language), file=sys.stderr)
    if failed:
        return 1
    print(say("checked", load.config.language, count=len(load.notices)))
    return 0


def run_schema(args: argparse.Namespace) -> int:
    from .schema_docs import json_schema

    print(json.dumps(json_schema(args.which), ensure_ascii=False, indent=2))
    return 0


def run_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    return serve(args.site, args.host, args.port, drafts=not args.no_drafts, open_browser=args.open)


def run_import(args: argparse.Namespace) -> int:
    from ..importer.command import run_import as import_sources
    from ..notice.config import load_config

    config, _ = load_config(args.site)
    out_dir = args.out if args.out is not None else SiteLayout(args.site).content
    return import_sources(
        args.sources,
        config,
        out_dir,
        args.dry_run,
        args.problems_in,
        args.sheet,
        args.force,
        args.lang,
        args.series.strip(),
    )
