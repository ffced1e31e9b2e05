"""Check a page the way a careful reviewer would: axe-core, reflow, and a screenshot per step.

axe-core (through axe-playwright-python) runs every rule it has; any *serious* or *critical*
violation fails the step. The page is checked in each language by pressing the language
buttons in the page header, as a person would, and then switched back.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

LANGUAGES = ("az", "en", "ru")
BLOCKING = ("serious", "critical")
#: WCAG 1.4.10 Reflow: content fits 320 CSS px; 640 CSS px is a 1280 px screen at 200% zoom.
REFLOW_WIDTHS = (320, 640)

_axe = None


def axe() -> Axe:
    """Return the shared Axe runner (it reads the axe-core script once)."""
    global _axe
    if _axe is None:
        _axe = Axe()
    return _axe


def install_axe(context) -> None:
    """Load axe-core into every page of ``context`` as it opens (cheaper than injecting later)."""
    context.add_init_script(script=axe().axe_script)


def page_language(page) -> str:
    return page.evaluate("document.documentElement.lang")


def switch_language(page, code: str) -> None:
    """Press the header's language button for ``code`` and wait for the page to come back."""
    with page.expect_navigation():
        page.locator(f'.lang-switch button[value="{code}"]').click()
    assert page_language(page) == code, f"the page did not switch to {code}"


def axe_problems(page) -> list[str]:
    """Return one line per serious or critical axe-core violation on the page."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe().axe_script)  # a context opened without ``install_axe``
    violations = page.evaluate(
        "o => axe.run(document, o).then(r => r.violations)", {"resultTypes": ["violations"]}
    )
    lines = []
    for violation in violations:
        if violation["impact"] not in BLOCKING:
            continue
        for node in violation["nodes"][:5]:
            summary = " ".join(node.get("failureSummary", "").split())[:240]
            lines.append(
                f"{violation['id']} ({violation['impact']}) at {node['target']}: {summary}"
            )
    return lines


def reflow_problems(page) -> list[str]:
    """Return a line for each width at which the page scrolls sideways."""
    original = page.viewport_size
    lines = []
    try:
        for width in REFLOW_WIDTHS:
            if original and width > original["width"]:
                continue  # a phone is narrower than 640 px already
            page.set_viewport_size({"width": width, "height": 800})
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if scroll > width:
                wide = page.evaluate(WIDEST_SCRIPT, width)
                lines.append(f"scrolls sideways at {width} px (content {scroll} px): {wide}")
    finally:
        page.set_viewport_size(original)
    return lines


# Name the elements that stick out, so a failure says what to fix.
WIDEST_SCRIPT = r"""(width) => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.right > width + 1 && !el.closest('.table-responsive')) {
      const cls = typeof el.className === 'string' && el.className ?
        '.' + el.className.trim().split(/\s+/).join('.') : '';
      out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + cls);
    }
  }
  return out.slice(-5).join(', ');
}"""


class Auditor:
    """Screenshot each step of a journey and collect accessibility problems per language."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.counter = itertools.count(1)
        self.checked: list[tuple[str, str]] = []

    def __call__(
        self, page, step: str, *, languages=LANGUAGES, reflow: bool = True, also=None
    ) -> None:
        """Check ``page`` now (and in the other ``languages``); fail listing what is wrong.

        Pass ``languages=()`` for a page that only a POST shows (a form with errors): the
        language buttons would load it again by GET, so only the current language is checked.
        ``also(page, code)`` runs the test's own checks in each language.
        """
        number = next(self.counter)
        page.screenshot(path=str(self.folder / f"{number:02d}-{step}.png"), full_page=True)
        start = page_language(page)
        problems = self._check(page, start, reflow, also)
        others = [code for code in languages if code != start]
        for code in others:
            switch_language(page, code)
            problems += self._check(page, code, reflow, also)
        if others:
            switch_language(page, start)
        assert not problems, f"step {step!r} at {page.url}:\n" + "\n".join(problems)

    def _check(self, page, code: str, reflow: bool, also) -> list[str]:
        self.checked.append((page.url, code))
        if also is not None:
            also(page, code)
        lines = axe_problems(page)
        if reflow:
            lines += reflow_problems(page)
        return [f"[{code}] {line}" for line in lines]
