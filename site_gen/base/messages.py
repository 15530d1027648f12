"""The words of every diagnostic, in English and Chinese, keyed by its code.

A diagnostic is a code and parameters (site_gen/diagnostics.py); its text is made here when it is shown.
Adding a diagnostic = one code in ENGLISH and one in CHINESE (tests/test_messages.py checks both exist and
that the Chinese has no English prose; docs/errors.md lists every code). A hint may be a tuple of wordings:
the first whose every {blank} has a non-empty value is used ("did you mean X?" only when there is an X).
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    message: str
    hint: str | tuple[str, ...] = ""


_ADD_WORDING = " (add your own wording under statuses: in site.yaml)"

ENGLISH: dict[str, Text] = {
    # files
    "content-missing": Text("there is no content/ folder", "create content/ and put one .md file per notice in it"),
    "file-outside-content": Text(
        "this file is a link to somewhere outside content/ and was not read",
        "copy the notice into content/ instead of linking to it",
    ),
    "file-too-large": Text(
        "the file is {size_mb} MB; a notice is at most {max_mb} MB and this is probably not one",
        "keep large documents (scans, PDFs) as attachments and link to them",
    ),
    "file-empty": Text("the file is empty", "write the front-matter and the notice, or delete the file"),
    "file-binary": Text(
        "this is not a text file (it contains binary data)",
        "notices are plain-text .md files; keep Word or PDF files as attachments",
    ),
    "file-gbk": Text(
        "the file is not UTF-8; it looks like GBK/GB18030 (common in older Chinese editors)",
        "convert it: iconv -f GB18030 -t UTF-8 {source} > converted.md, or set encoding: gb18030 in site.yaml",
    ),
    "file-encoding": Text("the file is not valid {encoding} text", "save the file as UTF-8 in your editor"),
    "file-utf16": Text(
        'the file is saved as UTF-16 (Notepad\'s "Unicode"), not UTF-8',
        'save it again as UTF-8: in Notepad, File > Save As, Encoding "UTF-8"',
    ),
    "file-unreadable": Text(
        "this file cannot be read: {detail}",
        "give your account permission to read it (or ask its owner to), or move it out of content/",
    ),
    "file-control-character": Text(
        "the text contains the invisible control character {char}, which breaks feeds and pages",
        "delete it: it usually comes from pasting out of another program",
    ),
    "text-lookalike": Text(
        "{char} ({code}) looks like {plain} but is another character (a radical or compatibility form, as PDFs "
        "printed with some fonts carry): search and the notice's headings and dates do not see it as {plain}",
        "replace {char} with {plain} (and the same forms elsewhere on the line), or import the source again: "
        "site-gen import maps these forms",
    ),
    # front-matter and site.yaml as YAML
    "front-matter-missing": Text(
        "the file does not start with front-matter (a line of ---)",
        "start the file with ---, the title, organization and date, then --- again",
    ),
    "front-matter-unclosed": Text(
        "the front-matter is not closed: no second --- line",
        "add a line with only --- after the last front-matter field",
    ),
    "front-matter-yaml": Text(
        "front-matter is not valid YAML: {cause}",
        ("write the line as: {fix}", 'check the colon after each field name and quote values that contain ": "'),
    ),
    "front-matter-not-mapping": Text(
        "front-matter must be a list of fields (name: value)", "write one field per line, e.g. title: 关于……的通报"
    ),
    "config-not-utf8": Text("site.yaml is not UTF-8 text", "save it as UTF-8 in your editor"),
    "config-yaml": Text(
        "site.yaml is not valid YAML: {cause}",
        ("write the line as: {fix}", 'check the colon after each setting name and quote values that contain ": "'),
    ),
    "config-not-mapping": Text(
        "site.yaml must be a list of settings (name: value)", "write one setting per line, e.g. title: 巡察整改公开"
    ),
    "yaml-aliases": Text(
        "the YAML aliases (&name … *name) here expand to more than {budget} values",
        "write the values out instead of repeating them with & and *",
    ),
    "yaml-duplicate-key": Text(
        "{name} is written twice (first at line {first_line})",
        "keep one of them: only one value can be used",
    ),
    # fields, as the schema types them
    "field-missing": Text(
        "the required field {name} is missing", "add a line such as  {name}: {example}  to the front-matter"
    ),
    "field-text": Text("{name} must be text, not a {found}", "e.g. {name}: {example}"),
    "field-list": Text("{name} must be a list, e.g. {example}", "write it as {name}: [first, second]"),
    "field-boolean": Text("{name} must be true or false, not {value}", "write {name}: true or {name}: false"),
    "field-date": Text("{name} is not a valid date: {value}", "write it as 2025-04-02 or 2025年4月2日"),
    "field-choice": Text('{name} must be one of {allowed}, not "{value}"', "use one of: {allowed}"),
    "field-mapping": Text("{name} must be a mapping of {keys}", "e.g.\n{example}"),
    "field-records": Text("{name} must be a list of {{{keys}}}", "e.g.\n{example}"),
    "field-newline": Text("{name} must be on one line", "remove the line break from {name}"),
    "field-control-character": Text(
        "{name} contains the invisible control character {char}, which breaks feeds and pages",
        "delete it from {name}: it usually comes from pasting or from an escape such as \\x0b",
    ),
    "unknown-field": Text('unknown field "{name}" is ignored', ("did you mean {suggestion}?", "known: {known}")),
    "unknown-setting": Text('unknown setting "{name}" is ignored', ("did you mean {suggestion}?", "known: {known}")),
    "attachment-no-path": Text("attachment {item} needs a path", "write - path: files/survey.pdf"),
    "attachment-outside": Text(
        'attachment "{path}" is outside the notice\'s folder',
        "put the file next to the notice (e.g. files/survey.pdf) and use that path",
    ),
    "attachment-scheme": Text(
        'attachment "{path}" is an address, not a file next to the notice',
        "attach files as a relative path such as files/survey.pdf; link to web pages in the text",
    ),
    "attachment-notice": Text(
        'attachment "{path}" is a notice file (.md), which is published as a page, never as a file',
        "link to the other notice's page instead, or give the document another extension",
    ),
    "attachment-missing": Text('attachment "{path}" does not exist', "expected it at {expected}"),
    "attachment-duplicate": Text(
        'attachment "{path}" is the file listed at line {first_line} again',
        "list each file once: delete this entry",
    ),
    "attachment-address-shared": Text(
        'attachment "{path}" would be published at {address}, where "{other}" (line {first_line}) is published',
        "rename one of the two files: their names give the same address once made ASCII",
    ),
    "phone-invalid": Text(
        '"{value}" does not look like a phone number', "write digits with an optional area code, e.g. 0635-8419109"
    ),
    "email-invalid": Text('"{value}" does not look like an e-mail address', "write it as name@example.gov.cn"),
    "slug-invalid": Text(
        'slug "{slug}" can only use letters, digits, - and _, with / between folders',
        "rename the file or set slug: to something like 2024-sifaju",
    ),
    "slug-too-long": Text(
        'slug "{slug}" is too long: at most {max_length} characters and {max_parts} folder levels',
        "rename the file or set a shorter slug:, e.g. 2024-sifaju",
    ),
    "date-order": Text(
        "{later} ({later_date}) is before {earlier} ({earlier_date})",
        "check both dates: an inspection ends after it starts, findings come after it, "
        "and the notice is published last",
    ),
    "correction-no-date": Text(
        "correction {item} needs a date",
        "write each correction as - {{date: 2025-07-01, note: 更正第3项问题的整改状态}}",
    ),
    "correction-before-date": Text(
        "this correction is dated {corrected}, before the notice itself ({published})",
        "check both dates: a notice is corrected after it is published",
    ),
    "contact-unreachable": Text(
        "the notice gives the public no way to reach the publisher",
        "add contact: with phones, emails or address, or set a default contact in site.yaml",
    ),
    # the organisations registry (site.yaml) and the names notices use
    "organization-no-name": Text("organisation {item} needs a name", "write - name: 中共某某县司法局党组"),
    "organization-name-taken": Text(
        '"{name}" already names {other} (line {first_line})',
        "each full name, short name and alias belongs to one organisation: remove or change this one",
    ),
    "organization-slug-invalid": Text(
        'slug "{slug}" can only use a-z, 0-9 and - (and not index or pages)',
        "write the name in pinyin, e.g. slug: sifaju",
    ),
    "organization-slug-taken": Text(
        'slug "{slug}" is already the page of {other} (line {first_line})',
        "give each organisation its own slug, e.g. add the county: linjiang-sifaju",
    ),
    "organization-parent-unknown": Text(
        'parent "{name}" is not an organisation of the registry',
        ("did you mean {suggestion}?", "add it to organizations: first, or remove parent:"),
    ),
    "organization-parent-loop": Text(
        '"{name}" is, through its parents, a unit of itself', "check the parent: lines of these organisations"
    ),
    "organization-unknown": Text(
        '"{name}" is not in the organizations: list of site.yaml; it gets a page of its own',
        ("did you mean {suggestion}?", "add it to organizations: in site.yaml, or write a name listed there"),
    ),
    # site.yaml settings
    "base-url-missing": Text(
        "base_url is not set: no QR codes, no sitemap.xml, and feeds and canonical links use relative addresses",
        "add the site's public address, e.g. base_url: https://xczg.example.gov.cn/",
    ),
    "base-url-scheme": Text(
        "base_url must start with http:// or https://", "e.g. base_url: https://xczg.example.gov.cn/"
    ),
    "status-name-unknown": Text('unknown canonical status "{name}"', ("did you mean {suggestion}?", "known: {known}")),
    "ledger-column-unknown": Text(
        'unknown ledger column kind "{name}" is ignored', ("did you mean {suggestion}?", "known: {known}")
    ),
    "status-wording-taken": Text(
        'statuses.{status}: "{wording}" already means {taken_by}',
        "a site may add wordings, never move one to another status: remove it from statuses.{status}",
    ),
    # the body
    "status-unknown": Text(
        'unknown status "{value}"',
        ('did you mean "{suggestion}"? allowed: {allowed}' + _ADD_WORDING, "allowed: {allowed}" + _ADD_WORDING),
    ),
    "body-date": Text(
        "{label} is not a date site-gen can read: {value}",
        "write one of: {forms} (a month means its last day; 6月底 takes the notice's year)",
    ),
    "body-field-twice": Text(
        "a second {label} line in the same issue",
        "an issue has one line of each kind under its heading; keep one, or split into #### sub-problems",
    ),
    "body-line-late": Text(
        "this {label} line is among the measures, not under the heading: it is shown as text and states nothing",
        "move it right under the issue's heading, next to its status line",
    ),
    "status-second": Text(
        "a second status line in the same issue",
        "an issue has one status line, right under its heading; split it into #### sub-problems if parts differ",
    ),
    "status-issue-and-subs": Text(
        "this issue has a status line and so do its sub-problems",
        "keep the status lines of the sub-problems (#### headings) and remove this one: "
        "the issue's status is derived from them",
    ),
    "heading-no-space": Text(
        '"{written}" is read as text, not as a heading: a heading needs a space after its #',
        "write it as: {fixed}   (a line meant as text that starts with #: write \\# instead)",
    ),
    "status-outside-issue": Text(
        '"{written}" is a status line, but it is under no issue heading, so it counts for no issue',
        "put the issue's heading right above it (### 1. 关于……的问题), or remove the line",
    ),
    "starter-placeholder": Text(
        '"{value}" is an example value of the new site and would be shown to the public',
        "replace it with your own details (here: {line}); check --strict and build --strict stop on it",
    ),
    "skeleton-placeholder": Text(
        "this notice is not a draft but still holds the text new notice wrote to be replaced: {line}",
        "write the real text here, or keep draft: true until the notice is finished",
    ),
    "summary-issues": Text(
        'the summary says "{stated}" but {listed} issues are listed',
        "correct the number in summary:, or check that no issue heading is missing",
    ),
    "summary-done": Text(
        'the summary says "{stated}" but {done} issues are stated as completed',
        "correct the number in summary: (completed = 整改完成, 完成并长期坚持 and 视同完成), or the status lines",
    ),
    "heading-outside-issue": Text(
        "a #### heading outside an issue is shown as text",
        "#### is for an issue's sub-problems; put it under a ### issue heading",
    ),
    "section-empty": Text('section "{title}" is empty', "add its issues as ### headings, or remove the heading"),
    "issue-id-duplicate": Text(
        'issue id "{id}" is used twice in this notice (first at line {first_line})',
        "number issues uniquely within a section, or give one an id with {{#my-id}} at the end of its heading",
    ),
    "series-issue-not-reported": Text(
        'issue "{title}" is not done here and no longer reported in {later}, the next notice of its series',
        "report it in the later notice (its status now), or check that its title is written the same way there",
    ),
    "series-issue-matched-twice": Text(
        'issue "{title}" and issue "{other}" of this notice both match one issue of an earlier notice of the series',
        "give each its own title, or mark the right one with the same {{#id}} in both notices",
    ),
    "series-same-date": Text(
        'this notice and {other} of the series "{series}" have the same date; their order is a guess',
        "check the date of each notice",
    ),
    "series-organizations-differ": Text(
        'this notice of the series "{series}" names {organization}, but {source} names {other}',
        "a series is one inspection round of one organisation: correct the organisation or the series",
    ),
    "issue-unstated": Text(
        'issue "{title}" has no status line; it is shown as unstated',
        "add a line such as 整改进度：整改完成 right under the heading",
    ),
    "notice-unstated": Text(
        "no issue in this notice has a status line; all {count} are shown as 未标明 (unstated)",
        "that is fine when the original notice states none; otherwise add lines such as "
        "整改进度：整改完成 under each issue heading",
    ),
    "count-issues": Text(
        'the text says "{stated}" but {listed} issues are listed',
        "check that no issue is missing, or correct the number",
    ),
    "count-sections": Text(
        'the text says "{stated}" but {listed} sections are listed',
        "check that no section is missing, or correct the number",
    ),
    "link-anchor": Text(
        'link to "#{fragment}" points nowhere in this notice',
        "issue anchors look like #s1-2; check the heading numbers",
    ),
    "link-unpublished": Text(
        'link to "{target}" points to nothing published',
        "list the file under attachments: in the front-matter, or link to a full address (https://…)",
    ),
    "link-script": Text(
        "a {scheme}: link is not allowed and was removed",
        "link only to web pages (https://…), e-mail (mailto:…), phone (tel:…) or files published with the notice",
    ),
    "image-remote": Text(
        "the image {url} is on another host: it is shown as a link, since no page of the site loads anything from "
        "another host",
        "save the image with the notice, list it under attachments: and write ![what it shows](photo.jpg)",
    ),
    # the whole site
    "slug-duplicate": Text(
        'two notices have the same address "{slug}" (also {other})',
        "give one of them a different slug: in its front-matter",
    ),
    "output-overwrites-site": Text(
        "the output folder would overwrite the site's own files", "choose another --out, e.g. output/"
    ),
    "output-not-site-gen": Text(
        "the output folder is not empty and site-gen has no record of making it (no {marker})",
        "build into a new or empty folder; site-gen replaces the whole folder on every build. A folder an older "
        "site-gen built: delete or move it once yourself",
    ),
    "output-unknown-files": Text(
        "the output folder holds {count} file(s) site-gen did not make and was not told to keep: {files}",
        "move them out of the output folder, or list them under keep: in site.yaml to publish them with every build",
    ),
    "output-files-kept": Text(
        "files were added to the output folder while the site was built; the replaced site is kept at {folder}",
        "take what you need from that folder, then delete it",
    ),
    "keep-pattern-invalid": Text(
        'keep: "{pattern}" is not a path inside the output folder',
        "write a file or folder relative to the output folder, e.g. CNAME or downloads/",
    ),
    "address-case": Text(
        "the address {address} differs from {other} ({source}) only in upper and lower case",
        "rename one of them: Windows, macOS and many zip tools treat the two as one file",
    ),
    "address-reserved": Text(
        'the address {address} uses the name "{name}", which Windows reserves for a device',
        "rename the file, or set a slug: that does not use con, nul, aux, prn, com1-9 or lpt1-9",
    ),
    "output-is-file": Text("the output folder is a file", "choose a folder for --out, e.g. output/"),
    "site-missing": Text(
        "there is no site folder here", "check --site: it names the folder holding site.yaml and content/"
    ),
    "file-changed": Text(
        "this file changed while the site was being built", "build again (or save again in the preview)"
    ),
    "not-regular-file": Text(
        "this is not a regular file", "a notice is a text file; remove or rename this one (a pipe or device)"
    ),
    "group-address-shared": Text(
        '{kind} "{name}" would share the page {address} with "{other}" ({source})',
        "if they are the same, write the name the same way in both notices; "
        "if not, make the names differ in more than punctuation",
    ),
    "address-shared": Text(
        "a file of this notice would be published at {address}, where {other} already publishes one",
        "rename the attached file, or move it into a folder of its own (files/...)",
    ),
    "static-replaces-page": Text(
        "this file would replace the generated {address}", "rename or remove it: site-gen writes that address itself"
    ),
    "template-error": Text(
        "template error: {jinja}",
        "fix the template (a typo in a tag, a filter or a variable name), or delete your override to use the theme's",
    ),
    "search-index-failed": Text(
        "the search index could not be made: {detail}",
        "the site was not published and the old one is unchanged; build again, and if it fails again reinstall site-gen",
    ),
    # the build engine (docs/failures.md)
    "output-busy-waiting": Text(
        "another build is writing this output folder; waiting for it to finish",
        "nothing to do: this build starts when the other ends (build --no-wait refuses instead of waiting)",
    ),
    "output-busy": Text(
        "another build is writing this output folder; nothing was built and it is unchanged",
        "build again when the other build has finished, or leave out --no-wait to wait for it",
    ),
    "state-not-saved": Text(
        "the site was published, but the build state could not be saved: {detail}",
        "nothing to do: the next build makes every file again; if this recurs, check that .site-gen-cache/ is "
        "writable and not deleted during builds",
    ),
    "cache-unusable": Text(
        "the build cache cannot be used ({detail}); building without it",
        "the build is only slower; give .site-gen-cache/ back to your account or delete it "
        "(a build run with sudo leaves it owned by root)",
    ),
    "output-mount-point": Text(
        "the output folder is a mount point ({detail}): site-gen cannot put a new site in its place",
        "build into a folder beside it and copy that in (rsync -a --delete output/ /srv/www/), "
        "or mount the folder above it; see docs/hosting.md",
    ),
    "output-link-loop": Text(
        "the output folder is a symbolic link that never reaches a folder (a loop)",
        "remove the link, or point it at a real folder",
    ),
}

CHINESE: dict[str, Text] = {
    "content-missing": Text("没有 content/ 文件夹", "请建立 content/ 文件夹，每份通报一个 .md 文件"),
    "file-outside-content": Text(
        "这个文件是指向 content/ 之外的链接，未读取", "请把通报文件复制到 content/，不要用链接"
    ),
    "file-too-large": Text(
        "文件有 {size_mb} MB，通报文件最大 {max_mb} MB，这可能不是一份通报", "扫描件、PDF 等大文件请作为附件发布"
    ),
    "file-empty": Text("文件是空的", "请写入字段区和通报内容，或删除这个文件"),
    "file-binary": Text("这不是文本文件（含有二进制内容）", "通报应为纯文本 .md 文件；Word、PDF 文件请作为附件"),
    "file-gbk": Text(
        "文件不是 UTF-8 编码，看起来是 GBK/GB18030（旧版中文编辑器常用）",
        "请转换编码：iconv -f GB18030 -t UTF-8 {source} > converted.md，或在 site.yaml 中设置 encoding: gb18030",
    ),
    "file-encoding": Text("文件不是有效的 {encoding} 文本", "请在编辑器中另存为 UTF-8 编码"),
    "file-utf16": Text(
        "文件保存成了 UTF-16 编码（记事本中的“Unicode”），不是 UTF-8",
        "请重新另存为 UTF-8：在记事本中选“文件—另存为”，编码选“UTF-8”",
    ),
    "file-unreadable": Text(
        "无法读取这个文件：{detail}", "请为当前账户开通读取权限（或请文件的所有者开通），或将它移出 content/"
    ),
    "file-control-character": Text(
        "文字中有看不见的控制字符 {char}，会使订阅和页面出错", "请删除它：通常是从其他程序粘贴时带入的"
    ),
    "text-lookalike": Text(
        "“{char}”（{code}）看起来像“{plain}”，实际是另一个字符（部首或兼容字形，某些字体打印的 PDF 会带入），"
        "搜索、标题编号和日期都认不出它",
        "请把“{char}”改成“{plain}”（本行其他同类字符一并修改），或重新导入原文件（导入时会自动转换）",
    ),
    "front-matter-missing": Text(
        "文件开头没有字段区（应以一行 --- 开始）", "文件第一行写 ---，然后写 title、organization、date，再写一行 ---"
    ),
    "front-matter-unclosed": Text("字段区没有结束：缺少第二行 ---", "在最后一个字段后加一行 ---"),
    "front-matter-yaml": Text(
        "字段区格式有误：{cause}", ("请把这一行改成：{fix}", "检查每个字段名后面的冒号；值里含有“: ”时请加引号")
    ),
    "front-matter-not-mapping": Text(
        "字段区应为“字段名: 值”的形式，每行一个", "每行写一个字段，例如 title: 关于……的通报"
    ),
    "config-not-utf8": Text("site.yaml 不是 UTF-8 编码", "请在编辑器中另存为 UTF-8 编码"),
    "config-yaml": Text(
        "site.yaml 格式有误：{cause}", ("请把这一行改成：{fix}", "检查每个设置名后面的冒号；值里含有“: ”时请加引号")
    ),
    "config-not-mapping": Text("site.yaml 应为“设置名: 值”的形式", "每行写一个设置，例如 title: 巡察整改公开"),
    "yaml-aliases": Text(
        "这里的 YAML 别名（&名称 … *名称）展开后超过 {budget} 个值", "请直接写出各个值，不要用 & 和 * 重复引用"
    ),
    "yaml-duplicate-key": Text("{name} 写了两次（第一次在第 {first_line} 行）", "请只保留一个：只能使用其中一个值"),
    "field-missing": Text("缺少必填字段 {name}", "在字段区加一行，例如：{name}: {example}"),
    "field-text": Text("字段 {name} 应为文字", "例如 {name}: {example}"),
    "field-list": Text("字段 {name} 应为列表，例如 {example}", "请写成 {name}: [第一项, 第二项]"),
    "field-boolean": Text("字段 {name} 只能是 true 或 false，而不是 {value}", "请写 {name}: true 或 {name}: false"),
    "field-date": Text("{name} 不是有效日期：{value}", "日期请写成 2025-04-02 或 2025年4月2日"),
    "field-choice": Text("{name} 只能是 {allowed} 之一，而不是“{value}”", "请使用其中之一：{allowed}"),
    "field-mapping": Text("{name} 应包含 {keys} 等字段", "例如：\n{example}"),
    "field-records": Text("{name} 应为列表，每项写 {keys}", "例如：\n{example}"),
    "field-newline": Text("{name} 只能写一行", "请删除 {name} 中的换行"),
    "field-control-character": Text(
        "{name} 中有看不见的控制字符 {char}，会使订阅和页面出错",
        "请从 {name} 中删除它：通常是粘贴或转义写法（如 \\x0b）带入的",
    ),
    "unknown-field": Text("无法识别的字段“{name}”，已忽略", ("是不是要写 {suggestion}？", "可用的名称：{known}")),
    "unknown-setting": Text("无法识别的设置“{name}”，已忽略", ("是不是要写 {suggestion}？", "可用的名称：{known}")),
    "attachment-no-path": Text("附件 {item} 缺少 path（文件路径）", "请写成 - path: files/survey.pdf"),
    "attachment-outside": Text(
        "附件“{path}”不在通报所在的文件夹内", "请把文件放在通报旁边（如 files/survey.pdf），并使用该路径"
    ),
    "attachment-scheme": Text(
        "附件“{path}”是一个网址，不是通报旁边的文件", "附件请写相对路径，如 files/survey.pdf；网页请在正文中链接"
    ),
    "attachment-notice": Text(
        "附件“{path}”是通报文件（.md），通报只能作为页面发布，不能作为附件",
        "请改为链接到那份通报的页面，或使用其他文件格式",
    ),
    "attachment-missing": Text("附件“{path}”不存在", "应位于 {expected}"),
    "attachment-duplicate": Text(
        "附件“{path}”与第 {first_line} 行列出的是同一个文件", "每个文件只需列出一次：请删除这一项"
    ),
    "attachment-address-shared": Text(
        "附件“{path}”会发布到 {address}，而第 {first_line} 行的“{other}”也发布在该位置",
        "请给其中一个文件改名：两个文件名转成拼音后地址相同",
    ),
    "phone-invalid": Text("“{value}”不像电话号码", "请写数字，可带区号，例如 0635-8419109"),
    "email-invalid": Text("“{value}”不像电子邮箱地址", "请写成 name@example.gov.cn 的形式"),
    "slug-invalid": Text(
        "页面地址（slug）“{slug}”只能包含字母、数字、- 和 _，文件夹之间用 / 分隔",
        "请改文件名，或设置 slug:，例如 2024-sifaju",
    ),
    "slug-too-long": Text(
        "页面地址（slug）“{slug}”太长：最多 {max_length} 个字符、{max_parts} 层文件夹",
        "请改短文件名，或设置较短的 slug:，例如 2024-sifaju",
    ),
    "date-order": Text(
        "{later}（{later_date}）早于 {earlier}（{earlier_date}），日期顺序不对",
        "请核对这两个日期：巡察结束晚于开始，反馈晚于结束，通报发布在最后",
    ),
    "correction-no-date": Text(
        "更正记录 {item} 缺少 date（更正日期）",
        "每条更正请写成 - {{date: 2025-07-01, note: 更正第3项问题的整改状态}}",
    ),
    "correction-before-date": Text(
        "这条更正的日期 {corrected} 早于通报本身的发布日期（{published}）",
        "请核对这两个日期：更正应在通报发布之后",
    ),
    "contact-unreachable": Text(
        "通报没有提供任何联系方式，群众无法反映意见",
        "请在字段区加 contact:（电话、邮箱或地址），或在 site.yaml 中设置默认联系方式",
    ),
    "organization-no-name": Text("单位 {item} 缺少 name（单位全称）", "请写成 - name: 中共某某县司法局党组"),
    "organization-name-taken": Text(
        "“{name}”已经是 {other} 的名称（第 {first_line} 行）",
        "每个全称、简称和别名只能属于一个单位：请删除或改写这一个",
    ),
    "organization-slug-invalid": Text(
        "slug“{slug}”只能包含小写字母、数字和 -，也不能与网站自带的页面同名", "请用名称的拼音，例如 slug: sifaju"
    ),
    "organization-slug-taken": Text(
        "slug“{slug}”已经是 {other} 的页面地址（第 {first_line} 行）",
        "每个单位的 slug 要不同，例如在前面加上区县名称的拼音",
    ),
    "organization-parent-unknown": Text(
        "上级单位（parent）“{name}”不在单位名录中",
        ("是不是要写 {suggestion}？", "请先在 organizations: 中列出它，或删除 parent:"),
    ),
    "organization-parent-loop": Text("“{name}”按上级单位往上找，又回到了它自己", "请核对这几个单位的 parent: 行"),
    "organization-unknown": Text(
        "“{name}”不在 site.yaml 的单位名录（organizations:）中，将单独生成一个单位页面",
        ("是不是要写 {suggestion}？", "请把它加入 site.yaml 的 organizations:，或改用名录中的名称"),
    ),
    "base-url-missing": Text(
        "未设置 base_url（网站地址）：不生成二维码和 sitemap.xml，订阅和规范链接使用相对地址",
        "请填写网站的公开地址，例如 base_url: https://xczg.example.gov.cn/",
    ),
    "base-url-scheme": Text("base_url 必须以 http:// 或 https:// 开头", "例如 base_url: https://xczg.example.gov.cn/"),
    "status-name-unknown": Text("无法识别的标准状态“{name}”", ("是不是要写 {suggestion}？", "可用的名称：{known}")),
    "ledger-column-unknown": Text(
        "无法识别的台账列类别“{name}”，已忽略", ("是不是要写 {suggestion}？", "可用的名称：{known}")
    ),
    "status-wording-taken": Text(
        "statuses.{status}：“{wording}”已经表示 {taken_by}",
        "网站可以增加写法，但不能把已有写法改归其他状态：请从 statuses.{status} 中删除它",
    ),
    "status-unknown": Text(
        "无法识别的整改状态“{value}”",
        (
            "是不是要写“{suggestion}”？可用的写法：{allowed}（也可在 site.yaml 的 statuses: 中添加本单位的写法）",
            "可用的写法：{allowed}（也可在 site.yaml 的 statuses: 中添加本单位的写法）",
        ),
    ),
    "body-date": Text(
        "{label}写的不是能识别的日期：{value}",
        "请写成以下之一：{forms}（只写到月份的，按该月最后一天计；6月底不写年份的，按通报发布年份计）",
    ),
    "body-field-twice": Text(
        "同一个问题下有第二行“{label}”",
        "每个问题的每一项只写一行（紧跟在标题下）；各部分不同时，请拆成 #### 子问题",
    ),
    "body-line-late": Text(
        "这行“{label}”写在整改措施中间，不在标题下：只按正文显示，不作为该问题的{label}",
        "请把它移到问题标题下、整改状态行旁边",
    ),
    "status-second": Text(
        "同一个问题下有第二行整改状态", "每个问题只写一行整改状态（紧跟在标题下）；各部分状态不同时，请拆成 #### 子问题"
    ),
    "status-issue-and-subs": Text(
        "这个问题本身和它的子问题都写了整改状态",
        "保留各子问题（####）的状态行，删除问题本身的这一行：问题状态由子问题推算",
    ),
    "heading-no-space": Text(
        "“{written}”被当作正文，不是标题：# 号后面要有一个空格",
        "请改成：{fixed}（如果这行本来就是正文，请把开头的 # 写成 \\#）",
    ),
    "status-outside-issue": Text(
        "“{written}”是一行整改状态，但它不在任何问题标题之下，不计入任何问题",
        "请在它上面补上问题标题（### 1. 关于……的问题），或删除这一行",
    ),
    "starter-placeholder": Text(
        "“{value}”是新建网站时填的示例内容，会显示给公众",
        "请改成本单位的真实信息（这一行：{line}）；check --strict 和 build --strict 遇到它会报错",
    ),
    "skeleton-placeholder": Text(
        "这份通报不是草稿，却还留着新建通报时待替换的文字：{line}",
        "请写上实际内容；没写完之前请保留 draft: true",
    ),
    "summary-issues": Text(
        "摘要写的是“{stated}”，但实际列出了 {listed} 个问题",
        "请改正 summary: 中的数字，或核对是否漏写了问题标题",
    ),
    "summary-done": Text(
        "摘要写的是“{stated}”，但写明已完成的问题有 {done} 个",
        "请改正 summary: 中的数字（已完成＝整改完成、完成并长期坚持、视同完成），或核对各问题的整改状态",
    ),
    "heading-outside-issue": Text(
        "四级标题（####）不在任何问题（###）之下，将按正文显示", "#### 用于子问题，请放在某个 ### 问题标题之下"
    ),
    "section-empty": Text("方面“{title}”下面没有内容", "请用 ### 标题写出其中的问题，或删除这个标题"),
    "issue-id-duplicate": Text(
        "问题编号“{id}”在本通报中重复（第一次出现在第 {first_line} 行）",
        "同一方面内问题编号不能重复，或在标题末尾用 {{#编号}} 指定",
    ),
    "series-issue-not-reported": Text(
        "问题“{title}”在本通报中尚未完成，但本轮巡察的后续通报 {later} 没有再报告它",
        "请在后续通报中写明其最新整改状态；如已写，请核对两份通报中的问题标题是否一致",
    ),
    "series-issue-matched-twice": Text(
        "本通报的问题“{title}”和“{other}”都对应前次通报中的同一个问题",
        "请分别使用不同的标题，或在两份通报中为对应的问题加上相同的 {{#编号}}",
    ),
    "series-same-date": Text(
        "本通报与同一系列“{series}”的 {other} 发布日期相同，无法确定先后顺序", "请核对两份通报的发布日期"
    ),
    "series-organizations-differ": Text(
        "系列“{series}”中本通报的发布单位是 {organization}，而 {source} 是 {other}",
        "一个系列是同一单位的同一轮巡察：请更正发布单位或 series",
    ),
    "issue-unstated": Text(
        "问题“{title}”没有整改状态行，将显示为“未标明”", "在问题标题下一行写整改状态，例如：整改进度：整改完成"
    ),
    "notice-unstated": Text(
        "本通报没有任何问题写明整改状态，{count} 项问题都将显示为“未标明”",
        "如果原通报本来就没有写整改状态，可以不改；否则请在每个问题标题下写一行，例如：整改进度：整改完成",
    ),
    "count-issues": Text("正文写的是“{stated}”，但实际列出了 {listed} 个问题", "请核对是否漏列了问题，或改正数字"),
    "count-sections": Text("正文写的是“{stated}”，但实际列出了 {listed} 个方面", "请核对是否漏列了方面，或改正数字"),
    "link-anchor": Text("链接“#{fragment}”在本通报中找不到对应位置", "问题的位置标记形如 #s1-2，请核对标题编号"),
    "link-unpublished": Text(
        "链接“{target}”指向的文件没有发布", "请在字段区的 attachments: 中列出该文件，或改用完整网址（https://…）"
    ),
    "link-script": Text(
        "不允许使用 {scheme}: 链接，已删除",
        "只能链接网页（https://…）、邮箱（mailto:…）、电话（tel:…）或随通报发布的文件",
    ),
    "image-remote": Text(
        "图片 {url} 在其他网站上，已改为链接显示：本站页面不从其他网站加载任何内容",
        "请把图片和通报放在一起，在字段区的 attachments: 中列出，再写成 ![图片说明](图片文件名)",
    ),
    "slug-duplicate": Text(
        "两份通报的页面地址相同：“{slug}”（另一份是 {other}）", "请给其中一份在字段区设置不同的 slug:"
    ),
    "output-overwrites-site": Text("输出文件夹会覆盖网站自身的文件", "请换一个 --out，例如 output/"),
    "output-not-site-gen": Text(
        "输出文件夹不是空的，也没有 site-gen 生成它的记录（没有 {marker}）",
        "请输出到新的或空的文件夹：site-gen 每次会整体替换输出文件夹。如是旧版 site-gen 生成的文件夹，请先自行删除或移走",
    ),
    "output-unknown-files": Text(
        "输出文件夹中有 {count} 个文件不是 site-gen 生成的，也没有设置保留：{files}",
        "请把它们移出输出文件夹；如需随网站一起发布，请在 site.yaml 的 keep: 中列出",
    ),
    "output-files-kept": Text(
        "构建期间有文件被放进了输出文件夹；被替换的旧网站保留在 {folder}",
        "请从该文件夹取回需要的文件，然后删除它",
    ),
    "keep-pattern-invalid": Text(
        "keep: 中的“{pattern}”不是输出文件夹内的路径", "请写相对于输出文件夹的文件或文件夹，例如 CNAME 或 downloads/"
    ),
    "address-case": Text(
        "地址 {address} 与 {other}（{source}）只有大小写不同",
        "请给其中一个改名：Windows、macOS 和许多压缩工具会把两者当作同一个文件",
    ),
    "address-reserved": Text(
        "地址 {address} 用了“{name}”，这是 Windows 保留的设备名",
        "请给文件改名，或设置不用 con、nul、aux、prn、com1-9、lpt1-9 的 slug:",
    ),
    "output-is-file": Text("输出位置是一个文件，不是文件夹", "请为 --out 指定一个文件夹，例如 output/"),
    "site-missing": Text("这里没有网站文件夹", "请检查 --site：它应指向含有 site.yaml 和 content/ 的文件夹"),
    "file-changed": Text("构建过程中这个文件被修改了", "请重新构建（预览时再保存一次即可）"),
    "not-regular-file": Text("这不是普通文件", "通报应是文本文件；请删除或改名（这可能是管道或设备文件）"),
    "group-address-shared": Text(
        "{kind}“{name}”与“{other}”（{source}）会共用同一个页面 {address}",
        "如果是同一个单位或标签，请在两份通报中写成完全相同的名称；如果不是，请让名称在标点之外也有区别",
    ),
    "address-shared": Text(
        "这份通报的一个文件会发布到 {address}，而 {other} 已在该位置发布文件",
        "请给附件改名，或把它放进单独的文件夹（如 files/…）",
    ),
    "static-replaces-page": Text("这个文件会覆盖自动生成的 {address}", "请改名或删除：该地址由 site-gen 生成"),
    "template-error": Text(
        "模板有误：{jinja}", "请修改模板（标签、过滤器或变量名的拼写），或删除自己的模板以使用默认主题"
    ),
    "search-index-failed": Text(
        "无法生成站内搜索索引：{detail}",
        "网站未发布，原来的网站保持不变；请重新构建，如仍失败请重新安装 site-gen",
    ),
    "output-busy-waiting": Text(
        "另一个构建正在写入这个输出文件夹，正在等待它结束",
        "无需操作：另一个构建结束后本次构建会自动开始（加 --no-wait 则不等待、直接退出）",
    ),
    "output-busy": Text(
        "另一个构建正在写入这个输出文件夹；本次没有构建，输出文件夹保持不变",
        "请等另一个构建结束后再构建，或去掉 --no-wait 以等待它结束",
    ),
    "state-not-saved": Text(
        "网站已发布，但构建记录未能保存：{detail}",
        "无需操作：下次构建会重新生成全部文件；如反复出现，请检查 .site-gen-cache/ 可写，且构建期间没有被删除",
    ),
    "cache-unusable": Text(
        "构建缓存无法使用（{detail}），本次不用缓存构建",
        "只是构建慢一些；请把 .site-gen-cache/ 的所有权改回自己的账户或直接删除它（用 sudo 构建过会使它属于 root）",
    ),
    "output-mount-point": Text(
        "输出文件夹是一个挂载点（{detail}），site-gen 无法用新网站替换它",
        "请输出到旁边的文件夹，再把其中的文件同步进去，或改为挂载它的上一级文件夹；详见 docs/hosting.md",
    ),
    "output-link-loop": Text(
        "输出文件夹是一个循环的符号链接，最终不指向任何文件夹", "请删除这个链接，或让它指向一个真实的文件夹"
    ),
}

TABLES = {"en": ENGLISH, "zh": CHINESE}

# PyYAML's own explanations, the ones clerks meet; any other is shown as YAML wrote it, in quotes
YAML_PROBLEMS = {
    "did not find expected ',' or ']'": "方括号 [ ] 没有闭合，或列表项之间缺少逗号",
    "did not find expected ',' or '}'": "花括号 { } 没有闭合，或项目之间缺少逗号",
    "mapping values are not allowed here": "这里不能出现冒号：值里含有“: ”时请给整个值加引号",
    "could not find expected ':'": "缺少冒号（应为“字段名: 值”）",
    "found unexpected end of stream": "引号没有闭合",
    "found character '\\t' that cannot start any token": "含有制表符（Tab），请改用空格",
    "expected <block end>, but found '-'": "列表项的缩进不一致",
}


def _chinese_yaml_problem(problem: str) -> str:
    return YAML_PROBLEMS.get(problem.strip(), f"YAML 提示“{problem.strip()}”")


# The causes of a YAML error a clerk can fix, as site_gen/notice/frontmatter.py names them
YAML_CAUSES = {
    "en": {
        "colon-in-value": 'the value contains ": ", which YAML reads as a second field name: put the value in quotes',
        "no-space-after-colon": "there is no space after the colon, so YAML does not see a field name here",
        "unclosed-quote": "a quote opened in this value is never closed",
        "unclosed-bracket": "a [ or { opened in this value is never closed (or a comma is missing between its items)",
        "tab": "the line contains a tab, which YAML does not allow there",
        "fullwidth-space": "the line contains a full-width space (U+3000) where YAML expects a space",
    },
    "zh": {
        "colon-in-value": "值里含有“: ”，YAML 把它当成了又一个字段名：请给整个值加上引号",
        "no-space-after-colon": "冒号后面少了一个空格，YAML 认不出这是“字段名: 值”",
        "unclosed-quote": "值里的引号只有前一半，没有闭合",
        "unclosed-bracket": "这个值里的方括号 [ 或花括号 { 没有闭合（或其中各项之间缺少逗号）",
        "tab": "这一行含有制表符（Tab），YAML 不允许在这里使用",
        "fullwidth-space": "这一行在应当写半角空格的地方写了全角空格",
    },
}


def _yaml_cause(params: dict[str, str], language: str) -> str:
    """The cause of a YAML error in the language: the named one, else YAML's own words (in Chinese when known)."""
    named = YAML_CAUSES["zh" if language == "zh" else "en"].get(params.get("cause", ""))
    problem = params.get("problem", "")
    return named or (_chinese_yaml_problem(problem) if language == "zh" else problem)


