"""Where a one-notice-changed build spends its time: cProfile of build_site after an edit, in-process.

    python bench/profile_one_changed.py bench/_work/site-5000 bench/_work/out-5000 [--sort cumulative]

Edits one notice's title, builds twice unprofiled (the first may be a full build if the code or templates
changed since the site was last built), then profiles a third build after another edit and prints the top
functions. The notice is restored afterwards.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from pathlib import Path

from site_gen.commands.build import build_site


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--sort", default="cumulative")
    args = parser.parse_args()
    notice = sorted((args.site / "content").rglob("*.md"))[7]
    original = notice.read_text(encoding="utf-8")
    profile = Path(tempfile.mkdtemp()) / "one-changed.prof"
    try:
        for edit in range(3):
            notice.write_text(original.replace("title: ", f"title: 剖析{edit}", 1), encoding="utf-8")
            if edit < 2:
                started = time.perf_counter()
                build_site(args.site, args.out, search=False)
                print(f"build {edit + 1}: {time.perf_counter() - started:.2f} s")
            else:
                cProfile.runctx(
                    "build_site(site, out, search=False)", globals(), {"site": args.site, "out": args.out}, str(profile)
                )
    finally:
        notice.write_text(original, encoding="utf-8")
    pstats.Stats(str(profile)).sort_stats(args.sort).print_stats(40)


if __name__ == "__main__":
    main()
