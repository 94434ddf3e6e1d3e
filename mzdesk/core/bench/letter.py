"""Figure: render one referral letter vs bare reportlab drawing the same content (≤ 1.5×).

The sample letter and both renderings come from ``mzdesk.core.letters.bench``: the real
``ReferralLetterRenderer`` (letter and feedback slip) against a bare canvas that draws the
same text with the same fonts and no templates.
"""

from __future__ import annotations

from mzdesk.core.bench.harness import Figure, Target, interleaved, timed

KEY = "referral_letter"


def figure() -> Figure:
    return Figure(
        key=KEY,
        title="render one referral letter",
        baseline_title="bare reportlab drawing the same content",
        target=Target(max_ratio=1.5),
    )


def measure(runs: int) -> Figure:
    from mzdesk.core.letters.bench import render_bare, render_with_renderer, sample_letter

    letter = sample_letter()
    samples, baseline = interleaved(
        lambda: timed(lambda: render_with_renderer(letter)),
        lambda: timed(lambda: render_bare(letter)),
        runs,
    )
    return figure().record(samples, baseline, note="two pages: letter and feedback slip")
