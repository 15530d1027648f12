"""Chinese wording of every diagnostic, for sites in Chinese (the default): clerks read these, not programmers.

Diagnostics are made in English (stable for tests, tools and `language: en` sites) and translated here when shown.
Each entry is a regular expression over the English text and its Chinese rendering; values in quotes are kept.
"""

from __future__ import annotations

import re

MESSAGES = [
    (r'^unknown status "(.*)"$', r"无法识别的整改状态“\1”"),
    (r"^a second status line in the same issue$", "同一个问题下有第二行整改状态"),
    (r"^this issue has a status line and so do its sub-problems$", "这个问题本身和它的子问题都写了整改状态"),
    (r"^a #### heading outside an issue is shown as text$", "四级标题（####）不在任何问题（###）之下，将按正文显示"),
    (r"^the required field (\w+) is missing$", r"缺少必填字段 \1"),
    (r"^(\S+) must be text, not a (\w+)$", r"字段 \1 应为文字"),
    (r"^(\S+) must be text$", r"\1 应为文字"),
    (r"^(\S+) must be a list, e\.g\. (.*)$", r"字段 \1 应为列表，例如 \2"),
    (r"^(\S+) must be true or false, not (.*)$", r"字段 \1 只能是 true 或 false，而不是 \2"),
    (r"^(\S+) is not a valid date: (.*)$", r"\1 不是有效日期：\2"),
    (
        r'^slug "(.*)" can only use letters, digits, - and _, with / between folders$',
        r"页面地址（slug）“\1”只能包含字母、数字、- 和 _，文件夹之间用 / 分隔",
    ),
    (
        r"^inspection must be a mapping of group, round, from, to, feedback$",
        "inspection 应包含 group、round、from、to、feedback 等字段",
    ),
    (r"^attachments must be a list of \{path, title\}$", "attachments 应为列表，每项写 path 和 title"),
    (r"^attachment (.*) needs a path$", r"附件 \1 缺少 path（文件路径）"),
    (r"^(\S+) \((.*)\) is before (\S+) \((.*)\)$", r"\1（\2）早于 \3（\4），日期顺序不对"),
    (r"^there is no content/ folder$", "没有 content/ 文件夹"),
    (
        r"^this file is a link to somewhere outside content/ and was not read$",
        "这个文件是指向 content/ 之外的链接，未读取",
    ),
    (
        r"^the file is (\d+) MB; a notice is at most (\d+) MB and this is probably not one$",
        r"文件有 \1 MB，通报文件最大 \2 MB，这可能不是一份通报",
    ),
    (r"^the file is empty$", "文件是空的"),
    (r"^this is not a text file \(it contains binary data\)$", "这不是文本文件（含有二进制内容）"),
    (
        r"^the file is not UTF-8; it looks like GBK/GB18030 \(common in older Chinese editors\)$",
        "文件不是 UTF-8 编码，看起来是 GBK/GB18030（旧版中文编辑器常用）",
    ),
    (r"^the file is not valid (.*) text$", r"文件不是有效的 \1 文本"),
    (r"^the file does not start with front-matter \(a line of ---\)$", "文件开头没有字段区（应以一行 --- 开始）"),
    (r"^the front-matter is not closed: no second --- line$", "字段区没有结束：缺少第二行 ---"),
    (r"^front-matter is not valid YAML: (.*)$", "字段区格式有误：{yaml}"),
    (r"^front-matter must be a list of fields \(name: value\)$", "字段区应为“字段名: 值”的形式，每行一个"),
    (r'^unknown (.+?) "(.*)" is ignored$', r"无法识别的\1“\2”，已忽略"),
    (r'^unknown (.+?) "(.*)"$', r"无法识别的\1“\2”"),
    (r'^"(.*)" does not look like a phone number$', r"“\1”不像电话号码"),
    (r'^"(.*)" does not look like an e-mail address$', r"“\1”不像电子邮箱地址"),
    (r"^a (\w+): link is not allowed and was removed$", r"不允许使用 \1: 链接，已删除"),
    (r'^issue "(.*)" has no status line; it is shown as unstated$', r"问题“\1”没有整改状态行，将显示为“未标明”"),
    (
        r"^no issue in this notice has a status line; all (\d+) are shown as 未标明 \(unstated\)$",
        r"本通报没有任何问题写明整改状态，\1 项问题都将显示为“未标明”",
    ),
    (r"^the notice gives the public no way to reach the publisher$", "通报没有提供任何联系方式，群众无法反映意见"),
    (r'^two notices have the same address "(.*)" \(also (.*)\)$', r"两份通报的页面地址相同：“\1”（另一份是 \2）"),
    (r'^section "(.*)" is empty$', r"方面“\1”下面没有内容"),
    (
        r'^issue id "(.*)" is used twice in this notice \(first at line (\d+)\)$',
        r"问题编号“\1”在本通报中重复（第一次出现在第 \2 行）",
    ),
    (r'^the text says "(.*)" but (\d+) (issues|sections) are listed$', r"正文写的是“\1”，但实际列出了 \2 个\3"),
    (r'^link to "#(.*)" points nowhere in this notice$', r"链接“#\1”在本通报中找不到对应位置"),
    (r'^link to "(.*)" points to nothing published$', r"链接“\1”指向的文件没有发布"),
    (r'^attachment "(.*)" is outside the content folder$', r"附件“\1”在 content 文件夹之外"),
    (r'^attachment "(.*)" does not exist$', r"附件“\1”不存在"),
    (r"^the output folder would overwrite the site's own files$", "输出文件夹会覆盖网站自身的文件"),
    (r"^the output folder is not empty and was not made by site-gen$", "输出文件夹不是空的，也不是 site-gen 生成的"),
    (
        r"^base_url is not set: no QR codes, no sitemap\.xml, and feeds and canonical links use relative addresses$",
        "未设置 base_url（网站地址）：不生成二维码和 sitemap.xml，订阅和规范链接使用相对地址",
    ),
    (r"^base_url must start with http:// or https://$", "base_url 必须以 http:// 或 https:// 开头"),
    (
        r"^(\S+) must be (zh or en|utf-8 or gb18030|true or false|a list of text values|a mapping.*)(, not .*)?$",
        r"\1 的写法不对：应为 \2\3",
    ),
    (r"^contact must be a mapping with phones, emails, address$", "contact 应包含 phones、emails、address 等字段"),
    (r"^statuses must map a canonical status to its wordings$", "statuses 应写成“标准状态: [本单位的写法]”"),
    (r"^site\.yaml is not UTF-8 text$", "site.yaml 不是 UTF-8 编码"),
    (r"^site\.yaml is not valid YAML: (.*)$", "site.yaml 格式有误：{yaml}"),
    (r"^site\.yaml must be a list of settings \(name: value\)$", "site.yaml 应为“设置名: 值”的形式"),
]

