"""Pages from the model through Jinja2 templates.

The default theme is the top-level ``templates/`` folder of this repository
(shipped inside the wheel as ``site_gen/theme``); a site's own ``templates/``
overrides it file by file. Templates get ready-made values: labels, counts,
relative URLs, so they hold layout, not logic.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from .. import __version__
from ..base import addresses
from ..base.diagnostics import Diagnostic, error
from ..base.layout import TEMPLATES, SiteLayout
from ..base.theme import theme_dir
from ..notice.config import SiteConfig
from ..notice.model import DISPLAY_ORDER, Notice, Progress, Status
from .groups import Page
from .qrcode import qr_svg
from .theme_text import STATUS_DESCRIPTIONS, STATUS_LABELS, STRINGS, status_tally, ui_strings

# Every page's policy, as a <meta http-equiv> (a static host may send no headers): scripts and styles only
# from the site itself, WebAssembly for Pagefind, no inline script, handler or style attribute, no other host.
# A slip in escaping then shows markup at worst, and runs nothing. docs/hosting.md says what a host may add.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; media-src 'self'; manifest-src 'self'; "
    "form-action 'self'; base-uri 'none'; object-src 'none'"
)


def content_security_policy(inline_style: str = "") -> Markup:
    """The policy; with inline_style, that one <style> element allowed by its digest (the 404 page's own styles).

    Markup: the quotes stay quotes in the page (an attribute in double quotes), as a reader of the source expects.
    """
    if not inline_style:
        return Markup(CONTENT_SECURITY_POLICY)
    digest = base64.b64encode(hashlib.sha256(inline_style.encode("utf-8")).digest()).decode("ascii")
    return Markup(CONTENT_SECURITY_POLICY.replace("style-src 'self'", f"style-src 'self' 'sha256-{digest}'"))


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept for the life of the process, over the build cache's folder when there is one.

    A second build in one process (the preview after an edit, a test suite's hundreds of sites) compiled the
    theme again: 0.9 s of a six-notice build. Jinja keys a template by its name and file and checks the
    source's checksum on every load, so an edited template is compiled afresh; every environment here is
    made with the same options (environment() below), the one thing the key leaves out.
    """

    _kept: dict[str, bytes] = {}  # bucket key -> bytecode; one entry per template file, a few dozen at most

    def __init__(self, folder: Path | None) -> None:
        self.folder = jinja2.FileSystemBytecodeCache(str(folder)) if folder else None

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        kept = self._kept.get(bucket.key)
        if kept is not None:
            bucket.bytecode_from_string(kept)  # resets the bucket if the source's checksum differs
        if self.folder is None:
            return
        if bucket.code is None:
            self.folder.load_bytecode(bucket)
            if bucket.code is not None:
                self._kept[bucket.key] = bucket.bytecode_to_string()
        elif not os.path.exists(self.folder._get_cache_filename(bucket)):  # the next process finds it there
            self.folder.dump_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._kept[bucket.key] = bucket.bytecode_to_string()
        if self.folder is not None:
            self.folder.dump_bytecode(bucket)


def environment(config: SiteConfig, compiled: Path | None = None) -> jinja2.Environment:
    """The Jinja environment for a site; `compiled` is a folder keeping compiled templates between builds.

    Compiling the theme took a quarter of a one-notice rebuild; the build cache's folder is
    keyed by the templates' contents, and Jinja checks each template's checksum besides.
    """
    loaders = []
    site_templates = own_templates(config.layout)
    if site_templates is not None:
        loaders.append(jinja2.FileSystemLoader(site_templates))
    loaders.append(jinja2.FileSystemLoader(theme_dir()))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=CompiledTemplates(compiled),
    )
    env.globals.update(
        site=config,
        page_lang=config.language,
        t=ui_strings(config.language),
        version=__version__,
        csp=content_security_policy(),
        organization_url=lambda name: config.group_addresses.page("organization", name),
        ledger_of=addresses.ledger_of,
        at=addresses.template_addresses(),
        group_index=addresses.group_index,
        statuses=list(DISPLAY_ORDER),
        status_label=jinja2.pass_context(lambda ctx, status: STATUS_LABELS[ctx["page_lang"]][Status(status)]),
        status_description=jinja2.pass_context(
            lambda ctx, status: STATUS_DESCRIPTIONS[ctx["page_lang"]][Status(status)]
        ),
    )
    env.globals["badge"] = badge_maker(env)
    env.filters["date"] = jinja2.pass_context(lambda ctx, value: format_date(value, ctx["page_lang"]))
    env.filters["percent"] = format_percent
    env.filters["search_value"] = search_value
    env.filters["bar_segments"] = bar_segments
    env.filters["email_breaks"] = email_breaks
    env.filters["progress_text"] = jinja2.pass_context(lambda ctx, progress: progress_text(progress, ctx["page_lang"]))
    return env


