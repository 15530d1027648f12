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
    "file-control-character": Text(
        "the text contains the invisible control character {char}, which breaks feeds and pages",
        "delete it: it usually comes from pasting out of another program",
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
        "front-matter is not valid YAML: {problem}",
        'check the colon after each field name and quote values that contain ": "',
    ),
    "front-matter-not-mapping": Text(
        "front-matter must be a list of fields (name: value)", "write one field per line, e.g. title: 关于……的通报"
    ),
    "config-not-utf8": Text("site.yaml is not UTF-8 text", "save it as UTF-8 in your editor"),
    "config-yaml": Text(
        "site.yaml is not valid YAML: {problem}",
        'check the colon after each setting name and quote values that contain ": "',
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
    "status-second": Text(
        "a second status line in the same issue",
        "an issue has one status line, right under its heading; split it into #### sub-problems if parts differ",
    ),
    "status-issue-and-subs": Text(
        "this issue has a status line and so do its sub-problems",
        "keep the status lines of the sub-problems (#### headings) and remove this one: "
        "the issue's status is derived from them",
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
    # the whole site
    "slug-duplicate": Text(
        'two notices have the same address "{slug}" (also {other})',
        "give one of them a different slug: in its front-matter",
    ),
    "output-overwrites-site": Text(
        "the output folder would overwrite the site's own files", "choose another --out, e.g. output/"
    ),
    "output-not-site-gen": Text(
        "the output folder is not empty and was not made by site-gen",
        "build into a new or empty folder; site-gen replaces the whole folder on every build",
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
    "file-control-character": Text(
        "文字中有看不见的控制字符 {char}，会使订阅和页面出错", "请删除它：通常是从其他程序粘贴时带入的"
    ),
    "front-matter-missing": Text(
        "文件开头没有字段区（应以一行 --- 开始）", "文件第一行写 ---，然后写 title、organization、date，再写一行 ---"
    ),
    "front-matter-unclosed": Text("字段区没有结束：缺少第二行 ---", "在最后一个字段后加一行 ---"),
    "front-matter-yaml": Text("字段区格式有误：{problem}", "检查每个字段名后面的冒号；值里含有“: ”时请加引号"),
    "front-matter-not-mapping": Text(
        "字段区应为“字段名: 值”的形式，每行一个", "每行写一个字段，例如 title: 关于……的通报"
    ),
    "config-not-utf8": Text("site.yaml 不是 UTF-8 编码", "请在编辑器中另存为 UTF-8 编码"),
    "config-yaml": Text("site.yaml 格式有误：{problem}", "检查每个设置名后面的冒号；值里含有“: ”时请加引号"),
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
    "status-second": Text(
        "同一个问题下有第二行整改状态", "每个问题只写一行整改状态（紧跟在标题下）；各部分状态不同时，请拆成 #### 子问题"
    ),
    "status-issue-and-subs": Text(
        "这个问题本身和它的子问题都写了整改状态",
        "保留各子问题（####）的状态行，删除问题本身的这一行：问题状态由子问题推算",
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
    "slug-duplicate": Text(
        "两份通报的页面地址相同：“{slug}”（另一份是 {other}）", "请给其中一份在字段区设置不同的 slug:"
    ),
    "output-overwrites-site": Text("输出文件夹会覆盖网站自身的文件", "请换一个 --out，例如 output/"),
    "output-not-site-gen": Text(
        "输出文件夹不是空的，也不是 site-gen 生成的", "请输出到新的或空的文件夹：site-gen 每次会整体替换输出文件夹"
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
