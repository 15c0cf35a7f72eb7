"""Jieba segmentation as a registered spaCy tokenizer, with numbers kept whole.

spaCy's own `zh` jieba path calls the global `jieba.cut`, loads no user dictionary and
saves nothing. Here each tokenizer owns a `jieba.Tokenizer` with our domain dictionary,
and a `protect` regex (the number grammar, see grammar.py) whose matches become single
tokens before jieba sees the rest: "4,407.79万元", "增长 1.83 %"'s "1.83 %", "≥95%".
The user dictionary and the protect regex are written by `to_disk`, so a saved pipeline
reloads with no network and no package data.

jieba's main dictionary (~500k entries) is read once per process (jieba's own marshal
cache in a temp dir); each tokenizer copies it (~15 ms) because adding user words mutates it.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jieba
import spacy
import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import DummyTokenizer, ensure_path
from spacy.vocab import Vocab

from budgetlens.nlp.extensions import remember_text

USER_DICT_FILE = "userdict.txt"
CFG_FILE = "cfg.json"


@dataclass(frozen=True)
class UserWord:
    word: str
    freq: int | None = None  # None: jieba suggests a frequency that keeps the word whole
    tag: str | None = None


def user_dict_to_words(text: str) -> list[UserWord]:
    """Parse jieba's user-dictionary format; blank lines and `#` comments are skipped."""
    words = []
    for line in text.splitlines():
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        freq = int(fields[1]) if len(fields) > 1 and fields[1].isdigit() else None
        tag = fields[-1] if len(fields) > 1 and not fields[-1].isdigit() else None
        words.append(UserWord(fields[0], freq, tag))
    return words


def packaged_user_dict() -> str:
    return resources.files("budgetlens.nlp.data").joinpath(USER_DICT_FILE).read_text("utf-8")


@lru_cache(maxsize=1)
def _main_prefix_dict() -> tuple[dict[str, int], int]:
    """jieba's main dictionary, read once per process and never mutated (callers copy it)."""
    cache_dir = Path(tempfile.gettempdir()) / "budgetlens-jieba"
    cache_dir.mkdir(exist_ok=True)
    base = jieba.Tokenizer()
    base.tmp_dir = str(cache_dir)
    base.initialize()
    return base.FREQ, base.total


def words_to_jieba(words: Iterable[UserWord]) -> jieba.Tokenizer:
    """A private, initialised jieba.Tokenizer: the main dictionary plus `words`."""
    freq, total = _main_prefix_dict()
    segmenter = jieba.Tokenizer()
    segmenter.FREQ, segmenter.total, segmenter.initialized = dict(freq), total, True
    for w in words:
        segmenter.add_word(w.word, w.freq, w.tag)
    return segmenter


def text_to_pieces(text: str, protect: re.Pattern[str] | None, cut: Callable[[str], Iterable[str]]) -> Iterator[str]:
    """Protected matches whole, the text between them through `cut`; pieces cover `text` exactly."""
    pos = 0
    if protect is not None:
        for match in protect.finditer(text):
            start, end = match.span()
            if start > pos:
                yield from cut(text[pos:start])
            yield text[start:end]
            pos = end
    if pos < len(text):
        yield from cut(text[pos:])


def pieces_to_words(pieces: Iterable[str]) -> tuple[list[str], list[bool]]:
    """spaCy words and trailing-space flags in one pass (util.get_words_and_spaces is O(n²))."""
    words: list[str] = []
    spaces: list[bool] = []
    for piece in pieces:
        if not piece:
            continue
        if piece[0] == " " and piece.isspace() and words and not spaces[-1]:
            spaces[-1] = True
            piece = piece[1:]
            if not piece:
                continue
        words.append(piece)
        spaces.append(False)
    return words, spaces


class JiebaTokenizer(DummyTokenizer):
    def __init__(self, vocab: Vocab, *, user_dict: str, protect: re.Pattern[str] | None, hmm: bool = True) -> None:
        self.vocab = vocab
        self.hmm = hmm
        self.protect = protect
        self.user_dict = user_dict  # the dictionary text as shipped, comments included
        self.jieba = words_to_jieba(user_dict_to_words(user_dict))

    def __call__(self, text: str) -> Doc:
        words, spaces = pieces_to_words(text_to_pieces(text, self.protect, self.cut))
        doc = Doc(self.vocab, words=words, spaces=spaces)
        if "".join(w + " " * s for w, s in zip(words, spaces, strict=True)) == text:
            remember_text(doc, text)
        return doc

    def cut(self, text: str) -> Iterator[str]:
        """Plain jieba segmentation with this tokenizer's dictionary (also what the benchmark times)."""
        return self.jieba.cut(text, HMM=self.hmm)

    def _cfg(self) -> dict[str, object]:
        protect = None if self.protect is None else {"pattern": self.protect.pattern, "flags": self.protect.flags}
        return {"hmm": self.hmm, "protect": protect}

    def _load(self, cfg: dict, user_dict: str) -> JiebaTokenizer:
        self.hmm = bool(cfg["hmm"])
        protect = cfg["protect"]
        self.protect = None if protect is None else re.compile(protect["pattern"], protect["flags"])
        if user_dict != self.user_dict:
            self.user_dict = user_dict
            self.jieba = words_to_jieba(user_dict_to_words(user_dict))
        return self

    def __reduce__(self) -> tuple[object, ...]:
        """Picklable (for spawn/forkserver workers): jieba.Tokenizer holds a lock, so rebuild it."""
        return (_tokenizer_from_bytes, (self.vocab, self.to_bytes()))

    def to_bytes(self, **kwargs: object) -> bytes:
        return srsly.msgpack_dumps({"cfg": self._cfg(), "user_dict": self.user_dict})

    def from_bytes(self, data: bytes, **kwargs: object) -> JiebaTokenizer:
        msg = srsly.msgpack_loads(data)
        return self._load(msg["cfg"], msg["user_dict"])

    def to_disk(self, path: str | Path, **kwargs: object) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / CFG_FILE, self._cfg())
        (path / USER_DICT_FILE).write_text(self.user_dict, encoding="utf-8")

    def from_disk(self, path: str | Path, **kwargs: object) -> JiebaTokenizer:
        path = ensure_path(path)
        return self._load(srsly.read_json(path / CFG_FILE), (path / USER_DICT_FILE).read_text("utf-8"))


def _tokenizer_from_bytes(vocab: Vocab, data: bytes) -> JiebaTokenizer:
    msg = srsly.msgpack_loads(data)
    return JiebaTokenizer(vocab, user_dict=msg["user_dict"], protect=None).from_bytes(data)


@spacy.registry.tokenizers("budgetlens.JiebaTokenizer.v1")
def create_jieba_tokenizer(
    user_dict: str | None = None, hmm: bool = True, protect: object | None = None
) -> Callable[[Language], JiebaTokenizer]:
    """`user_dict`: a jieba user-dictionary file (None: the packaged one); `protect`: a compiled
    regex whose matches stay whole (config: `budgetlens.numeric_pattern.v1`)."""
    if protect is not None and not isinstance(protect, re.Pattern):
        raise TypeError(f"protect must be a compiled regex, got {type(protect).__name__}")
    text = Path(user_dict).read_text("utf-8") if user_dict else packaged_user_dict()

    def make(nlp: Language) -> JiebaTokenizer:
        return JiebaTokenizer(nlp.vocab, user_dict=text, protect=protect, hmm=hmm)

    return make