def badge_maker(env: jinja2.Environment):
    """badge(status) for templates: the status_badge macro, rendered once per language and status.

    A notice page shows some fifty badges; calling the macro each time was a third of its rendering.
    """
    made: dict[tuple[str, str], Markup] = {}

    @jinja2.pass_context
    def badge(context, status) -> Markup:
        key = (context["page_lang"], str(status))
        if key not in made:
            macros = env.get_template("_macros.html").make_module({"page_lang": key[0], "t": ui_strings(key[0])})
            made[key] = Markup(macros.status_badge(status))  # type: ignore[attr-defined]  # a macro: jinja2 types no attributes
        return made[key]

    return badge


def page_language(config: SiteConfig, notice: Notice) -> str:
    """A notice written in another UI language gets its page's labels in that language."""
    return notice.lang if notice.lang in STRINGS else config.language


def format_date(value: dt.date | None, language: str) -> str:
    if value is None:
        return ""
    if language == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {value:%B} {value.year}"


SEARCH_LOOKALIKES = str.maketrans({"<": "\uff1c", ">": "\uff1e", "&": "\uff06"})  # ＜ ＞ ＆


def search_value(text: object) -> str:
    """A filter or meta value as Pagefind is given it: no character its UI could take for markup.

    Pagefind stores an element's text (the escaped `&lt;` is `<` again) and its UI writes filter
    labels into search.html as HTML: an organisation named `某局<img onerror=…>` ran as code there
    (issue 23). The full-width ＜ ＞ ＆ read the same to a person and are never markup.
    """
    return str(text).translate(SEARCH_LOOKALIKES)


_BEFORE_AT_OR_DOT = re.compile(r"(?=[@.])")


def email_breaks(address: str) -> Markup:
    """An e-mail address that wraps only before an @ or a dot (<wbr>), never mid-word: …@linjiang / .gov.cn."""
    return Markup("<wbr>").join(escape(part) for part in _BEFORE_AT_OR_DOT.split(address))


def format_percent(rate: float | None) -> str:
    if rate is None:
        return ""
    return f"{rate * 100:.1f}%".replace(".0%", "%")


@dataclass(frozen=True)
class BarSegment:
    status: str
    x: str  # where it starts and how wide it is, out of 100
    width: str


def bar_segments(progress: Progress) -> list[BarSegment]:
    """Each status's share of a progress bar as SVG geometry: sized without a style attribute, which the policy forbids."""
    segments, before = [], 0
    for status, count in progress.counts:
        start, width = before * 100 / progress.total, count * 100 / progress.total
        segments.append(BarSegment(str(status), f"{start:.4f}", f"{width:.4f}"))
        before += count
    return segments


def progress_text(progress: Progress, language: str) -> str:
    """e.g. 18 项问题：整改完成 12 · 视同完成 6 — the summary read aloud and printed."""
    parts = status_tally(progress, language)
    if language == "zh":
        return f"{progress.total} 项问题：{parts}" if parts else "0 项问题"
    return f"{progress.total} issues: {parts}" if parts else "0 issues"


relative_root = addresses.relative_root  # the prefix from a page back to the site root: works under any sub-path


def render_page(env: jinja2.Environment, template: str, page_path: str, **values) -> str:
    """Any listing page: the template gets its relative root and ready-made values."""
    return env.get_template(template).render(page_path=page_path, root=relative_root(page_path), **values)


