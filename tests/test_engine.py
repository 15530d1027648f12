"""The site model: one record per content file, read once, reused while the file is unchanged."""

from __future__ import annotations

from site_gen.engine import site as engine
from site_gen.engine.site import Site

NOTICE = "content/2025/linjiang-shuiwuju.md"


def loaded(site_dir, stored=None) -> Site:
    site = Site.open(site_dir, drafts=False)
    site.load(stored or {})
    return site


def test_every_content_file_has_one_record(site):
    site = loaded(site)
    assert sorted(site.records) == sorted(
        p.relative_to(site.config.root).as_posix() for p in (site.config.root / "content").rglob("*.md")
    )
    assert site.summaries().keys() == site.records.keys()
    published = site.published().summaries
    assert [s.date for s in published] == sorted((s.date for s in published), reverse=True)
    assert not any(s.draft for s in published)


def test_stored_records_are_reused_until_their_file_changes(site, monkeypatch):
    first = loaded(site)
    reads = []
    real = engine.read_record
    monkeypatch.setattr(engine, "read_record", lambda *a: reads.append(a[0]) or real(*a))
    loaded(site, first.records)
    assert reads == []
    path = site / NOTICE
    path.write_text(path.read_text(encoding="utf-8").replace("title: ", "title: 改", 1), encoding="utf-8")
    again = loaded(site, first.records)
    assert reads == [path] and again.summaries()[NOTICE].title.startswith("改")


def test_update_reads_a_changed_file_and_forgets_a_deleted_one(site):
    model = loaded(site)
    (site / NOTICE).unlink()
    model.update([NOTICE])
    assert NOTICE not in model.records


def test_a_static_file_may_not_take_a_generated_address(site):
    (site / "static").mkdir()
    (site / "static" / "index.html").write_text("<p>mine</p>")
    model = loaded(site)
    model.declared()
    assert [d.code for d in model.diagnostics() if d.severity == "error"] == ["static-replaces-page"]


def test_an_attachment_may_not_take_another_notices_page(site):
    (site / "content" / "2025" / "linjiang-shuiwuju.html").write_text("an old export")
    sifaju = site / "content" / "2025" / "linjiang-sifaju.md"
    text = sifaju.read_text(encoding="utf-8")
    attached = "  - {path: linjiang-shuiwuju.html, title: 旧版}\n"
    sifaju.write_text(text.replace("attachments:\n", "attachments:\n" + attached), encoding="utf-8")
    model = loaded(site)
    model.declared()
    assert [d.code for d in model.diagnostics() if d.severity == "error"] == ["address-shared"]
