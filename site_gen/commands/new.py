"""The `site-gen new site` and `site-gen new notice` commands: arguments, messages and exit codes.

Kept apart from cli.py so that the build commands do not load what only starting a site needs.
Exit status: 0 written, 1 refused (nothing written), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

WORDS = {
    "zh": {
        "outside": "{path} 不在 {content} 里面：通报要放在 content/ 文件夹下，没有写入任何文件。",
        "exists": "{path} 已经存在，没有覆盖它。\n    修改建议: 换一个文件名，或者不写路径让 site-gen 自动取名。",
        "bad_date": "--date 的日期“{value}”不是有效日期：请写成 2025-04-02 或 2025年4月2日。",
        "no_site": "{site} 不是 site-gen 网站（没有 site.yaml，也没有 content/ 文件夹），没有写入任何文件。\n"
        "    修改建议: 用 --site 指定网站文件夹，或者先运行 site-gen new site 文件夹名 新建网站。",
        "org_missing": "没有用 --org 指定发布单位，先写成了“{placeholder}”，请在文件里改掉。",
        "org_new": "“{org}”是本站的新单位（还没有通报用过这个名称）。",
        "did_you_mean": "是不是要写：{names}？",
        "known": "本站已有的单位（用 --org 指定，名称要一字不差）：\n{names}",
        "no_contact": "site.yaml 里没有默认联系方式：请在新通报的 contact: 里至少填一项，否则 check 会报错。",
        "org_unregistered": "“{org}”不在 site.yaml 的单位名录（organizations:）中。",
        "registered": "单位名录中的单位（用 --org 指定，全称、简称或别名都可以）：\n{names}",
        "series_new": "“{series}”是新的通报系列（本站还没有通报写这个 series）。",
    },
    "en": {
        "outside": "{path} is not inside {content}: notices live under content/. Nothing was written.",
        "exists": "{path} already exists and was not overwritten.\n    hint: choose another name, or give no PATH "
        "and site-gen picks a free one.",
        "bad_date": '--date "{value}" is not a valid date: write it as 2025-04-02.',
        "no_site": "{site} is not a site-gen site (no site.yaml and no content/ folder): nothing was written.\n"
        "    hint: name the site's folder with --site, or start one with site-gen new site DIR.",
        "org_missing": 'no --org given: the publisher is "{placeholder}" for now; replace it in the file.',
        "org_new": '"{org}" is new to this site (no notice names it yet).',
        "did_you_mean": "did you mean: {names}?",
        "known": "organisations this site already has (give one with --org, spelt exactly):\n{names}",
        "no_contact": "site.yaml has no default contact: fill in at least one under contact: in the new notice, "
        "or check reports an error.",
        "org_unregistered": '"{org}" is not in the organizations: list of site.yaml.',
        "registered": "the organisations in site.yaml (give one with --org: its full name, short name or an alias):\n"
        "{names}",
        "series_new": '"{series}" is a new series (no notice of this site names it yet).',
    },
}


def add_new_command(commands, add_site_argument) -> None:
    """`new site DIR` and `new notice [PATH]` under the site-gen command."""
    new = commands.add_parser("new", help="start a new site, or a new notice in a site")
    kinds = new.add_subparsers(title="what to create", metavar="site|notice")
    new.set_defaults(run=lambda args: new.print_help() or 2)

    site = kinds.add_parser(
        "site",
        help="create a new site folder that builds at once",
        description="Create DIR with a commented site.yaml, an example notice (a draft), an empty "
        "templates/ and a .gitignore. DIR must be new or empty: nothing is ever overwritten.",
    )
    site.add_argument("dir", type=Path, metavar="DIR")
    site.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the site (default zh)")
    site.set_defaults(run=run_new_site)

    notice = kinds.add_parser(
        "notice",
        help="write a notice skeleton to fill in and print its path",
        description="Write a notice skeleton (a draft) and print its path. PATH is relative to "
        "SITE/content/ (default: content/<year>/notice-<date>.md). An existing file is never overwritten.",
    )
    notice.add_argument("path", nargs="?", metavar="PATH")
    add_site_argument(notice)
    notice.add_argument("--title", default="", help="the notice's title")
    notice.add_argument("--org", default="", help="the publishing organisation (run without it to list the site's)")
    notice.add_argument("--date", default="", help="publication date (default: today), e.g. 2025-04-02")
    notice.add_argument(
        "--series", default="", help="the inspection round it follows up (run without it to see the site's)"
    )
    notice.set_defaults(run=run_new_notice)


def run_new_site(args: argparse.Namespace) -> int:
    from .new_site import ScaffoldError, created_message, new_site

    try:
        new_site(args.dir, args.lang)
    except ScaffoldError as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{args.dir}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(created_message(args.dir, args.lang))
    return 0


def run_new_notice(args: argparse.Namespace) -> int:
    from ..notice.config import load_config
    from ..notice.schema import parse_date
    from .new_notice import PLACEHOLDER, default_path, given_path, path_problem, skeleton

    config, _ = load_config(args.site)
    words = WORDS[config.language]
    if not (args.site / "site.yaml").is_file() and not config.content_dir.is_dir():
        print(words["no_site"].format(site=args.site), file=sys.stderr)
        return 1
    day = parse_date(args.date) if args.date else dt.date.today()
    if day is None:
        print(words["bad_date"].format(value=args.date), file=sys.stderr)
        return 2
    path = given_path(config, args.path) if args.path else default_path(config, day)
    problem = path_problem(config, path)
    if problem:
        print(words[problem].format(path=path, content=config.content_dir), file=sys.stderr)
        return 1
    known_series = site_series(config.root)
    series = args.series.strip()
    organization = config.organizations.full_name(args.org.strip() or known_series.get(series, ""))
    notes = registry_notes if config.organizations else organization_notes
    for note in notes(config, organization, words, PLACEHOLDER[config.language][0]):
        print(note, file=sys.stderr)
    registered = config.organizations.find(organization)
    if not (registered.contact if registered else config.contact).is_reachable:
        print(words["no_contact"], file=sys.stderr)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:  # "x": never overwrite, even if the file appeared meanwhile
        file.write(skeleton(config, day, args.title.strip(), organization, registered, series, tuple(known_series)))
    for note in series_notes(series, list(known_series), words):
        print(note, file=sys.stderr)
    print(path)
    return 0


def site_series(root: Path) -> dict[str, str]:
    """The series the site's notices name, with the organisation of each one's latest notice."""
    from .build import load_site

    found: dict[str, str] = {}
    for notice in sorted(load_site(root).notices, key=lambda n: n.date):
        if notice.series:
            found[notice.series] = notice.organization
    return dict(sorted(found.items()))


def series_notes(series: str, known: list[str], words: dict[str, str]) -> list[str]:
    """A series new to the site that looks like one it has: did you mean."""
    from .new_notice import closest

    if not series or series in known:
        return []
    notes = [words["series_new"].format(series=series)]
    similar = closest(series, known)
    if similar:
        notes.append(words["did_you_mean"].format(names="、".join(similar)))
    return notes


def registry_notes(config, organization: str, words: dict[str, str], placeholder: str) -> list[str]:
    """With a registry, its organisations are the ones offered: a name it lacks gets a did-you-mean."""
    from .new_notice import closest

    registry = config.organizations
    notes = []
    if not organization:
        notes.append(words["org_missing"].format(placeholder=placeholder))
    elif registry.find(organization) is None:
        notes.append(words["org_unregistered"].format(org=organization))
        similar = dict.fromkeys(registry.full_name(name) for name in closest(organization, registry.all_names()))
        if similar:
            notes.append(words["did_you_mean"].format(names="、".join(similar)))
    if registry.find(organization) is None:
        listed = [org.name + (f"（{org.short}）" if org.short else "") for org in registry.organizations]
        notes.append(words["registered"].format(names="\n".join(f"  {name}" for name in listed)))
    return notes


def organization_notes(config, organization: str, words: dict[str, str], placeholder: str) -> list[str]:
    """What to tell the clerk about --org: the site's organisations when it is missing or new to the site."""
    from .build import load_site
    from .new_notice import closest

    named = {notice.organization for notice in load_site(config.root).notices}
    known = sorted(named - {"", placeholder})  # a skeleton not yet filled in names no real organisation
    notes = []
    if not organization:
        notes.append(words["org_missing"].format(placeholder=placeholder))
    elif organization not in known:
        notes.append(words["org_new"].format(org=organization))
        similar = closest(organization, known)
        if similar:
            notes.append(words["did_you_mean"].format(names="、".join(similar)))
    if known and organization not in known:
        notes.append(words["known"].format(names="\n".join(f"  {name}" for name in known)))
    return notes
