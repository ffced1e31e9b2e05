"""The auditor itself: it must fail on the problems it claims to catch."""

import pytest


def test_auditor_reports_axe_violations_and_sideways_scrolling(page, audit, live_server):
    page.goto("/")
    page.evaluate("""() => {
      const img = document.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.querySelector('main').append(img);
      const wide = document.createElement('div');
      wide.id = 'too-wide';
      wide.style.width = '500px';
      wide.textContent = 'wide';
      document.querySelector('main').append(wide);
    }""")
    with pytest.raises(AssertionError) as failure:
        audit(page, "broken", languages=())
    message = str(failure.value)
    assert "image-alt (critical)" in message
    assert "scrolls sideways at 320 px" in message and "div#too-wide" in message
