"""The vocabulary as data: labels and URL tokens from rules/vocab/*.yaml, matched the same way everywhere."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType
from urllib.parse import urlsplit

import yaml

VOCAB_DIR = Path(__file__).parent / "vocab"
CRAWLER_FILES = ("crawl.yaml",)  # the crawler's own vocabulary, not read by rules
_SPACE = re.compile(r"[\s\u3000\xa0]+")
_URL_PARTS = re.compile(r"[/._\-?=&]+")
# A label that lists several things ("救灾救济、优抚、低保", "扶贫、教育、医疗") is matched part by part.
_LABEL_PARTS = re.compile(r"[、，,/／;；及和与]+")


class VocabularyError(ValueError):
    """A vocabulary file is malformed; the message names the file and the entry."""


def normalize_text(text: str) -> str:
    """Text as matched, uncached: for page texts, each seen once (see SiteSnapshot.build)."""
    return _SPACE.sub("", text or "").lower()


@lru_cache(maxsize=16384)
def normalize(text: str) -> str:
    """Text as matched: no whitespace (full-width included), ASCII lower case. Cached: the same nav
    labels and page texts are matched against every term."""
    return _SPACE.sub("", text or "").lower()


@lru_cache(maxsize=16384)
def label_parts(label: str) -> frozenset[str]:
    """A normalized label and the things it lists."""
    return frozenset({label, *_LABEL_PARTS.split(label)})


@dataclass(frozen=True, slots=True)
class Term:
    """One named thing a site may show: the labels and URL tokens that name it."""

    name: str
    labels: tuple[str, ...]
    urls: tuple[str, ...] = ()

    def in_label(self, text: str) -> bool:
        """The label names this term: contains a synonym; a synonym of 1–2 characters must equal the label
        or one of the things it lists."""
        label = normalize(text)
        if not label:
            return False
        parts = label_parts(label)
        return any(s in parts or (len(s) > 2 and s in label) for s in map(normalize, self.labels))

    def in_text(self, text: str) -> bool:
        """Free text mentions the term (any synonym, whatever its length)."""
        body = normalize(text)
        return any(normalize(s) in body for s in self.labels)

    def in_url(self, url: str) -> bool:
        """A URL token equals a whole part of the URL's path."""
        if not self.urls:
            return False
        parts = set(_URL_PARTS.split(urlsplit(url).path.lower()))
        return any(token in parts for token in self.urls)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Every term set, by name (e.g. ``columns``, ``platform_parts``, ``statutory-2008-art10``)."""

    sets: Mapping[str, tuple[Term, ...]]

    def terms(self, set_name: str) -> tuple[Term, ...]:
        try:
            return self.sets[set_name]
        except KeyError:
            raise VocabularyError(f"no term set {set_name!r} in {VOCAB_DIR}") from None

    def term(self, set_name: str, name: str) -> Term:
        for term in self.terms(set_name):
            if term.name == name:
                return term
        raise VocabularyError(f"no term {name!r} in set {set_name!r}")

    def pick(self, set_name: str, names: Iterable[str]) -> tuple[Term, ...]:
        return tuple(self.term(set_name, n) for n in names)


def parse_sets(data: Mapping[str, object], source: str) -> dict[str, tuple[Term, ...]]:
    """A YAML mapping of set name -> term name -> {labels, urls} (or a bare list of labels)."""
    sets: dict[str, tuple[Term, ...]] = {}
    for set_name, entries in data.items():
        if not isinstance(entries, Mapping):
            raise VocabularyError(f"{source}: {set_name} should map term names to labels")
        terms = []
        for name, spec in entries.items():
            if isinstance(spec, list):
                spec = {"labels": spec}
            if not isinstance(spec, Mapping) or not spec.get("labels"):
                raise VocabularyError(f"{source}: {set_name}.{name} needs a list of labels")
            terms.append(Term(str(name), tuple(map(str, spec["labels"])), tuple(map(str, spec.get("urls") or ()))))
        sets[str(set_name)] = tuple(terms)
    return sets


@cache
def load_vocabulary(folder: Path = VOCAB_DIR) -> Vocabulary:
    """Every rules vocabulary file of the folder, merged; a set defined twice is an error."""
    sets: dict[str, tuple[Term, ...]] = {}
    for path in sorted(folder.glob("*.yaml")):
        if path.name in CRAWLER_FILES:
            continue
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise VocabularyError(f"{path.name}: not valid YAML: {exc}") from exc
        for name, terms in parse_sets(data, path.name).items():
            if name in sets:
                raise VocabularyError(f"{path.name}: term set {name!r} is defined twice")
            sets[name] = terms
    return Vocabulary(MappingProxyType(sets))