def render_index(
    env: jinja2.Environment, page: Page, cards: list[str], organizations: list, years: list, open_count: int = 0
) -> str:
    """One page of the home list: `cards` are its notices rendered with render_card (root "" on page 1, "../" after).

    The groups for the filter links are the caller's, made once: a big site has hundreds of pages.
    """
    return render_page(
        env,
        "index.html",
        page.url,
        notices=page.notices,
        page=page,
        cards=Markup("".join(cards)),
        organizations=organizations,
        years=years,
        open_count=open_count,
    )


def render_card(env: jinja2.Environment, notice: Notice, root: str = "") -> str:
    """One notice as listed on the home page (root "") or a listing page one folder down (root "../")."""
    return env.get_template("_notice_card.html").render(notice=notice, root=root, heading_level=2)


def render_notice(
    env: jinja2.Environment,
    notice: Notice,
    attachments: tuple = (),
    series: object = None,
    ledger: dict[str, str] | None = None,
) -> str:
    """A notice's page; `series` is what it shows of its series (a series.NoticeView), None outside one; `ledger`
    the size of its ledger's files by format, shown by their links."""
    config = env.globals["site"]
    assert isinstance(config, SiteConfig)  # environment() puts it there
    language = page_language(config, notice)
    t = ui_strings(language)
    qr = qr_svg(config.base_url + notice.url, t.qr_label) if config.base_url else ""
    return env.get_template("notice.html").render(
        page_path=notice.url,
        root=relative_root(notice.url),
        notice=notice,
        page_lang=language,
        t=t,
        qr=qr,
        attachments=attachments,
        series=series,
        ledger=ledger,
    )


def template_problem(problem: Exception, site_root: Path) -> Diagnostic | None:
    """A mistake in a template, as a located diagnostic; None when no template is to blame.

    Jinja rewrites tracebacks so that their frames name the template file and line: the last
    such frame is where the mistake is (an override in the site's templates/, or the theme).
    """
    where, line = getattr(problem, "filename", None), getattr(problem, "lineno", None)
    if not isinstance(problem, jinja2.TemplateSyntaxError):
        where, line = None, None
        traceback = problem.__traceback__
        while traceback is not None:
            name = traceback.tb_frame.f_code.co_filename
            if name.endswith((".html", ".xml", ".txt")) and os.path.isfile(name):
                where, line = name, traceback.tb_lineno
            traceback = traceback.tb_next
    if where is None and not isinstance(problem, jinja2.TemplateError):
        return None
    shown = display_path(where, site_root) if where else TEMPLATES
    detail = getattr(problem, "message", None) or str(problem)
    return error(shown, line or 0, "template-error", jinja=detail)


def display_path(path: str, site_root: Path) -> str:
    """A template as the clerk knows it: templates/notice.html for an override, theme/notice.html for ours."""
    resolved = Path(path).resolve()
    if resolved.is_relative_to(site_root.resolve()):
        return resolved.relative_to(site_root.resolve()).as_posix()
    if resolved.is_relative_to(theme_dir().resolve()):
        return "theme/" + resolved.relative_to(theme_dir().resolve()).as_posix()
    return path


CARD_TEMPLATES = ("_notice_card.html", "_macros.html")  # what render_card renders: the card and its macros


def own_templates(layout: SiteLayout) -> Path | None:
    """The site's templates/ folder when it has one of its own (the theme's repository is a site too: not its own)."""
    folder = layout.templates
    return folder if folder.is_dir() and folder.resolve() != theme_dir().resolve() else None


def overrides_card(config: SiteConfig) -> bool:
    """The site has its own card template (or the macros it imports): rendering it is the only way to find an
    undefined name in it before a build does."""
    folder = own_templates(config.layout)
    return folder is not None and any((folder / name).is_file() for name in CARD_TEMPLATES)


def check_templates(env: jinja2.Environment, site_root: Path) -> list[Diagnostic]:
    """Compile every template a site overrides: syntax errors and unknown filters show without building."""
    found: list[Diagnostic] = []
    folder = own_templates(SiteLayout(site_root))
    if folder is None:
        return found
    for path in sorted(folder.rglob("*.html")):
        try:
            env.get_template(path.relative_to(folder).as_posix())
        except Exception as problem:  # noqa: BLE001 - any mistake in a template is the clerk's, never a traceback
            found.append(
                template_problem(problem, site_root)
                or error(display_path(str(path), site_root), 0, "template-error", jinja=str(problem))
            )
    return found
