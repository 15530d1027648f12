"""The `site-gen new site` and `site-gen new notice` commands: arguments, messages and exit codes.

Kept apart from cli.py so that the build commands do not load what only starting a site needs.
Exit status: 0 written, 1 refused (nothing written), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from functools import partial
from pathlib import Path

from ..base.cli_text import Listed, say
from ..base.layout import SiteLayout


def add_new_command(commands, add_site_argument, language: str = "en", metavar: dict[str, str] | None = None) -> None:
    """`new site DIR` and `new notice [PATH]` under the site-gen command."""
    words = partial(say, language=language)
    metavar = metavar or {}
    new = commands.add_parser("new", help=words("new-help"), description=words("new-help"))
    kinds = new.add_subparsers(title=words("new-what"), metavar="site|notice")
    new.set_defaults(run=lambda args: new.print_help() or 2)

    site = kinds.add_parser("site", help=words("new-site-help"), description=words("new-site-description"))
    site.add_argument("dir", type=Path, metavar=metavar.get("dir", "DIR"))
    site.add_argument("--lang", choices=("zh", "en"), default="zh", help=words("opt-lang"))
    site.set_defaults(run=run_new_site)

    notice = kinds.add_parser("notice", help=words("new-notice-help"), description=words("new-notice-description"))
    notice.add_argument("path", nargs="?", metavar=metavar.get("path", "PATH"))
    add_site_argument(notice)
    notice.add_argument("--title", default="", metavar=metavar.get("title", "TITLE"), help=words("opt-title"))
    notice.add_argument("--org", default="", metavar=metavar.get("org", "ORG"), help=words("opt-org"))
    notice.add_argument("--date", default="", metavar=metavar.get("date", "DATE"), help=words("opt-date"))
    notice.add_argument("--series", default="", metavar=metavar.get("series", "SERIES"), help=words("opt-series"))
    notice.set_defaults(run=run_new_notice)


def run_new_site(args: argparse.Namespace) -> int:
    from .new_site import ScaffoldError, new_site

    try:
        new_site(args.dir, args.lang)
    except ScaffoldError as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:
        print(say("site-cannot-create", args.lang, dir=args.dir, reason=exc.strerror or exc), file=sys.stderr)
        return 1
    print(say("site-created", args.lang, dir=args.dir))
    return 0


def run_new_notice(args: argparse.Namespace) -> int:
    from ..notice.config import load_config
    from ..notice.schema import parse_date
    from .new_notice import PLACEHOLDER, default_path, given_path, path_problem, skeleton

    config, _ = load_config(args.site)
    words = partial(say, language=config.language)
    if not SiteLayout(args.site).config_file.is_file() and not config.content_dir.is_dir():
        print(words("new-no-site", site=args.site), file=sys.stderr)
        return 1
    day = parse_date(args.date) if args.date else dt.date.today()
    if day is None:
        print(words("new-bad-date", value=args.date), file=sys.stderr)
        return 2
    path = given_path(config, args.path) if args.path else default_path(config, day)
    problem = path_problem(config, path)
    if problem:
        print(words(f"new-{problem}", path=path, content=config.content_dir), file=sys.stderr)
        return 1
    known_series = site_series(config)
    series = args.series.strip()
    organization = config.organizations.full_name(args.org.strip() or known_series.get(series, ""))
    notes = registry_notes if config.organizations else organization_notes
    for note in notes(config, organization, words, PLACEHOLDER[config.language][0]):
        print(note, file=sys.stderr)
    registered = config.organizations.find(organization)
    if config.organizations and organization and registered is None:
        return 2  # a registry's site names only its organisations: the wrong name is not written
    if not (registered.contact if registered else config.contact).is_reachable:
        print(words("new-no-contact"), file=sys.stderr)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:  # "x": never overwrite, even if the file appeared meanwhile
        file.write(skeleton(config, day, args.title.strip(), organization, registered, series, tuple(known_series)))
    for note in series_notes(series, list(known_series), words):
        print(note, file=sys.stderr)
    print(path)
    return 0


def site_series(config) -> dict[str, str]:
    """The series the site's notices name, with the organisation of each one's latest notice (front-matter alone,
    as organization_notes reads it: no body parsed, no page rendered)."""
    from ..notice.config import notice_sources
    from ..notice.reader import header_of

    found: list[tuple[object, str, str]] = []
    for source in notice_sources(config)[0]:
        try:
            organization, series, date = header_of(config.root / source, config)
        except OSError:  # said by organization_notes
            continue
        if series:
            found.append((date, series, organization))
    latest = {series: organization for _, series, organization in sorted(found, key=lambda f: str(f[0]))}
    return dict(sorted(latest.items()))


def series_notes(series: str, known: list[str], words) -> list[str]:
    """A series new to the site that looks like one it has: did you mean."""
    from .new_notice import closest

    if not series or series in known:
        return []
    notes = [words("new-series-new", series=series)]
    similar = closest(series, known)
    if similar:
        notes.append(words("new-did-you-mean", names=Listed(tuple(similar))))
    return notes


def registry_notes(config, organization: str, words, placeholder: str) -> list[str]:
    """With a registry, its organisations are the ones offered: a name it lacks gets a did-you-mean."""
    from .new_notice import closest

    registry = config.organizations
    notes = []
    if not organization:
        notes.append(words("new-org-missing", placeholder=placeholder))
    elif registry.find(organization) is None:
        notes.append(words("new-org-unregistered", org=organization))
        similar = dict.fromkeys(registry.full_name(name) for name in closest(organization, registry.all_names()))
        if similar:
            notes.append(words("new-did-you-mean", names=Listed(tuple(similar))))
    if registry.find(organization) is None:
        listed = [org.name + (f"（{org.short}）" if org.short else "") for org in registry.organizations]
        notes.append(words("new-registered", names="\n".join(f"  {name}" for name in listed)))
    return notes


def organization_notes(config, organization: str, words, placeholder: str) -> list[str]:
    """What to tell the clerk about --org: the site's organisations when it is missing or new to the site."""
    from ..base.diagnostics import error
    from ..notice.config import notice_sources
    from ..notice.reader import organization_of
    from .new_notice import closest

    sources, problems = notice_sources(config)
    named = set()
    for source in sources:
        try:
            named.add(organization_of(config.root / source, config))
        except OSError as problem:  # another account's file: its name is unknown, and the clerk is told why
            problems.append(error(source, 1, "file-unreadable", detail=problem.strerror or str(problem)))
    known = sorted(named - {"", placeholder})  # a skeleton not yet filled in names no real organisation
    notes = [d.format(config.language) for d in problems if d.code == "file-unreadable"]  # its names unknown
    if not organization:
        notes.append(words("new-org-missing", placeholder=placeholder))
    elif organization not in known:
        notes.append(words("new-org-new", org=organization))
        similar = closest(organization, known)
        if similar:
            notes.append(words("new-did-you-mean", names=Listed(tuple(similar))))
    if known and organization not in known:
        notes.append(words("new-known", names="\n".join(f"  {name}" for name in known)))
    return notes
