"""The progress line shows on a terminal and stays out of logs."""

import io

from site_gen.commands.progress_line import ProgressLine


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_terminal_gets_a_rewritten_line():
    stream = Terminal()
    progress = ProgressLine(stream, every=0)
    progress(50, 100)
    progress(100, 100)
    text = stream.getvalue()
    assert "\r  rendering pages 50/100" in text and "100/100" in text and "left" in text
    assert text.endswith("\r")  # the line is cleared for the summary that follows


def test_log_gets_nothing():
    stream = io.StringIO()
    progress = ProgressLine(stream, every=0)
    progress(1, 2)
    progress(2, 2)
    assert stream.getvalue() == ""