# Jinja's own explanations of the mistakes clerks make in an override template
JINJA_PROBLEMS = (
    (re.compile(r"^No filter named '(.+)'\.?$"), "没有名为“{0}”的过滤器"),
    (re.compile(r"^No test named '(.+)'\.?$"), "没有名为“{0}”的判断"),
    (re.compile(r"^'(.+)' is undefined$"), "变量“{0}”不存在"),
    (re.compile(r"^'(.+)' has no attribute '(.+)'$"), "“{0}”没有“{1}”这一项"),
    (
        re.compile(r"^unexpected end of template.*?looking for the following tags: '(\w+)'", re.I | re.S),
        "模板意外结束：缺少 {{% {0} %}}",
    ),
    (
        re.compile(r"^unexpected end of template.*", re.I | re.S),
        "模板意外结束（可能缺少 {{% endif %}}、{{% endfor %}} 或 {{% endblock %}}）",
    ),
    (re.compile(r"^unexpected '(.+)'$"), "此处不应出现“{0}”"),
    (re.compile(r"^Encountered unknown tag '(.+)'.*"), "无法识别的标签“{0}”"),
    (re.compile(r"^expected token '(.+)', got '(.+)'$"), "此处应为“{0}”，却是“{1}”"),
    (re.compile(r"^[Tt]emplate '?(.+?)'? not found$"), "找不到模板“{0}”"),
)


