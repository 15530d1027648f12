"""The publisher's contact details, from the paragraph that invites the public to supervise.

The shapes of a phone number and an e-mail address are the notice grammar's (site_gen/grammar.py),
the same that check accepts in contact: fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..notice.grammar import EMAIL_IN_TEXT as EMAIL
from ..notice.grammar import PHONE_IN_TEXT as PHONE

ADDRESS = re.compile(r"(?:通信地址|通讯地址|邮寄地址|联系地址|地址)\s*[:：]?\s*([^；;。,，]+)")
INVITES = re.compile(r"(监督|意见建议|联系方式|联系电话|电子邮箱|邮箱|电话|来信|举报|地址|邮编)")
MAILBOX = re.compile(r"([^，,；;。]*(?:信箱|意见箱|邮政信箱)[^，,；;。]*)")
MAX_LINE = 400  # an invitation to supervise is a sentence or two; longer lines are prose
TAIL = 8  # the invitation sits in the last lines, before the signature


@dataclass
class Contacts:
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    address: str = ""
    other: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


def continues(line: str, following: str) -> bool:
    """Pieces of one address broken by the layout (also across a blank line), that only make sense together.

    "…@163." + "com", "xczg" + "@163.com", "电话：0530-" + "1234567", "通信地址：示例县" + "建设路8号".
    """
    if not following or INVITES.search(following[:6]) or len(line) > MAX_LINE:
        return False
    email_cut = re.search(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]*$|[A-Za-z0-9.\-]+[@.]$", line)
    if email_cut and not re.search(EMAIL.pattern + "$", line) and re.match(r"^[A-Za-z0-9.]", following):
        return True
    if re.search(r"(邮箱|e-?mail)\s*[:：]?\s*[A-Za-z0-9._%+\-]+$", line, re.I) and following.startswith("@"):
        return True
    if re.search(r"(电话|热线)\s*[:：]?\s*[(（]?\d{3,4}[)）]?[\-—－–]$", line) and re.match(r"^\d{7,8}", following):
        return True
    address = ADDRESS.search(line)
    return address is not None and address.end() == len(line) and len(following) <= 30 and not following.endswith("：")


def joined_lines(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The last lines with split addresses joined (blank lines are already gone from the body)."""
    tail = list(body[-TAIL:])
    joined: list[tuple[int, str]] = []
    for number, line in tail:
        if joined and continues(joined[-1][1], line):
            joined[-1] = (joined[-1][0], joined[-1][1] + line)
        else:
            joined.append((number, line))
    return joined


def find_contacts(body: list[tuple[int, str]]) -> Contacts:
    """Contacts from the lines near the end that invite supervision; the website footer is already gone."""
    contacts = Contacts()
    for number, line in joined_lines(body):
        if not INVITES.search(line) or len(line) > MAX_LINE:
            continue
        if take_contacts(line, contacts):
            contacts.lines.append(number)
    return contacts


def take_contacts(line: str, contacts: Contacts) -> bool:
    """Every e-mail, phone, address and mailbox the line gives; True when it gave any."""
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
    for match in ADDRESS.finditer(without_emails):
        address = match.group(1).strip()
        if not contacts.address:
            contacts.address = address
        elif address != contacts.address and f"地址：{address}" not in contacts.other:
            contacts.other.append(f"地址：{address}")  # the model has one address; the others are kept visible
        found = True
    for mailbox in MAILBOX.findall(without_emails):
        contacts.other.append(mailbox.strip())
        found = True
    return found
