"""Throughput of the NLP pipeline against plain jieba on the same text.

    python -m budgetlens.nlp.bench [--seeds ../shared/seeds] [--repeat 5]

The text is the narrative of each seed (its lines without tab-separated table cells),
one Doc per seed. jieba is timed with the pipeline's own `jieba.Tokenizer` instance
(`nlp.tokenizer.cut`), so dictionary and HMM settings are identical. Target: the full
pipeline at ≥ 0.5× jieba's chars/s.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from budgetlens.nlp import load


@dataclass(frozen=True)
class BenchResult:
    chars: int
    docs: int
    load_first_s: float  # builds jieba's prefix dict (or reads its cache): once per process
    load_again_s: float  # a second pipeline in the same process: copies the prefix dict
    jieba_cps: float
    tokenizer_cps: float
    pipeline_cps: float
    amounts: int

    @property
    def ratio(self) -> float:
        return self.pipeline_cps / self.jieba_cps


def text_to_narrative(text: str) -> str:
    """Converter text minus its table rows (tab-separated cells) and blank lines."""
    return "\n".join(line for line in text.splitlines() if line.strip() and "\t" not in line)


def _best_seconds(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def _timed(run: Callable[[], object]) -> tuple[object, float]:
    start = time.perf_counter()
    value = run()
    return value, time.perf_counter() - start


def bench_texts(texts: Sequence[str], repeat: int = 5) -> BenchResult:
    nlp, load_first = _timed(load)
    _, load_again = _timed(load)
    tokenizer = nlp.tokenizer
    chars = sum(len(t) for t in texts)
    jieba_s = _best_seconds(lambda: [list(tokenizer.cut(t)) for t in texts], repeat)
    tokenizer_s = _best_seconds(lambda: [tokenizer(t) for t in texts], repeat)
    pipeline_s = _best_seconds(lambda: list(nlp.pipe(texts)), repeat)
    docs = list(nlp.pipe(texts))
    return BenchResult(
        chars=chars,
        docs=len(texts),
        load_first_s=load_first,
        load_again_s=load_again,
        jieba_cps=chars / jieba_s,
        tokenizer_cps=chars / tokenizer_s,
        pipeline_cps=chars / pipeline_s,
        amounts=sum(len(doc._.amounts) for doc in docs),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m budgetlens.nlp.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=Path("../shared/seeds"), help="directory of seed *.txt")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement; the best is kept")
    args = parser.parse_args(argv)
    paths = sorted(args.seeds.glob("*.txt"))
    if not paths:
        parser.error(f"no *.txt in {args.seeds}")
    texts = [text_to_narrative(p.read_text("utf-8")) for p in paths]
    r = bench_texts(texts, args.repeat)
    print(f"narrative text: {r.chars:,} chars in {r.docs} docs, {r.amounts:,} amounts")
    print(f"load(): first {r.load_first_s:.3f} s (jieba prefix dict), again {r.load_again_s:.3f} s")
    print(f"jieba alone     {r.jieba_cps:12,.0f} chars/s")
    print(f"tokenizer only  {r.tokenizer_cps:12,.0f} chars/s")
    print(f"full pipeline   {r.pipeline_cps:12,.0f} chars/s   = {r.ratio:.2f}x jieba (target >= 0.50x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
