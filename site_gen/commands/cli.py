"""The site-gen command: turns located problems into messages and exit codes.

Exit status: 0 success, 1 problems in the site, 2 wrong command-line usage.
A user's mistake never shows a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from .. import __version__
from ..base.diagnostics import Severity, format_report
from .build import build_site, load_site
from .new import add_new_command
from .progress_line import ProgressLine

EXAMPLES = """\
examples:
  site-gen build                      build the site in this folder into output/
  site-gen build --site mysite --out /srv/www/xczg
  site-gen build --drafts             include notices marked draft: true
  site-gen check                      report every problem without writing anything
  site-gen check --format json        the same problems as JSON, for editors and pipelines
  site-gen schema > notice.schema.json  a JSON Schema of the front-matter, for editors
  site-gen new site mysite            start a new site (--lang en for an English one)
  site-gen new notice --site mysite   write a notice skeleton to fill in
"""


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
        return 130


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="site-gen",
        description="Build a public website from rectification-progress notices (巡察整改进展情况通报) "
        "written as YAML front-matter + Markdown.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"site-gen {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    build = commands.add_parser(
        "build",
        help="build the site into output/",
        description="Read every notice, check it, and write the site. "
        "On any error nothing is written and the previous output stays as it was.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_site_argument(build)
    build.add_argument("--out", type=Path, help="output folder (default: SITE/output)")
    build.add_argument("--drafts", action="store_true", help="include notices marked draft: true")
    build.set_defaults(run=run_build)

    add_check_commands(commands)
    serve = commands.add_parser(
        "serve",
        help="preview the site with live reload, drafts included",
        description="Build into SITE/.preview and serve it; every saved change rebuilds "
        "what it affects and the browser reloads by itself. Errors show in the browser.",
    )
    add_site_argument(serve)
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: only this computer can see the preview)",
    )
    serve.add_argument("--port", type=port_number, default=8000, help="port (default 8000)")
    serve.add_argument("--no-drafts", action="store_true", help="hide notices marked draft: true")
    serve.add_argument("--open", action="store_true", help="open the preview in a browser")
    serve.set_defaults(run=run_serve)

    imports = commands.add_parser(
        "import",
        help="turn notices published as text, web pages or Word files into notices",
        description="Read each SOURCE (.txt in UTF-8 or GB18030, a saved .html page, a .docx file or a PDF "
        "with a text layer; a folder: every such file under it), write one notice per source into "
        "SITE/content/ and print a report (and a summary table for several files).",
    )
    imports.add_argument("sources", nargs="+", type=Path, metavar="SOURCE", help="a file, or a folder of files")
    add_site_argument(imports)
    imports.add_argument("--out", type=Path, help="folder for the new notices (default: SITE/content)")
    imports.add_argument("--dry-run", action="store_true", help="print the report, write nothing")
    imports.add_argument(
        "--problems-in",
        metavar="HEADING",
        help='the part that lists the problems, by its heading or its start (e.g. "二、"), when the report chose wrong',
    )
    imports.add_argument(
        "--series", default="", metavar="NAME", help="the series the notices belong to (one inspection round)"
    )
    imports.set_defaults(run=run_import)
    add_new_command(commands, add_site_argument)
    return parser


def port_number(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text} is not a port: use a number from 1 to 65535, e.g. 8000")
    return int(text)


def add_check_commands(commands) -> None:
    """check, and schema: what editors and pipelines use to find problems before a build."""
    check = commands.add_parser("check", help="report every problem in the site without writing anything")
    add_site_argument(check)
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="json: one object per problem (file, line, column, severity, code, message, hint) on stdout",
    )
    check.set_defaults(run=run_check)
    schema = commands.add_parser(
        "schema",
        help="print a JSON Schema of the front-matter (or of site.yaml), for editors",
        description="Print a JSON Schema (draft 2020-12) made from the fields site-gen reads, so an editor "
        "with YAML support completes and checks them.",
    )
    schema.add_argument("which", nargs="?", choices=("notice", "site"), default="notice")
    schema.set_defaults(run=run_schema)


def add_site_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--site",
        type=Path,
        default=Path("."),
        help="the site folder with site.yaml and content/ (default: current folder)",
    )


def run_build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    out_dir = args.out if args.out is not None else args.site / "output"
    try:
        result = build_site(args.site, out_dir, drafts=args.drafts, progress=ProgressLine())
    except OSError as exc:  # disk full, no permission: the machine's problem, not the notice's
        print(
            f"build failed: cannot write {exc.filename or out_dir}: {exc.strerror or exc}; {out_dir} is unchanged",
            file=sys.stderr,
        )
        return 1
    if result.diagnostics:
        print(format_report(result.diagnostics, result.language), file=sys.stderr)
    if not result.ok:
        print(f"build failed: nothing was written; {out_dir} is unchanged", file=sys.stderr)
        return 1
    print(
        f"built {result.notice_count} notice(s), {result.page_count} page(s) into {out_dir} "
        f"({result.written} file(s) written, the rest unchanged) in {time.perf_counter() - started:.2f}s"
    )
    return 0


def run_check(args: argparse.Namespace) -> int:
    load = load_site(args.site)
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
    print(f"checked {len(load.notices)} notice(s): no errors")
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
    out_dir = args.out if args.out is not None else args.site / "content"
    return import_sources(args.sources, config, out_dir, args.dry_run, args.problems_in, args.series.strip())
