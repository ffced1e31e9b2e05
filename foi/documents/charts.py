"""Simple charts as inline SVG for the PDF reports (WeasyPrint draws SVG natively)."""

from collections.abc import Sequence

from markupsafe import Markup, escape

_BAR = "#2f4f6f"


def bar_chart_svg(
    rows: Sequence[tuple[str, float]],
    width: int = 480,
    bar_height: int = 16,
    label_width: int = 190,
) -> Markup:
    """Return a horizontal bar chart of ``(label, value)`` rows as an ``<svg>`` element."""
    rows = [(str(label), max(0, value or 0)) for label, value in rows]
    top = max((value for _, value in rows), default=0) or 1
    gap = 8
    height = len(rows) * (bar_height + gap) + gap
    room = width - label_width - 60
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" class="chart">'
        )
    ]
    for i, (label, value) in enumerate(rows):
        y = gap + i * (bar_height + gap)
        length = room * value / top
        baseline = y + bar_height * 0.75
        parts.append(
            f'<text x="{label_width - 6}" y="{baseline:.1f}" text-anchor="end" '
            f'font-size="9">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" '
            f'fill="{_BAR}"/>'
            f'<text x="{label_width + length + 4:.1f}" y="{baseline:.1f}" '
            f'font-size="9">{escape(_number(value))}</text>'
        )
    parts.append("</svg>")
    # S704 is a false positive here: our own numbers and escape()d labels.
    return Markup("".join(parts))  # noqa: S704


def _number(value: float) -> str:
    return f"{value:,.0f}".replace(",", " ") if float(value).is_integer() else f"{value:.1f}"
