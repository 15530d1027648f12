"""Every line the command line prints that is not a diagnostic, in English and Chinese, keyed by a code.

Diagnostics have their words in messages.py; these are the rest a user reads: `--help` of every command (argparse's
own words too: "usage:", "options", "the following arguments are required"), the summary lines of build and check,
the preview's log, and what `new site` / `new notice` say; import_text.py adds what `import` says (its notes and
report), read through the same `say`. The language is the site's (`language:` in site.yaml), else the environment's
locale (LANG=zh_CN.UTF-8 gives Chinese). tests/test_cli_text.py checks both tables have the same codes and blanks,
that the Chinese has no English prose, and that every code site_gen/ says is in them with the values it fills.

A sentence found before its language is known (an importer's note) is a Note: its code and values, worded when it
is shown; a value that is itself a Note (or a Listed) is worded in the same language.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from . import import_text

ENGLISH: dict[str, str] = {
    # site-gen itself
    "cli-description": "Build a public website from rectification-progress notices (巡察整改进展情况通报) written as "
    "YAML front-matter + Markdown.",
    "cli-examples": """\
examples:
  site-gen build                      build the site in this folder (or the one above it) into output/
  site-gen build -s mysite -o /srv/www/xczg
  site-gen build -D                   include notices marked draft: true
  site-gen build --strict             stop on warnings too (a publishing pipeline)
  site-gen check                      report every problem without writing anything
  site-gen check --format json        the same problems as JSON, for editors and pipelines
  site-gen schema > notice.schema.json  a JSON Schema of the front-matter, for editors
  site-gen new site mysite            start a new site (--lang en for an English one)
  site-gen new notice -s mysite       write a notice skeleton to fill in""",
    "commands": "commands",
    "version": "show the version and exit",
    "stopped": "stopped",
    # build
    "build-help": "build the site into output/",
    "build-description": "Read every notice, check it, and write the site. On any error nothing is written and the "
    "previous output stays as it was.",
    "opt-site": "the site folder with site.yaml and content/, or its site.yaml (default: the folder with site.yaml "
    "here or above)",
    "opt-out": "output folder (default: SITE/output)",
    "opt-drafts": "include notices marked draft: true",
    "opt-build-strict": "treat warnings as errors: nothing is published while any remains",
    "opt-base-url": "publish for this address instead of site.yaml's base_url (a staging or intranet copy)",
    "opt-quiet": "print only problems, no summary or progress",
    "opt-verbose": "also print each phase as it ends, even when not on a terminal",
    "built": "built {notices} notice(s), {pages} page(s) into {out} ({written} file(s) written, the rest unchanged) "
    "in {seconds}s",
    "drafts-left-out": "{count} draft(s) not published (draft: true; build -D includes them): {sources}",
    "build-failed": "build failed: nothing was written; {out} is unchanged",
    "build-cannot-write": "build failed: cannot write {path}: {reason}; {out} is unchanged",
    "report-summary": "{errors} error(s), {warnings} warning(s) in {files} file(s)",
    "progress": "  {phase} {done}/{total}  {elapsed}s, about {left}s left",
    "phase-reading": "reading notices",
    "phase-pages": "making notice pages",
    "phase-lists": "making list pages",
    "phase-search": "indexing for search",
    "phase-done": "  {phase}: {total} in {elapsed}s",
    # check and schema
    "check-help": "report every problem in the site without writing anything",
    "opt-strict": "treat warnings as errors",
    "opt-format": "json: one object per problem (file, line, column, severity, code, message, hint) on stdout",
    "checked": "checked {count} notice(s): no errors",
    "schema-help": "print a JSON Schema of the front-matter (or of site.yaml), for editors",
    "schema-description": "Print a JSON Schema (draft 2020-12) made from the fields site-gen reads, so an editor with "
    "YAML support completes and checks them.",
    "opt-which": "notice (the front-matter, default) or site (site.yaml)",
    # serve
    "serve-help": "preview the site with live reload, drafts included",
    "serve-description": "Build into SITE/.preview and serve it; every saved change rebuilds what it affects and the "
    "browser reloads by itself. Errors show in the browser.",
    "opt-host": "address to listen on (default 127.0.0.1: only this computer can see the preview)",
    "opt-port": "port (default 8000)",
    "opt-no-drafts": "hide notices marked draft: true",
    "opt-open": "open the preview in a browser",
    "port-invalid": "{value} is not a port: use a number from 1 to 65535, e.g. 8000",
    "serve-no-site": "serve: there is no site folder at {site}; check --site",
    "serve-port-taken": "serve: port {port} is already in use; choose another with --port {next}",
    "serve-cannot-listen": "serve: cannot listen on {host}:{port}: {reason}",
    "serve-open-to-network": "warning: serving on {host}: anyone who can reach this machine can see the preview, "
    "drafts included",
    "serve-previewing": "previewing {site} at {url} ({drafts}); Ctrl-C to stop",
    "serve-drafts-shown": "drafts shown",
    "serve-drafts-hidden": "drafts hidden",
    "serve-changed": "[{time}] {names} changed: {outcome} in {ms} ms",
    "serve-and-more": "{names} and {more} more",
    "serve-rebuilt": "rebuilt",
    "serve-errors-shown": "{count} error(s), shown in the browser",
    "serve-wrong-host": "site-gen preview: open it as http://127.0.0.1 or http://localhost",
    "serve-cannot-watch": "serve: cannot watch {site} for changes: {reason}",
    # import
    "import-help": "turn notices published as text, web pages or Word files into notices",
    "import-description": "Read each SOURCE (.txt in UTF-8 or GB18030, a saved .html page, a .docx file or a PDF "
    "with a text layer; a folder: every such file under it), write one notice per source into SITE/content/ and "
    "print a report (and a summary table for several files).",
    "opt-sources": "a file, or a folder of files",
    "opt-import-out": "folder for the new notices (default: SITE/content)",
    "opt-dry-run": "print the report, write nothing",
    "opt-force": "replace a notice that an earlier import of the same source wrote (never any other file)",
    "opt-import-lang": "the report's language (default: the site's language)",
    "opt-no-wait": "if another build is writing the output folder, fail instead of waiting",
    "opt-sheet": "a ledger (.xlsx, .xls, .ods, .csv): import this sheet only",
    "opt-problems-in": 'the part that lists the problems, by its heading or its start (e.g. "二、"), when the report '
    "chose wrong",
    # new
    "new-help": "start a new site, or a new notice in a site",
    "new-what": "what to create",
    "new-site-help": "create a new site folder that builds at once",
    "new-site-description": "Create DIR with a commented site.yaml, an example notice (a draft), an empty templates/ "
    "and a .gitignore. DIR must be new or empty: nothing is ever overwritten.",
    "opt-lang": "language of the site (default zh)",
    "new-notice-help": "write a notice skeleton to fill in and print its path",
    "new-notice-description": "Write a notice skeleton (a draft) and print its path. PATH is relative to "
    "SITE/content/ (default: content/<year>/notice-<date>.md). An existing file is never overwritten.",
    "opt-title": "the notice's title",
    "opt-org": "the publishing organisation (run without it to list the site's)",
    "opt-series": "the inspection round it follows up (run without it to see the site's)",
    "opt-import-series": "the series the notices belong to (one inspection round of one organisation)",
    "new-series-new": '"{series}" is a new series (no notice of this site names it yet).',
    "opt-date": "publication date (default: today), e.g. 2025-04-02",
    "new-outside": "{path} is not inside {content}: notices live under content/. Nothing was written.",
    "new-exists": "{path} already exists and was not overwritten.\n    hint: choose another name, or give no PATH "
    "and site-gen picks a free one.",
    "new-bad-date": '--date "{value}" is not a valid date: write it as 2025-04-02.',
    "new-no-site": "{site} is not a site-gen site (no site.yaml and no content/ folder): nothing was written.\n"
    "    hint: name the site's folder with --site, or start one with site-gen new site DIR.",
    "new-org-missing": 'no --org given: the publisher is "{placeholder}" for now; replace it in the file.',
    "new-org-new": '"{org}" is new to this site (no notice names it yet).',
    "new-did-you-mean": "did you mean: {names}?",
    "new-known": "organisations this site already has (give one with --org, spelt exactly):\n{names}",
    "new-no-contact": "site.yaml has no default contact: fill in at least one under contact: in the new notice, "
    "or check reports an error.",
    "new-org-unregistered": '"{org}" is not in the organizations: list of site.yaml: nothing was written.',
    "new-registered": "the organisations in site.yaml (give one with --org: its full name, short name or an alias):\n"
    "{names}",
    "site-not-empty": "{dir} already exists and is not empty: nothing was created (its files were not touched).\n"
    "choose a new folder name, or empty {dir} first.",
    "site-not-folder": "{dir} is a file, not a folder: nothing was created.",
    "site-created": "Created a new site in {dir}.\nNext:\n"
    "  1. open {dir}/site.yaml and set your site's title and contact details;\n"
    "  2. write notices like the example {dir}/content/example.md, or run  site-gen new notice --site {dir}\n"
    "  3. preview: site-gen serve --site {dir}    publish: site-gen build --site {dir} (into {dir}/output/)",
    "site-cannot-create": "{dir}: {reason}",
    # import: the report and the batch summary
    "report-dry-run": "{target} (dry run: not written)",
    "import-summary": "import summary:",
    "import-summary-head": "file|title|issues|statuses|notes",
    "import-summary-total": "{count} file(s): {imported} imported, {failed} not imported",
    "import-cannot": "cannot import: {reason}",
    "import-flag-errors": "{count} error(s)",
    "import-flag-warnings": "{count} warning(s)",
    "import-flag-notes": "{count} note(s)",
    "import-not-found": "not found",
    "import-link-out": "skipped: a link to a file outside the folder ({target}), not imported",
    "import-no-files": "import: no .txt, .html, .docx or .pdf file found in {sources}",
    "import-outside": "{target} would be written outside {out} (a folder is a symbolic link); nothing was written",
    "import-exists": "{target} already exists; delete it, choose another --out, or re-import with --force to replace "
    "what an earlier import of this source wrote (nothing was written)",
    "import-not-ours": "{target} was not written by an import of {source} (a person wrote it, or another source did): "
    "--force does not replace it; delete it or choose another --out",
    "import-symlink": "{target} is a symbolic link; delete it or choose another --out (nothing was written)",
    "import-cannot-write": "cannot write {target}: {reason}",
    "import-series-unknown": "{path}: --series {series}: this site has no such series (its series, as value (id): "
    "{known}); give one of them, or leave out --series to import a first notice (nothing was written)",
}

CHINESE: dict[str, str] = {
    "cli-description": "把巡察整改进展情况通报（字段区 + Markdown 正文）生成为公开网站。",
    "cli-examples": """\
