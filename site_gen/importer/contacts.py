"""The publisher's contact details, from the paragraph that invites the public to supervise."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
PHONE = re.compile(
    r"(?<![\d\-])(?:[(（]?0\d{2,3}[)）]?[\-—－–\s]?)?\d{7,8}(?!\d)"  # 0530-1234567, 0530—1234567, 8419109
    r"|(?<!\d)1[3-9]\d{9}(?!\d)"  # mobile
    r"|(?<!\d)123(?:88|45)(?!\d)"  # 12388 discipline hotline, 12345 citizen hotline
)
EMAIL_CUT = re.compile(r"(?:[@.]|@[A-Za-z0-9.\-]*)$")
ADDRESS = re.compile(r"(?:通信地址|通讯地址|邮寄地址|联系地址|地址)\s*[:：]?\s*([^；;。,，]+)")
INVITES = re.compile(r"(监督|意见建议|联系方式|联系电话|电子邮箱|邮箱|电话|来信|举报)")
MAILBOX = re.compile(r"([^，,；;。]*(?:信箱|意见箱|邮政信箱)[^，,；;。]*)")


@dataclass
class Contacts:
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    address: str = ""
    other: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


def cut_email(line: str, following: str) -> bool:
    """An e-mail split over two lines by the page layout: "…@163." + "com。", "…@exa" + "mple.com"."""
    complete = re.search(EMAIL.pattern + "$", line)
    return bool(EMAIL_CUT.search(line)) and not complete and bool(re.match(r"^[A-Za-z0-9.]", following))


def find_contacts(body: list[tuple[int, str]]) -> Contacts:
    """Contacts from the lines near the end that invite supervision; the website footer is already gone."""
    contacts = Contacts()
    tail = body[-8:]
    for position, (number, line) in enumerate(tail):
        if not INVITES.search(line) or len(line) > 400:
            continue
        if position + 1 < len(tail) and cut_email(line, tail[position + 1][1]):
            line = line + tail[position + 1][1]
        found = False
        for email in EMAIL.findall(line):
            email = email.rstrip(".")
            if email not in contacts.emails:
                contacts.emails.append(email)
                found = True
        without_emails = EMAIL.sub(" ", line)
        for phone in PHONE.findall(without_emails):
            phone = re.sub(r"[—－–]", "-", phone).strip()
            if phone not in contacts.phones:
                contacts.phones.append(phone)
                found = True
        if (match := ADDRESS.search(without_emails)) and not contacts.address:
            contacts.address = match.group(1).strip()
            found = True
        for mailbox in MAILBOX.findall(without_emails):
            contacts.other.append(mailbox.strip())
            found = True
        if found:
            contacts.lines.append(number)
    return contacts
