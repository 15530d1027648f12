"""The progress line shows on a terminal, in the site's language, and stays out of logs."""

import io

from site_gen.commands.progress_line import ProgressLine


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_terminal_gets_a_rewritten_line_with_phase_counts_and_times():
    stream = Terminal()
    progress = ProgressLine("en", stream, every=0)
    progress(50, 100, "pages")
    progress(100, 100, "pages")
    progress.finish()
    text = stream.getvalue()
    assert "\r  making notice pages 50/100  0s, about 0s left" in text and "100/100" in text
    assert text.endswith("\r")  # the line is cleared for the summary that follows


def test_the_line_is_chinese_on_a_chinese_site_and_names_each_phase():
    stream = Terminal()
    progress = ProgressLine("zh", stream, every=0)
    progress(1, 4, "reading")
    progress(2, 8, "lists")
    progress(0, 1, "search")
    text = stream.getvalue()
    assert "正在读取通报 1/4" in text and "正在生成列表页面 2/8" in text and "正在建立搜索索引 0/1" in text
    assert "已用 0 秒，约剩" in text


def test_log_gets_nothing_while_it_works():
    stream = io.StringIO()
    progress = ProgressLine("en", stream, every=0)
    progress(1, 2)
    progress(2, 2)
    progress.finish()
    assert stream.getvalue() == ""


def test_verbose_gives_a_log_one_line_per_phase():
    stream = io.StringIO()
    progress = ProgressLine("zh", stream, every=0, verbose=True)
    progress(3, 3, "pages")
    progress(5, 5, "lists")
    progress.finish()
    lines = stream.getvalue().splitlines()
    assert [line.split("，")[0] for line in lines] == ["  正在生成通报页面：3 项", "  正在生成列表页面：5 项"]
