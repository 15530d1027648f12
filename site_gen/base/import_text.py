"""What `site-gen import` tells the clerk, in English and Chinese, keyed by a code: its notes and its report.

A section of the command line's table (cli_text.py reads both through the one `say`), kept in its own file because
the importer says the most. A note is made where it is found as `note(code, **values)` and worded only when the
report is shown, in the report's language. tests/test_cli_text.py checks that both tables have the same codes and
blanks, that the Chinese has no English prose, and that every code site_gen/ says is here with the values it needs.
"""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    "list-separator": ", ",
    # where the problems are (the report's "problem part"), and why
    "import-why-chosen": "chosen with --problems-in",
    "import-why-heading": "its heading names the feedback's problems",
    "import-why-status-lines": "{count} status line(s)",
    "import-why-headings-state": "{count} heading(s) state a problem",
    "import-decision-none-chosen": "no part whose heading contains “{chosen}” lists numbered items: no issues",
    "import-decision-none": "no problem part found (no status lines, no part heading naming the feedback's problems, "
    "no heading phrased as a problem): imported as text sections, no issues invented; name the part with "
    '--problems-in "二、"',
    "import-decision": "problems from {taken}; if this is wrong, name the part with --problems-in",
    "import-decision-with-general": "problems from {taken}; {general} imported as text (the organisation's own "
    "measures or remarks); if this is wrong, name the part with --problems-in",
    "import-decision-part": "“{part}” ({why})",
    "import-decision-opening": "the opening",
    "import-audit-decision": "problems from the list in “{listing}”, statuses and measures from “{answers}”",
    "import-ledger-decision": "a ledger: one row per problem",
    # the outline
    "import-status-unknown-as-status": "line {line}: “{text}” is not a status wording the site knows; it is written "
    "as the notice words it and check reports it: if it is your wording, add it under statuses: in site.yaml",
    "import-status-unknown-as-text": "line {line}: “{text}” is not a status wording the site knows and is kept as "
    "text (unknown status wording kept as text); if it is a status, add the wording under statuses: in site.yaml "
    "and import again",
    "import-date-unreadable": "line {line}: the date of “{text}” can't be read and is kept as text; write it as "
    "{forms}",
    "import-issue-numbers-jump": "issue numbers jump from {first} to {then}: the numbers between are not in the "
    "source and were not filled in",
    "import-section-numbers-jump": "section numbers jump from {first} to {then}, as in the source: not filled in",
    "import-status-unheaded": "{where}: this status line has no heading of its own, so the structure may be wrong "
    "(was the problems' numbering lost?): check it",
    "import-at-line": "line {line}",
    "import-at-paragraph": "paragraph {line}",
    # the notice as a whole
    "import-not-rectification": "this is not a rectification notice (no 整改/巡察/巡视/审计 in its title or "
    "opening): imported as an ordinary article, its parts as text sections, with no statuses",
    "import-no-publisher": "no publisher found in the signature, the title or the disclosure metadata: fill in "
    "organization",
    "import-title-made": "no title found; one was made: “{title}”, check it",
    "import-date-unsigned": "no signature date at the end: the date is {date} ({source}); check it before publishing",
    "import-date-from-disclosure": "the disclosure metadata's date",
    "import-date-inferred": "inferred",
    "import-counts-match": "the counts the notice states ({claims}) add up to {stated}: the {found} issues found "
    "(stated counts match)",
    "import-counts-differ": "the counts the notice states ({claims}) add up to {stated}, but {found} issues were "
    "found: check them",
    # audit reports
    "import-audit-counts-differ": "audit report: “{listing}” lists {problems} problems and “{answers}” has "
    "{rectifications} rectifications; the numbers differ, so they were not matched: check them",
    "import-audit-merged": "audit report: the {count} problems listed in “{listing}” were matched with the "
    "rectifications in “{answers}” {how} into {count} issues",
    "import-audit-by-number": "by number",
    "import-audit-in-order": "in order",
    # ledgers
    "import-ledger-no-organization": "no organisation found: fill in organization",
    "import-ledger-no-date": "no date found in the ledger: {date} for now, check it before publishing",
    "import-ledger-title-made": "the ledger's title “{given}” is not a notice's: “{title}” was made, check it",
    "import-ledger-cells": "ledger: {sheets} sheet(s), {problems} problem(s); {cells} non-empty cell(s): {kept} in "
    "the notice, {left} left out (the reasons are listed below)",
    # the next notice of a series
    "import-series-followed": "the notice {position} of the series “{series}”: against the previous one "
    "({previous}, {previous_date}), {followed} problem(s) follow on earlier ones, {fresh} are new",
    "import-series-dropped": "{count} problem(s) not done in the previous notice are not in this ledger: {titles}. "
    "Check them (a problem is matched by its wording, as in the previous notice)",
    "import-series-date-not-after": "the ledger's date {date} is not after the previous notice's {previous_date}: "
    "check 填报日期",
    # a source that cannot be read (importer: SourceError(path, code, ...)), shown after "path: "
    "source-missing": "no such file",
    "source-unreadable": "cannot read the file ({reason})",
    "source-too-large": "{size} MB is more than a notice ({most} MB at most); check that this is the right file, or "
    "import the notice's text alone",
    "source-old-office": "{suffix} is an old binary office format that cannot be read; open it in Word or WPS and "
    "choose 文件 > 另存为 > Word 文档 (*.docx), then import the .docx",
    "source-unsupported": "cannot import {kind}; save the notice as .txt, .html, .docx or .pdf first",
    "source-no-extension": "files without an extension",
    "source-encoding": "the text is neither UTF-8 nor GB18030; open it in an editor and save it as UTF-8",
    "source-no-text": "no notice text found (the file is empty, or holds only website text); check that this is the "
    "right file: nothing was written",
    "source-save-as": "open it in Word or WPS and save it again as .docx (文件 > 另存为 > Word 文档)",
    "source-docx-damaged": "not a readable Word .docx file ({detail}); {save_as}",
    "source-docx-cut": "not a readable Word .docx file (damaged or cut short: {detail}); {save_as}",
    "source-docx-bomb": "this .docx would inflate to {size} MB, far more than any notice ({most} MB at most); it is "
    "damaged or not a real Word file: {save_as}",
    "source-docx-entities": "{part} declares XML entities, which Word never writes; the file was not made by Word and "
    "is not imported: {save_as}",
    "source-pdf-scan": "this PDF has no text layer (it is a scan or made of images) and cannot be read without OCR, "
    "which site-gen does not do; import the original Word or text file instead, or type the notice",
    "source-pdf-password": "the PDF is protected by a password; save an unprotected copy and import it",
    "source-pdf-damaged": "not a readable PDF (damaged or cut short: {detail}); download the attachment again, or "
    "import the original Word file",
    "source-pdf-page-unreadable": "not a readable PDF (a page cannot be read: {detail}); download the attachment "
    "again, or import the original Word file",
    "source-pdf-too-many-pages": "{pages} pages is more than a notice ({most} at most)",
    "source-workbook-password": "the workbook is protected by a password and cannot be read: remove the password in "
    "Excel or WPS, save it, and import it again",
    "source-workbook-locked": "the workbook is protected by a password and cannot be read: remove the password, save "
    "it, and import it again",
    "source-not-a-workbook": "this file is not an Excel, WPS or LibreOffice workbook (it is damaged, or only its "
    "extension was changed) and cannot be read",
    "source-workbook-damaged": "the workbook is damaged ({detail}) and cannot be read: open it in Excel or WPS and "
    "save it again",
    "source-workbook-bomb": "the workbook would unpack to {size} MB, more than the {most} MB that can be imported: "
    "not read (it may be damaged, or made to do harm)",
    "source-workbook-ratio": "its part {part} would unpack to {size} MB, {ratio} times its packed size (a workbook's "
    "stays under {most} times): not read (it may be damaged, or made to do harm); open it in Excel or WPS and save it "
    "again",
    "source-workbook-unreadable": "the workbook cannot be read ({detail}): open it in Excel or WPS, save it as .xlsx "
    "and import that",
    "source-sheet-too-long": "the sheet “{sheet}” has more than {most} rows: split it and import the parts",
    "source-csv-encoding": "the file's encoding cannot be recognised: save it as “CSV UTF-8” and import it again",
    "source-page-without-table": "this file is a web page, not a workbook, and holds no table to import",
    "source-no-sheet": "there is no sheet named “{sheet}” (its sheets: {names})",
    "source-no-header": "no ledger header found (it needs a “问题” column, e.g. 序号, 问题, 整改措施, 整改时限, 完成情况): "
    "nothing was written",
    # the report
    "report-title": "title: {value}",
    "report-organization": "organization: {organization}   date: {date}",
    "report-inspection": "inspection: {parts}",
    "report-inspection-group": "group",
    "report-inspection-round": "round",
    "report-inspection-from": "from",
    "report-inspection-to": "to",
    "report-inspection-feedback": "feedback",
    "report-not-rectification": "kind: not a rectification notice, imported as text sections",
    "report-empty": "(empty)",
    "report-field-title": "title",
    "report-field-organization": "organization",
    "report-field-date": "date",
    "report-disclosure-where": "lines {first}–{last}, removed",
    "report-disclosure-kept": "; its 索引号 etc. kept under disclosure:",
    "report-disclosure": "disclosure metadata ({where}{kept}): {fields}",
    "report-disclosure-used": "used from it: {names}",
    "report-disclosure-none": "nothing (the notice itself says more)",
    "report-structure": "structure: {sections} section(s), {with_issues} with issues; {issues} issue(s); {subs} "
    "sub-problem(s); {leaves} leaf problem(s)",
    "report-status-lines": "status lines found: {count}",
    "report-by-status": "issues by status: {statuses}",
    "report-none": "none",
    "report-per-issue-lines": "per-issue lines: {found}",
    "report-problem-part": "problem part: {decision}",
    "report-contact": "contact: {found}",
    "report-contact-phones": "phones",
    "report-contact-emails": "emails",
    "report-contact-address": "address",
    "report-contact-other": "other",
    "report-no-contact": "none found (the site's defaults apply)",
    "report-reviewers": "reviewers (kept in front-matter): {names}",
    "report-source": "source: {read} non-blank line(s): {kept} in the notice, {removed} removed",
    "report-attachments": "attachments mentioned (kept as text; add the files under attachments:): {names}",
    "report-removed": "removed ({count}):",
    "report-removed-line": "line {line} [{kind}]: {text}",
    "report-removed-kept": " — kept: {kept}",
    "report-removed-page": ", page {page}",
    "report-removed-partly": ", partly removed",
    "report-warning": "warning: {warning}",
    "report-note": "note: {note}",
    "report-check": "check: {errors} error(s), {warnings} warning(s)",
    # what a removed line was (boilerplate.py, article.py, pdf_layout.py, convert.py and ledger.py name them)
    "removed-breadcrumb": "breadcrumb",
    "removed-font-size": "font size switcher",
    "removed-qr-code": "QR code prompt",
    "removed-site-footer": "site footer",
    "removed-page-counter": "page counter",
    "removed-related": "related links",
    "removed-publication-line": "publication line",
    "removed-share": "share buttons",
    "removed-links": "links",
    "removed-reviewer": "reviewer (kept as reviewers:)",
    "removed-toolbar": "tool bar",
    "removed-disclosure": "disclosure metadata",
    "removed-repeated-title": "repeated title",
    "removed-problem-list-heading": "problem list heading (merged)",
    "removed-page-number": "page number",
    "removed-page-furniture": "page header or footer",
    "removed-outside-article": "outside the article",
    "removed-after-signature": "after the signature",
    "removed-cell-too-long": "cell too long",
    "removed-below-table": "below the table (contact taken)",
    "removed-subtotal": "subtotal row",
    "removed-computed": "computed by site-gen",
}

