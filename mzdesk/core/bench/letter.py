"""Figure: render one referral letter vs bare reportlab drawing the same content (≤ 1.5×).

The sample letter and both renderings come from ``mzdesk.core.letters.bench``: the real
``ReferralLetterRenderer`` (letter and feedback slip) against a bare canvas that draws the
same text with the same fonts and no templates.
"""

from __future__ import annotations

from mzdesk.core.bench.harness import Figure, Target, interleaved, timed

KEY = "referral_letter"
BATCH_KEY = "referral_letter_batch"
BATCH_SIZE = 100


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


def batch_figure() -> Figure:
    return Figure(
        key=BATCH_KEY,
        title=f"render a batch of {BATCH_SIZE} referral letters",
        baseline_title=f"bare reportlab drawing the same {BATCH_SIZE} letters",
        target=Target(max_ratio=1.5),
    )


def measure_batch(runs: int) -> Figure:
    """100 different letters rendered one after another, as "print today's letters" does."""
    from mzdesk.core.letters.bench import batch_letters, render_batch, render_batch_bare

    letters = batch_letters(BATCH_SIZE)
    samples, baseline = interleaved(
        lambda: timed(lambda: render_batch(letters)),
        lambda: timed(lambda: render_batch_bare(letters)),
        max(1, min(runs, 3)),
    )
    seconds = sorted(samples)[len(samples) // 2] / 1000
    note = f"{BATCH_SIZE} letters, two pages each: {BATCH_SIZE / seconds:.0f} letters/s"
    return batch_figure().record(samples, baseline, note=note)
