"""A QR code per notice, so a printed notice or a poster leads a phone straight to the page."""

from __future__ import annotations

MASK = 2
BORDER = 4  # the quiet zone scanners need, in modules
SCALE = 4  # pixels per module


def qr_svg(url: str, label: str) -> str:
    """Inline SVG (no image request, prints crisply); deterministic for the same URL.

    segno encodes; the SVG is ours, one path of horizontal runs per row. On a 1,000-notice build
    segno's own writer, mask scoring and error-level boosting took a quarter of the time.
    """
    import segno  # here: a rebuild with nothing to do never loads it (60 ms)

    code = segno.make(url, error="m", micro=False, mask=MASK, boost_error=False)
    size = len(code.matrix) + 2 * BORDER
    return (
        f'<svg width="{size * SCALE}" height="{size * SCALE}" viewBox="0 0 {size} {size}" class="qr__code" '
        f'role="img" aria-label="{label}"><path fill="#fff" d="M0 0h{size}v{size}h-{size}z"/>'
        f'<path stroke="#000" d="{_runs(code.matrix)}"/></svg>'
    )


def _runs(matrix) -> str:
    """Each row's dark runs as strokes one module thick, drawn through the middle of the row."""
    moves = []
    for y, row in enumerate(matrix):
        x, width = 0, len(row)
        while x < width:
            if row[x]:
                start = x
                while x < width and row[x]:
                    x += 1
                moves.append(f"M{start + BORDER} {y + BORDER}.5h{x - start}")
            else:
                x += 1
    return "".join(moves)
