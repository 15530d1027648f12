"""`site-gen new site DIR`: a new site folder that builds at once.

The files are copied from site_gen/starter/<language>/ (package data, so a pip-installed site-gen has them):
a commented site.yaml, one example notice marked draft: true, an empty templates/ with a note on overriding,
and a .gitignore. Nothing is ever overwritten: a folder that already holds anything is refused.
"""

from __future__ import annotations

import shutil
from pathlib import Path

STARTER = Path(__file__).resolve().parents[1] / "starter"
LANGUAGES = ("zh", "en")
# Stored without its dot: a dotfile inside a package is easy to lose when the package is built.
RENAMED = {"gitignore": ".gitignore"}

MESSAGES = {
    "zh": {
        "not_empty": "{dir} 已经存在且不是空文件夹，没有创建任何文件（已有文件都没有动）。",
        "not_empty_hint": "请换一个新的文件夹名，或者先把 {dir} 清空。",
        "not_folder": "{dir} 是一个文件，不是文件夹，没有创建任何文件。",
        "created": "已在 {dir} 创建新网站。",
        "next": "下一步：\n"
        "  1. 打开 {dir}/site.yaml，改成本单位的网站名称和联系方式；\n"
        "  2. 参照示例通报 {dir}/content/example.md 写通报，或者运行  site-gen new notice --site {dir}\n"
        "  3. 预览：site-gen serve --site {dir}    发布：site-gen build --site {dir}（生成到 {dir}/output/）",
    },
    "en": {
        "not_empty": "{dir} already exists and is not empty: nothing was created (its files were not touched).",
        "not_empty_hint": "choose a new folder name, or empty {dir} first.",
        "not_folder": "{dir} is a file, not a folder: nothing was created.",
        "created": "Created a new site in {dir}.",
        "next": "Next:\n"
        "  1. open {dir}/site.yaml and set your site's title and contact details;\n"
        "  2. write notices like the example {dir}/content/example.md, or run  site-gen new notice --site {dir}\n"
        "  3. preview: site-gen serve --site {dir}    publish: site-gen build --site {dir} (into {dir}/output/)",
    },
}


class ScaffoldError(Exception):
    """The folder cannot take a new site; the message says why and what to do."""


def new_site(folder: Path, language: str = "zh") -> list[Path]:
    """Create the site in folder (made if missing) and return the files written."""
    words = MESSAGES[language]
    if folder.exists() and not folder.is_dir():
        raise ScaffoldError(words["not_folder"].format(dir=folder))
    if folder.is_dir() and any(folder.iterdir()):
        raise ScaffoldError(words["not_empty"].format(dir=folder) + "\n" + words["not_empty_hint"].format(dir=folder))
    source = STARTER / language
    written = []
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        target = folder / relative.with_name(RENAMED.get(relative.name, relative.name))
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            written.append(target)
    return written


def created_message(folder: Path, language: str) -> str:
    words = MESSAGES[language]
    return words["created"].format(dir=folder) + "\n" + words["next"].format(dir=folder)
