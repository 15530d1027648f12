"""The status order and the progress arithmetic that every page and export relies on."""

from site_gen.notice.model import Issue, Progress, Status, StatusLine, SubProblem, least_advanced


def issue(status: Status | None, subs: tuple[Status | None, ...] = ()) -> Issue:
    def line(s):
        return StatusLine(wording=s.value, status=s, line=1) if s else None

    sub_problems = tuple(
        SubProblem(id=f"x-{k}", title="", status_line=line(s), body_html="", line=1) for k, s in enumerate(subs)
    )
    return Issue(
        id="x", number="1", title="", status_line=line(status), body_html="", line=1, sub_problems=sub_problems
    )


def test_order_from_least_to_most_advanced():
    order = [
        Status.NOT_STARTED,
        Status.IN_PROGRESS,
        Status.PHASE_DONE,
        Status.DEEMED_DONE,
        Status.DONE_ONGOING,
        Status.DONE,
    ]
    assert sorted(order, key=lambda s: s.rank) == order
    assert Status.UNSTATED.rank < Status.NOT_STARTED.rank


def test_least_advanced_takes_the_weakest_and_unknown_wins():
    assert least_advanced([Status.DONE, Status.DEEMED_DONE, Status.DONE_ONGOING]) is Status.DEEMED_DONE
    assert least_advanced([Status.DONE, Status.UNSTATED]) is Status.UNSTATED
    assert least_advanced([]) is Status.UNSTATED


def test_issue_status_is_derived_from_its_sub_problems():
    assert issue(None, (Status.DONE, Status.IN_PROGRESS)).status is Status.IN_PROGRESS
    assert issue(Status.PHASE_DONE).status is Status.PHASE_DONE
    assert issue(None).status is Status.UNSTATED


def test_progress_counts_completed_and_rate():
    issues = [issue(Status.DONE), issue(Status.DONE), issue(Status.DEEMED_DONE), issue(Status.IN_PROGRESS), issue(None)]
    progress = Progress.of(issues)
    assert progress.total == 5
    assert progress.count(Status.DONE) == 2
    assert progress.completed == 3  # 视同完成 counts as completed, as round summaries count it
    assert progress.unstated == 1
    assert progress.completion_rate == 3 / 5
    assert [s for s, _ in progress.counts] == [Status.DONE, Status.DEEMED_DONE, Status.IN_PROGRESS, Status.UNSTATED]


def test_no_rate_when_nothing_is_stated():
    assert Progress.of([issue(None), issue(None)]).completion_rate is None
    assert Progress.of([]).completion_rate is None
