"""Geometry of the small inline SVG charts, so that templates only place what is computed here."""

from dataclasses import dataclass

from foi.requests.states import Outcome

# Colour-blind-safe (Okabe-Ito) fills; the legend and the table carry the meaning too.
OUTCOME_FILLS = {
    Outcome.GIVEN: "#009E73",
    Outcome.PARTIAL: "#56B4E9",
    Outcome.REFUSED: "#D55E00",
    Outcome.NOT_HELD: "#999999",
}
WIDTH, HEIGHT = 560, 220
LEFT, BOTTOM, TOP = 40, 28, 10


@dataclass(frozen=True)
class Segment:
    """One outcome's part of a year's bar."""

    outcome: str
    count: int
    x: float
    y: float
    width: float
    height: float
    fill: str


@dataclass(frozen=True)
class Bar:
    """One year's bar, split by outcome."""

    year: int
    total: int
    label_x: float
    segments: list[Segment]


@dataclass(frozen=True)
class Chart:
    """The outcomes-by-year chart, laid out for the SVG template."""

    width: int
    height: int
    baseline: float
    maximum: int
    ticks: list[tuple[int, float]]
    bars: list[Bar]
    fills: dict[str, str]


def _nice_max(value: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000):
        if value <= step * 4:
            return step * 4
    return -(-value // 10_000) * 10_000


def outcome_chart(by_year: dict[int, dict[str, int]]) -> Chart | None:
    """Lay out a stacked bar per year of answers by outcome; None when there is nothing."""
    if not by_year or not any(sum(v.values()) for v in by_year.values()):
        return None
    maximum = _nice_max(max(sum(v.values()) for v in by_year.values()))
    plot_h = HEIGHT - BOTTOM - TOP
    baseline = HEIGHT - BOTTOM
    slot = (WIDTH - LEFT) / len(by_year)
    bar_w = min(60.0, slot * 0.6)
    bars = []
    for i, (year, counts) in enumerate(sorted(by_year.items())):
        x = LEFT + i * slot + (slot - bar_w) / 2
        y = float(baseline)
        segments = []
        for outcome in tuple(Outcome):
            n = counts.get(outcome, 0)
            if not n:
                continue
            h = plot_h * n / maximum
            y -= h
            segments.append(
                Segment(
                    outcome,
                    n,
                    round(x, 1),
                    round(y, 1),
                    round(bar_w, 1),
                    round(h, 1),
                    OUTCOME_FILLS[outcome],
                )
            )
        bars.append(Bar(year, sum(counts.values()), round(x + bar_w / 2, 1), segments))
    ticks = [(maximum * k // 4, round(baseline - plot_h * k / 4, 1)) for k in range(5)]
    return Chart(WIDTH, HEIGHT, baseline, maximum, ticks, bars, OUTCOME_FILLS)
