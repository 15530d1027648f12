"""Every UI string of the default theme, in one place per language.

Templates use ``t.key``; ``language: en`` in site.yaml switches them all.
"""

from __future__ import annotations

from .model import Status

STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "skip_to_content": "跳到正文",
        "home": "首页",
        "notices": "整改通报",
        "all_notices": "全部整改通报",
        "index_lead": "各单位巡察整改进展情况通报，每项问题的整改状态一目了然。",
        "no_notices": "暂无已发布的通报。",
        "issues_count": "{n} 项问题",
        "completion_rate": "完成率",
        "completed_of": "已完成 {done} 项，共 {total} 项",
        "no_status_stated": "本通报未标明各项问题的整改状态",
        "unstated_note": "其中 {n} 项未标明整改状态，不计入已完成。",
        "progress": "整改进展概况",
        "progress_bar_label": "各状态问题数量",
        "legend": "状态说明",
        "contents": "目录",
        "published": "发布日期",
        "organization": "发布单位",
        "inspection": "巡察情况",
        "inspection_group": "巡察组",
        "inspection_round": "巡察轮次",
        "inspection_period": "巡察时间",
        "inspection_feedback": "反馈时间",
        "period_to": "至",
        "status": "整改状态",
        "as_written": "原文",
        "sub_problems": "具体问题",
        "signature": "落款",
        "contact": "联系方式",
        "default_invitation": "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请通过以下方式向我们反映。",
        "phone": "电话",
        "email": "电子邮箱",
        "address": "通信地址",
        "other_channels": "其他渠道",
        "attachments": "附件",
        "footer_host": "主办单位",
        "footer_site_id": "网站标识码",
        "footer_icp": "ICP备案号",
        "footer_police": "公网安备",
        "open_data": "开放数据（JSON）",
        "draft": "草稿",
        "draft_banner": "草稿：本页仅供预览，尚未发布。",
        "back_to_top": "返回顶部",
        "generated_by": "本站由 site-gen 生成",
        "error_title": "预览出错：请修改以下问题",
        "error_lead": "网站内容中有 {n} 处错误，修改之前无法生成页面。",
        "error_hint": "修改建议",
        "error_recover": "保存修改后，本页会自动刷新为正常页面。",
    },
    "en": {
        "skip_to_content": "Skip to main content",
        "home": "Home",
        "notices": "Notices",
        "all_notices": "All rectification notices",
        "index_lead": "Rectification-progress notices: the status of every problem at a glance.",
        "no_notices": "No notices have been published yet.",
        "issues_count": "{n} issues",
        "completion_rate": "Completion rate",
        "completed_of": "{done} of {total} completed",
        "no_status_stated": "This notice does not state the status of its issues",
        "unstated_note": "{n} issues have no stated status and are not counted as completed.",
        "progress": "Progress summary",
        "progress_bar_label": "Issues per status",
        "legend": "What the statuses mean",
        "contents": "Contents",
        "published": "Published",
        "organization": "Published by",
        "inspection": "Inspection",
        "inspection_group": "Inspection group",
        "inspection_round": "Round",
        "inspection_period": "Inspection period",
        "inspection_feedback": "Findings delivered",
        "period_to": "to",
        "status": "Status",
        "as_written": "As written",
        "sub_problems": "Parts of this issue",
        "signature": "Signed",
        "contact": "Contact",
        "default_invitation": "We welcome public scrutiny of this rectification. Please send comments and suggestions through the channels below.",
        "phone": "Phone",
        "email": "E-mail",
        "address": "Postal address",
        "other_channels": "Other channels",
        "attachments": "Attachments",
        "footer_host": "Run by",
        "footer_site_id": "Site ID",
        "footer_icp": "ICP licence",
        "footer_police": "Public security filing",
        "open_data": "Open data (JSON)",
        "draft": "Draft",
        "draft_banner": "Draft: preview only, not published.",
        "back_to_top": "Back to top",
        "generated_by": "Built with site-gen",
        "error_title": "Preview error: please fix the following",
        "error_lead": "The site has {n} error(s); pages cannot be built until they are fixed.",
        "error_hint": "How to fix",
        "error_recover": "Save your fix and this page reloads to the real page by itself.",
    },
}

STATUS_LABELS: dict[str, dict[Status, str]] = {
    "zh": {
        Status.DONE: "整改完成",
        Status.DONE_ONGOING: "完成并长期坚持",
        Status.DEEMED_DONE: "视同完成",
        Status.PHASE_DONE: "阶段性完成",
        Status.IN_PROGRESS: "正在整改",
        Status.NOT_STARTED: "尚未开始",
        Status.UNSTATED: "未标明",
    },
    "en": {
        Status.DONE: "Completed",
        Status.DONE_ONGOING: "Completed, ongoing",
        Status.DEEMED_DONE: "Deemed completed",
        Status.PHASE_DONE: "Phase completed",
        Status.IN_PROGRESS: "In progress",
        Status.NOT_STARTED: "Not started",
        Status.UNSTATED: "Not stated",
    },
}

STATUS_DESCRIPTIONS: dict[str, dict[Status, str]] = {
    "zh": {
        Status.DONE: "问题已整改到位。",
        Status.DONE_ONGOING: "已整改到位，并需长期坚持。",
        Status.DEEMED_DONE: "视同完成（按完成计），仍在持续整改。",
        Status.PHASE_DONE: "本阶段任务完成，仍需长期坚持。",
        Status.IN_PROGRESS: "正在整改，尚未完成。",
        Status.NOT_STARTED: "整改尚未开始。",
        Status.UNSTATED: "通报未写明整改状态，本站不作推断。",
    },
    "en": {
        Status.DONE: "The problem has been fixed.",
        Status.DONE_ONGOING: "Fixed, and the measures are kept up long-term.",
        Status.DEEMED_DONE: "Counted as completed; work continues.",
        Status.PHASE_DONE: "This phase is completed; work must be kept up.",
        Status.IN_PROGRESS: "Being fixed, not yet completed.",
        Status.NOT_STARTED: "Work has not started.",
        Status.UNSTATED: "The notice does not state a status; we do not guess one.",
    },
}


class UIStrings(dict):
    """Strings of one language, readable as attributes in templates (t.home)."""

    __getattr__ = dict.__getitem__


def ui_strings(language: str) -> UIStrings:
    return UIStrings(STRINGS[language])