HINTS = [
    (r'^did you mean "?(.*?)"?\? allowed: (.*)$', r"是不是要写“\1”？可用的写法：\2"),
    (r"^allowed: (.*)$", r"可用的写法：\1"),
    (r"^did you mean (.*)\?$", r"是不是要写 \1？"),
    (r"^known(?: fields| settings)?: (.*)$", r"可用的名称：\1"),
    (r"^use one of: (.*)$", r"请使用其中之一：\1"),
    (r"^write it as 2025-04-02 or 2025年4月2日$", "日期请写成 2025-04-02 或 2025年4月2日"),
    (r"^add a line such as  (.*)  to the front-matter$", r"在字段区加一行，例如：\1"),
    (r"^write digits with an optional area code, e\.g\. (.*)$", r"请写数字，可带区号，例如 \1"),
    (r"^write it as name@example\.gov\.cn$", "请写成 name@example.gov.cn 的形式"),
    (
        r"^add contact: with phones, emails or address, or set a default contact in site\.yaml$",
        "请在字段区加 contact:（电话、邮箱或地址），或在 site.yaml 中设置默认联系方式",
    ),
    (
        r"^add a line such as 整改进度：整改完成 right under the heading$",
        "在问题标题下一行写整改状态，例如：整改进度：整改完成",
    ),
    (
        r"^that is fine when the original notice states none; otherwise add lines such as 整改进度：整改完成 under each issue heading$",
        "如果原通报本来就没有写整改状态，可以不改；否则请在每个问题标题下写一行，例如：整改进度：整改完成",
    ),
    (r"^check both dates: .*$", "请核对这两个日期：巡察结束晚于开始，反馈晚于结束，通报发布在最后"),
    (
        r"^an issue has one status line, right under its heading; split it into #### sub-problems if parts differ$",
        "每个问题只写一行整改状态（紧跟在标题下）；各部分状态不同时，请拆成 #### 子问题",
    ),
    (
        r"^keep the status lines of the sub-problems .*$",
        "保留各子问题（####）的状态行，删除问题本身的这一行：问题状态由子问题推算",
    ),
    (
        r"^#### is for an issue's sub-problems; put it under a ### issue heading$",
        "#### 用于子问题，请放在某个 ### 问题标题之下",
    ),
    (
        r"^start the file with ---, the title, organization and date, then --- again$",
        "文件第一行写 ---，然后写 title、organization、date，再写一行 ---",
    ),
    (r"^add a line with only --- after the last front-matter field$", "在最后一个字段后加一行 ---"),
    (
        r'^check the colon after each field name and quote values that contain ": "$',
        "检查每个字段名后面的冒号；值里含有“: ”时请加引号",
    ),
    (r"^write one field per line, e\.g\. (.*)$", r"每行写一个字段，例如 \1"),
    (r"^rename the file or set slug: to something like (.*)$", r"请改文件名，或设置 slug:，例如 \1"),
    (r"^write - path: files/survey\.pdf$", "请写成 - path: files/survey.pdf"),
    (r"^create content/ and put one \.md file per notice in it$", "请建立 content/ 文件夹，每份通报一个 .md 文件"),
    (r"^copy the notice into content/ instead of linking to it$", "请把通报文件复制到 content/，不要用链接"),
    (r"^keep large documents \(scans, PDFs\) as attachments and link to them$", "扫描件、PDF 等大文件请作为附件发布"),
    (r"^write the front-matter and the notice, or delete the file$", "请写入字段区和通报内容，或删除这个文件"),
    (
        r"^notices are plain-text \.md files; keep Word or PDF files as attachments$",
        "通报应为纯文本 .md 文件；Word、PDF 文件请作为附件",
    ),
    (
        r"^convert it: (.*), or set encoding: gb18030 in site\.yaml$",
        r"请转换编码：\1，或在 site.yaml 中设置 encoding: gb18030",
    ),
    (r"^save the file as UTF-8 in your editor$", "请在编辑器中另存为 UTF-8 编码"),
    (r"^link only to web pages .*$", "只能链接网页（https://…）、邮箱（mailto:…）、电话（tel:…）或随通报发布的文件"),
    (r"^give one of them a different slug: in its front-matter$", "请给其中一份在字段区设置不同的 slug:"),
    (r"^add its issues as ### headings, or remove the heading$", "请用 ### 标题写出其中的问题，或删除这个标题"),
    (r"^number issues uniquely within a section, .*$", "同一方面内问题编号不能重复，或在标题末尾用 {#编号} 指定"),
    (r"^check that no issue is missing, or correct the number$", "请核对是否漏列了问题，或改正数字"),
    (r"^issue anchors look like #s1-2; check the heading numbers$", "问题的位置标记形如 #s1-2，请核对标题编号"),
    (
        r"^list the file under attachments: in the front-matter, or link to a full address \(https://…\)$",
        "请在字段区的 attachments: 中列出该文件，或改用完整网址（https://…）",
    ),
    (r"^put the file next to the notice .*$", "请把文件放在通报旁边（如 files/survey.pdf），并使用该路径"),
    (r"^expected it at (.*)$", r"应位于 \1"),
    (r"^choose another --out, e\.g\. output/$", "请换一个 --out，例如 output/"),
    (r"^build into a new or empty folder; .*$", "请输出到新的或空的文件夹：site-gen 每次会整体替换输出文件夹"),
    (r"^add the site's public address, e\.g\. (.*)$", r"请填写网站的公开地址，例如 \1"),
    (r"^e\.g\.\n(.*)$", r"例如：\n\1"),
    (r"^e\.g\. (.*)$", r"例如 \1"),
    (r"^save it as UTF-8 in your editor$", "请在编辑器中另存为 UTF-8 编码"),
]

_MESSAGES = [(re.compile(p, re.S), r) for p, r in MESSAGES]
_HINTS = [(re.compile(p, re.S), r) for p, r in HINTS]
_WHAT = {
    "issues": "问题",
    "sections": "方面",
    "field": "字段",
    "setting": "设置",
    "contact field": "联系方式字段",
    "inspection field": "巡察字段",
    "canonical status": "标准状态",
}


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


def yaml_problem(problem: str) -> str:
    return YAML_PROBLEMS.get(problem.strip(), f"YAML 提示“{problem.strip()}”")


def translate(text: str, table) -> str:
    for pattern, replacement in table:
        match = pattern.match(text)
        if match:
            if "{yaml}" in replacement:
                return replacement.format(yaml=yaml_problem(match.group(1)))
            translated = match.expand(replacement)
            for english, chinese in _WHAT.items():
                translated = translated.replace(f"个{english}", f"个{chinese}").replace(
                    f"的{english}“", f"的{chinese}“"
                )
            return translated
    return text


def message(text: str) -> str:
    return translate(text, _MESSAGES)


def hint(text: str) -> str:
    text = text.replace(" (add your own wording under statuses: in site.yaml)", "")
    return translate(text, _HINTS) if text else text