示例：
  site-gen build                      把本文件夹（或上级文件夹）的网站生成到 output/
  site-gen build -s mysite -o /srv/www/xczg
  site-gen build -D                   草稿（draft: true）也一起生成
  site-gen build --strict             有提醒也不发布（用于发布流程）
  site-gen check                      检查全部问题，不写入任何文件
  site-gen check --format json        以 JSON 输出同样的问题，供编辑器和发布流程使用
  site-gen schema > notice.schema.json  字段区的 JSON Schema，供编辑器使用
  site-gen new site mysite            新建网站（--lang en 为英文网站）
  site-gen new notice -s mysite       新建一份待填写的通报""",
    "commands": "命令",
    "version": "显示版本号后退出",
    "stopped": "已停止",
    "build-help": "把网站生成到 output/",
    "build-description": "读取并检查每份通报，然后生成网站。只要有一个错误，就不写入任何文件，原来的网站保持不变。",
    "opt-site": "网站文件夹（含 site.yaml 和 content/），也可以写它的 site.yaml（默认：当前或上级文件夹中"
    "有 site.yaml 的那一个）",
    "opt-out": "输出文件夹（默认：网站文件夹/output）",
    "opt-drafts": "草稿（draft: true）也一起生成",
    "opt-build-strict": "把提醒也当作错误：还有提醒时不发布",
    "opt-base-url": "用这个地址代替 site.yaml 里的 base_url 生成（用于测试站或内网副本）",
    "opt-quiet": "只显示问题，不显示进度和结果",
    "opt-verbose": "每完成一个阶段显示一行（不在终端里运行时也显示）",
    "built": "已生成 {notices} 份通报、{pages} 个页面，保存在 {out}（写入 {written} 个文件，其余未变），用时 {seconds} 秒",
    "drafts-left-out": "{count} 份草稿没有发布（draft: true；build -D 可一并生成）：{sources}",
    "build-failed": "生成失败：没有写入任何文件，{out} 保持不变",
    "build-cannot-write": "生成失败：无法写入 {path}：{reason}；{out} 保持不变",
    "report-summary": "共 {errors} 个错误、{warnings} 个提醒，涉及 {files} 个文件",
    "progress": "  {phase} {done}/{total}  已用 {elapsed} 秒，约剩 {left} 秒",
    "phase-reading": "正在读取通报",
    "phase-pages": "正在生成通报页面",
    "phase-lists": "正在生成列表页面",
    "phase-search": "正在建立搜索索引",
    "phase-done": "  {phase}：{total} 项，用时 {elapsed} 秒",
    "check-help": "检查网站中的全部问题，不写入任何文件",
    "opt-strict": "把提醒也当作错误",
    "opt-format": "json：以 JSON 格式输出到标准输出，每个问题一个对象（文件、行、列、级别、代码、说明、修改建议）",
    "checked": "已检查 {count} 份通报：没有错误",
    "schema-help": "输出字段区（或 site.yaml）的 JSON Schema，供编辑器使用",
    "schema-description": "根据 site-gen 读取的字段生成 JSON Schema（2020-12 版），支持 YAML 的编辑器可据此补全和检查。",
    "opt-which": "notice（字段区，默认）或 site（site.yaml）",
    "serve-help": "预览网站，保存后自动刷新，草稿也显示",
    "serve-description": "生成到 网站文件夹/.preview 并提供预览；每次保存只重新生成受影响的部分，浏览器自动刷新。"
    "出错时错误显示在浏览器里。",
    "opt-host": "监听的地址（默认 127.0.0.1：只有本机能看到预览）",
    "opt-port": "端口（默认 8000）",
    "opt-no-drafts": "不显示草稿（draft: true）",
    "opt-open": "在浏览器中打开预览",
    "port-invalid": "{value} 不是端口号：请写 1 到 65535 之间的数字，例如 8000",
    "serve-no-site": "预览：{site} 不是网站文件夹，请检查 --site",
    "serve-port-taken": "预览：端口 {port} 已被占用，请换一个，例如 --port {next}",
    "serve-cannot-listen": "预览：无法在 {host}:{port} 上监听：{reason}",
    "serve-open-to-network": "注意：预览开放在 {host} 上，能访问本机的人都能看到预览，包括草稿",
    "serve-previewing": "正在预览 {site}，地址 {url}（{drafts}）；按 Ctrl-C 停止",
    "serve-drafts-shown": "显示草稿",
    "serve-drafts-hidden": "不显示草稿",
    "serve-changed": "[{time}] {names} 已修改：{outcome}，用时 {ms} 毫秒",
    "serve-and-more": "{names} 等 {more} 个文件",
    "serve-rebuilt": "已重新生成",
    "serve-errors-shown": "有 {count} 个错误，已显示在浏览器中",
    "serve-wrong-host": "site-gen 预览：请用 http://127.0.0.1 或 http://localhost 打开",
    "serve-cannot-watch": "预览：无法监视 {site} 中的改动，修改后不会自动重新生成：{reason}",
    "import-help": "把以文字、网页、Word 或 PDF 发布的通报导入为本站通报",
    "import-description": "读取每个来源（UTF-8 或 GB18030 编码的 .txt、保存的 .html 网页、.docx 文件、带文字层的 PDF；"
    "文件夹则读取其中所有这类文件），每个来源写成 网站文件夹/content/ 下的一份通报，并输出报告（多个文件时另附汇总表）。",
    "opt-sources": "一个文件，或一个文件夹",
    "opt-import-out": "新通报存放的文件夹（默认：网站文件夹/content）",
    "opt-dry-run": "只输出报告，不写入文件",
    "opt-force": "覆盖以前从同一来源导入的通报（不会覆盖其他文件）",
    "opt-import-lang": "报告的语言（默认：网站的语言）",
    "opt-no-wait": "如果另一次构建正在写输出文件夹，直接失败而不等待",
    "opt-sheet": "台账（.xlsx、.xls、.ods、.csv）：只导入这个工作表",
    "opt-problems-in": "报告选错问题部分时，用它的标题或开头（例如“二、”）指定列出问题的部分",
    "new-help": "新建网站，或在网站中新建通报",
    "new-what": "新建什么",
    "new-site-help": "新建一个马上就能生成的网站文件夹",
    "new-site-description": "新建一个网站文件夹，含带说明的 site.yaml、一份示例通报（草稿）、空的 templates/ 和 "
    ".gitignore。这个文件夹必须是新的或空的：不会覆盖任何文件。",
    "opt-lang": "网站语言（默认 zh）",
    "new-notice-help": "写一份待填写的通报并显示它的路径",
    "new-notice-description": "写一份通报草稿并显示它的路径。路径相对于 网站文件夹/content/"
    "（默认：content/年份/notice-日期.md）。不会覆盖已有的文件。",
    "opt-title": "通报标题",
    "opt-org": "发布单位（不写则列出本站的单位）",
    "opt-series": "这份通报跟进的巡察轮次（系列）；不写则列出本站已有的系列",
    "opt-import-series": "导入的通报所属的系列（一个单位的一轮巡察）",
    "new-series-new": "“{series}”是新的通报系列（本站还没有通报写这个 series）。",
    "opt-date": "发布日期（默认：今天），例如 2025-04-02",
    "new-outside": "{path} 不在 {content} 里面：通报要放在 content/ 文件夹下，没有写入任何文件。",
    "new-exists": "{path} 已经存在，没有覆盖它。\n    修改建议: 换一个文件名，或者不写路径让 site-gen 自动取名。",
    "new-bad-date": "--date 的日期“{value}”不是有效日期：请写成 2025-04-02 或 2025年4月2日。",
    "new-no-site": "{site} 不是 site-gen 网站（没有 site.yaml，也没有 content/ 文件夹），没有写入任何文件。\n"
    "    修改建议: 用 --site 指定网站文件夹，或者先运行 site-gen new site 文件夹名 新建网站。",
    "new-org-missing": "没有用 --org 指定发布单位，先写成了“{placeholder}”，请在文件里改掉。",
    "new-org-new": "“{org}”是本站的新单位（还没有通报用过这个名称）。",
    "new-did-you-mean": "是不是要写：{names}？",
    "new-known": "本站已有的单位（用 --org 指定，名称要一字不差）：\n{names}",
    "new-no-contact": "site.yaml 里没有默认联系方式：请在新通报的 contact: 里至少填一项，否则 check 会报错。",
    "new-org-unregistered": "“{org}”不在 site.yaml 的单位名录（organizations:）中，没有写入任何文件。",
    "new-registered": "单位名录中的单位（用 --org 指定，全称、简称或别名都可以）：\n{names}",
    "site-not-empty": "{dir} 已经存在且不是空文件夹，没有创建任何文件（已有文件都没有动）。\n"
    "请换一个新的文件夹名，或者先把 {dir} 清空。",
    "site-not-folder": "{dir} 是一个文件，不是文件夹，没有创建任何文件。",
    "site-created": "已在 {dir} 创建新网站。\n下一步：\n"
    "  1. 打开 {dir}/site.yaml，改成本单位的网站名称和联系方式；\n"
    "  2. 参照示例通报 {dir}/content/example.md 写通报，或者运行  site-gen new notice --site {dir}\n"
    "  3. 预览：site-gen serve --site {dir}    发布：site-gen build --site {dir}（生成到 {dir}/output/）",
    "site-cannot-create": "{dir}：{reason}",
    "report-dry-run": "{target}（试运行：未写入）",
    "import-summary": "导入汇总：",
    "import-summary-head": "文件|标题|问题|状态|提示",
    "import-summary-total": "共 {count} 个文件：{imported} 个已导入，{failed} 个未导入",
    "import-cannot": "无法导入：{reason}",
    "import-flag-errors": "{count} 个错误",
    "import-flag-warnings": "{count} 个提醒",
    "import-flag-notes": "{count} 条注意",
    "import-not-found": "找不到文件",
    "import-link-out": "已跳过：链接指向文件夹之外的文件（{target}），未导入",
    "import-no-files": "导入：{sources} 中没有 .txt、.html、.docx 或 .pdf 文件",
    "import-outside": "{target} 会写到 {out} 之外（其中某个文件夹是链接），没有写入",
    "import-exists": "{target} 已经存在，没有覆盖；请删除它、换一个 --out，或者加 --force 覆盖以前从同一来源导入的文件",
    "import-not-ours": "{target} 不是从 {source} 导入的（是人写的，或来自别的来源），--force 也不会覆盖它；请删除它或换一个 --out",
    "import-symlink": "{target} 是一个链接，没有写入；请删除它或换一个 --out",
    "import-cannot-write": "无法写入 {target}：{reason}",
    "import-series-unknown": "{path}：--series {series}：本站没有这个通报系列（已有的系列，写法（编号）：{known}）；"
    "请写其中一个，或者去掉 --series 导入系列的第一份通报（没有写入任何文件）",
}

OWN_CODES = frozenset(ENGLISH) | frozenset(CHINESE)  # the command line's own, before import_text's are added
ENGLISH |= import_text.ENGLISH
CHINESE |= import_text.CHINESE
TABLES = {"en": ENGLISH, "zh": CHINESE}

# argparse's own words (Python 3.11-3.13), as its gettext catalogue would give them in Chinese
ARGPARSE_CHINESE = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示本帮助后退出",
    "show program's version number and exit": "显示版本号后退出",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "expected one argument": "需要一个参数值",
    "expected at most one argument": "最多需要一个参数值",
    "expected at least one argument": "至少需要一个参数值",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的值：%(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "必须给出参数 %s 之一",
    "ignored explicit argument %r": "忽略了多余的参数值 %r",
    "expected %s argument": "需要 %s 个参数值",
    "expected %s arguments": "需要 %s 个参数值",
}
_ARGPARSE_ORIGINAL = (argparse._, argparse.ngettext)  # type: ignore[attr-defined]


def say(code: str, language: str, **params: object) -> str:
    """One line (or block) of the command line in the language; English for any language but zh."""
    worded = {name: worded_in(value, language) for name, value in params.items()}
    return TABLES["zh" if language == "zh" else "en"][code].format(**worded)


@dataclass(frozen=True)
class Note:
    """A sentence kept as its code and values until it is shown, in whichever language that is.

    str(note) is both wordings, "中文 (English)", for logs and for tests that look for either."""

    code: str
    params: dict[str, object] = field(default_factory=dict)

    def in_language(self, language: str) -> str:
        return say(self.code, language, **self.params)

    def __str__(self) -> str:
        return f"{self.in_language('zh')} ({self.in_language('en')})"


def note(code: str, **params: object) -> Note:
    return Note(code, params)


@dataclass(frozen=True)
class Listed:
    """Several values shown as one, with the language's separator (、 or , ): a list inside a sentence."""

    items: tuple[object, ...]

    def in_language(self, language: str) -> str:
        return say("list-separator", language).join(str(worded_in(item, language)) for item in self.items)


def worded_in(value: object, language: str) -> object:
    """A Note or Listed in the language; any other value as it is."""
    return value.in_language(language) if isinstance(value, Note | Listed) else value


def speak_argparse(language: str) -> None:
    """argparse's own words ("usage:", "options", its errors) in the language, through the gettext hooks it calls."""
    if language != "zh":
        argparse._, argparse.ngettext = _ARGPARSE_ORIGINAL  # type: ignore[attr-defined]
        return
    argparse._ = lambda text: ARGPARSE_CHINESE.get(text, text)  # type: ignore[attr-defined]
    argparse.ngettext = lambda one, many, n: ARGPARSE_CHINESE.get(one if n == 1 else many, one if n == 1 else many)  # type: ignore[attr-defined]


def locale_language(environ: Mapping[str, str] | None = None) -> str:
    """zh when the environment's locale is Chinese (LC_ALL, LC_MESSAGES, LANG, as gettext reads them), else en."""
    variables: Mapping[str, str] = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = variables.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