CHINESE: dict[str, str] = {
    "list-separator": "、",
    "import-why-chosen": "按 --problems-in 指定",
    "import-why-heading": "标题说明是反馈的问题",
    "import-why-status-lines": "有 {count} 行整改状态",
    "import-why-headings-state": "{count} 个标题写的是问题",
    "import-decision-none-chosen": "没有标题含“{chosen}”且列有编号条目的部分，未设问题",
    "import-decision-none": "没有找到问题部分（没有整改状态行、没有写明“反馈问题”的部分标题、没有写成“……的问题”的标题），"
    '全文按文字段落导入，未设问题；如有问题部分，请用 --problems-in "二、" 指定后重新导入',
    "import-decision": "问题取自{taken}；如判断有误，请用 --problems-in 指定",
    "import-decision-with-general": "问题取自{taken}；{general} 按正文导入；如判断有误，请用 --problems-in 指定",
    "import-decision-part": "“{part}”（{why}）",
    "import-decision-opening": "开头",
    "import-audit-decision": "问题取自“{listing}”的问题清单，整改状态和措施取自“{answers}”",
    "import-ledger-decision": "整改台账：每行一个问题",
    "import-status-unknown-as-status": "第 {line} 行“{text}”不是本站已知的整改状态写法，已照原文写作状态行，check "
    "会报告它；如果这是本单位的写法，请加到 site.yaml 的 statuses: 中",
    "import-status-unknown-as-text": "第 {line} 行“{text}”不是已知的整改状态写法，按正文保留；如果它是状态，请把这种写法"
    "加到 site.yaml 的 statuses: 中再导入",
    "import-date-unreadable": "第 {line} 行“{text}”的日期无法识别，按正文保留；可写成 {forms}",
    "import-issue-numbers-jump": "问题编号从 {first} 跳到 {then}，中间的编号原文没有，未补",
    "import-section-numbers-jump": "方面编号从 {first} 跳到 {then}，原文如此，未补",
    "import-status-unheaded": "{where}：这行整改状态上面没有自己的问题标题，结构可能有误（问题编号是否丢失？），请核对",
    "import-at-line": "第 {line} 行",
    "import-at-paragraph": "第 {line} 段",
    "import-not-rectification": "这不像整改进展通报（标题和开头没有“整改/巡察/巡视/审计”），已按普通文章导入：各部分为文字段落，"
    "不设整改状态",
    "import-no-publisher": "落款、标题和公开信息中都没有找到发布单位，请填写 organization",
    "import-title-made": "原文没有标题，已拟为“{title}”，请核对",
    "import-date-unsigned": "原文末尾没有落款日期，日期取 {date}（{source}），发布前请核对",
    "import-date-from-disclosure": "公开信息中的日期",
    "import-date-inferred": "推定",
    "import-counts-match": "原文所述数目（{claims}）共 {stated} 项，与找到的 {found} 个问题一致",
    "import-counts-differ": "原文所述数目（{claims}）共 {stated} 项，但找到 {found} 个问题，请核对",
    "import-audit-counts-differ": "“{listing}”列出 {problems} 个问题，“{answers}”有 {rectifications} 项整改，"
    "数目不同，未合并，请核对",
    "import-audit-merged": "审计整改报告：“{listing}”列出的 {count} 个问题与“{answers}”中的整改情况按{how}一一对应，"
    "已合并为 {count} 个问题",
    "import-audit-by-number": "编号",
    "import-audit-in-order": "顺序",
    "import-ledger-no-organization": "台账中没有找到填报单位，请填写 organization",
    "import-ledger-no-date": "台账中没有找到填报日期，日期暂取 {date}，发布前请核对",
    "import-ledger-title-made": "台账标题“{given}”不是通报标题，已拟为“{title}”，请核对",
    "import-ledger-cells": "台账 {sheets} 个工作表、{problems} 个问题；非空单元格 {cells} 个：{kept} 个写入通报，"
    "{left} 个未写入（见下方列出的原因）",
    "import-series-followed": "作为系列“{series}”的第 {position} 份通报：与上一份（{previous}，{previous_date}）"
    "对照，{followed} 个问题接续以前的问题，{fresh} 个是新问题",
    "import-series-dropped": "上一份通报中未完成的 {count} 个问题本台账没有列出：{titles}。请核对（问题的写法要与上一份一致才能对上）",
    "import-series-date-not-after": "台账的日期 {date} 不晚于上一份通报的 {previous_date}：请核对填报日期",
    "source-missing": "文件不存在",
    "source-unreadable": "无法读取文件（{reason}）",
    "source-too-large": "文件过大：{size} MB，一份通报最多 {most} MB；请检查是不是选对了文件，或者只导入通报的文字",
    "source-old-office": "旧版 {suffix} 格式无法读取，请另存为 .docx：在 Word 或 WPS 中打开，选择 文件 > 另存为 > "
    "Word 文档 (*.docx)，再导入 .docx 文件",
    "source-unsupported": "不支持这种文件（{kind}）：请先把通报另存为 .txt、.html、.docx 或 .pdf",
    "source-no-extension": "没有扩展名的文件",
    "source-encoding": "文字编码无法识别（既不是 UTF-8 也不是 GB18030），请用编辑器打开后另存为 UTF-8",
    "source-no-text": "没有找到通报正文（文件是空的，或者只有网站上的文字），未写入任何文件；请检查是不是选对了文件",
    "source-save-as": "请在 Word 或 WPS 中打开，另存为 .docx（文件 > 另存为 > Word 文档）",
    "source-docx-damaged": "Word 文件已损坏（{detail}）：{save_as}",
    "source-docx-cut": "Word 文件已损坏或不完整（{detail}）：{save_as}",
    "source-docx-bomb": "文件解压后有 {size} MB，远超任何通报（最多 {most} MB），疑似损坏或恶意文件：{save_as}",
    "source-docx-entities": "文件中的 {part} 含有 Word 不会写入的实体声明，不是 Word 生成的文件，未导入：{save_as}",
    "source-pdf-scan": "这是扫描件，没有文字层，无法导入（site-gen 不做文字识别）；请导入原始的 Word 或文本文件，"
    "或者把通报录入",
    "source-pdf-password": "PDF 有密码保护：请另存一份没有密码的副本再导入",
    "source-pdf-damaged": "PDF 文件已损坏或不完整（{detail}）：请重新下载附件，或者导入原始的 Word 文件",
    "source-pdf-page-unreadable": "PDF 文件已损坏或不完整（有一页无法读取：{detail}）：请重新下载附件，或者导入原始的 "
    "Word 文件",
    "source-pdf-too-many-pages": "页数过多：{pages} 页，一份通报最多 {most} 页",
    "source-workbook-password": "这个表格设置了打开密码，无法读取：请在 Excel 或 WPS 中取消密码后另存，再导入",
    "source-workbook-locked": "这个表格设置了密码，无法读取：请取消密码后另存，再导入",
    "source-not-a-workbook": "这个文件不是 Excel/WPS/LibreOffice 表格（文件内容已损坏，或只是改了扩展名），无法读取",
    "source-workbook-damaged": "表格文件已损坏（{detail}），无法读取：请用 Excel 或 WPS 打开后重新保存",
    "source-workbook-bomb": "表格解压后有 {size} MB，超过可导入的 {most} MB，未读取（可能是损坏或恶意构造的文件）",
    "source-workbook-ratio": "表格中的 {part} 解压后有 {size} MB，是压缩后的 {ratio} 倍（正常表格不超过 {most} 倍），"
    "未读取（可能是损坏或恶意构造的文件）：请用 Excel 或 WPS 打开后重新保存",
    "source-workbook-unreadable": "表格文件无法读取（{detail}）：请用 Excel 或 WPS 打开后另存为 .xlsx 再导入",
    "source-sheet-too-long": "工作表“{sheet}”超过 {most} 行，请拆分后导入",
    "source-csv-encoding": "无法识别文件的编码：请另存为“CSV UTF-8”后再导入",
    "source-page-without-table": "这个文件是网页，不是表格，里面没有表格可导入",
    "source-no-sheet": "没有名为“{sheet}”的工作表（有：{names}）",
    "source-no-header": "没有找到台账的表头（需要有“问题”列，例如：序号、问题、整改措施、整改时限、完成情况），未写入任何文件",
    "report-title": "标题: {value}",
    "report-organization": "发布单位: {organization}   日期: {date}",
    "report-inspection": "巡察: {parts}",
    "report-inspection-group": "巡察组",
    "report-inspection-round": "轮次",
    "report-inspection-from": "起",
    "report-inspection-to": "止",
    "report-inspection-feedback": "反馈",
    "report-not-rectification": "类型: 不是整改进展通报，按文字段落导入",
    "report-empty": "（空）",
    "report-field-title": "标题",
    "report-field-organization": "发布单位",
    "report-field-date": "日期",
    "report-disclosure-where": "第 {first}–{last} 行，已移出正文",
    "report-disclosure-kept": "，索引号等存入 disclosure:",
    "report-disclosure": "公开信息 ({where}{kept}): {fields}",
    "report-disclosure-used": "采用: {names}",
    "report-disclosure-none": "无（通报本身写得更全）",
    "report-structure": "结构: {sections} 个部分，其中 {with_issues} 个含问题；{issues} 个问题；{subs} 个子问题；"
    "共 {leaves} 个最小问题",
    "report-status-lines": "整改状态行: {count}",
    "report-by-status": "各问题整改状态: {statuses}",
    "report-none": "无",
    "report-per-issue-lines": "时限与责任行: {found}",
    "report-problem-part": "问题部分: {decision}",
    "report-contact": "联系方式: {found}",
    "report-contact-phones": "电话",
    "report-contact-emails": "邮箱",
    "report-contact-address": "地址",
    "report-contact-other": "其他",
    "report-no-contact": "未找到，使用网站默认",
    "report-reviewers": "审核（已存入字段区）: {names}",
    "report-source": "原文: {read} 行非空：{kept} 行在通报中，{removed} 行移除",
    "report-attachments": "提到的附件（按正文保留，请把文件加到 attachments:）: {names}",
    "report-removed": "已移除 ({count}):",
    "report-removed-line": "第 {line} 行 [{kind}]: {text}",
    "report-removed-kept": " —— 保留: {kept}",
    "report-removed-page": "，第 {page} 页",
    "report-removed-partly": "，部分移除",
    "report-warning": "警告: {warning}",
    "report-note": "注意: {note}",
    "report-check": "检查: {errors} 个错误, {warnings} 个警告",
    "removed-breadcrumb": "导航路径",
    "removed-font-size": "字号切换",
    "removed-qr-code": "扫码提示",
    "removed-site-footer": "网站页脚",
    "removed-page-counter": "访问量",
    "removed-related": "相关链接",
    "removed-publication-line": "发布信息",
    "removed-share": "分享",
    "removed-links": "网页链接",
    "removed-reviewer": "审核人（已存入 reviewers:）",
    "removed-toolbar": "网页工具栏",
    "removed-disclosure": "政府信息公开元数据",
    "removed-repeated-title": "重复的标题",
    "removed-problem-list-heading": "问题清单标题（问题已并入整改情况）",
    "removed-page-number": "页码",
    "removed-page-furniture": "页眉页脚",
    "removed-outside-article": "正文之外的网页内容",
    "removed-after-signature": "落款之后的网页内容",
    "removed-cell-too-long": "单元格过长",
    "removed-below-table": "表格下方（联系方式已取出）",
    "removed-subtotal": "小计行",
    "removed-computed": "由 site-gen 计算",
}