def _chinese_jinja_problem(problem: str) -> str:
    for pattern, chinese in JINJA_PROBLEMS:
        found = pattern.match(problem.strip())
        if found:
            return chinese.format(*found.groups())
    return f"模板引擎提示“{problem.strip()}”"


# parameters whose value is itself English and has a Chinese wording
_CHINESE_VALUES: dict[str, Callable[[str], str]] = {
    "problem": _chinese_yaml_problem,
    "jinja": _chinese_jinja_problem,
    "kind": lambda kind: {"organization": "单位", "tag": "标签"}.get(kind, kind),
}


def render(code: str, params: dict[str, str], language: str) -> tuple[str, str]:
    """The message and hint of one diagnostic in a language (English for any language but zh)."""
    table = TABLES.get(language, ENGLISH)
    text = table[code]
    if "problem" in params:
        params = {**params, "cause": _yaml_cause(params, language)}
    if table is CHINESE:
        params = {k: _CHINESE_VALUES.get(k, str)(v) for k, v in params.items()}
    return _fill(text.message, params), _fill_first(text.hint, params)


def _fill_first(templates: str | tuple[str, ...], params: dict[str, str]) -> str:
    """The first wording whose every blank has a value (a plain string is always used)."""
    if isinstance(templates, str):
        return _fill(templates, params)
    for template in templates:
        if all(params.get(name) for name in blanks(template)):
            return _fill(template, params)
    return ""


def _fill(template: str, params: dict[str, str]) -> str:
    return template.format_map({name: params.get(name, "") for name in blanks(template)})


def blanks(template: str) -> set[str]:
    """The {names} a wording needs."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
