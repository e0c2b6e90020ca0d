"""Which passages of a matching document answer a query: the query tree evaluated on each passage.

Whoosh holds one record per document. A hit is a passage, so the best documents' passages are
checked here with the same meaning the query has in Whoosh: a word is a stemmed term of the
passage, a phrase its terms side by side, `AND`/`OR`/`NOT` as written; prefixes, wildcards and
fuzzy words stand for the index terms Whoosh expands them to; title, author, publication and date
belong to the whole document, and entity keys to the passage that names the entity.
"""

from __future__ import annotations

import math
import re
from typing import Any

from whoosh import query

from index.engine.base import PassageTerms
from index.engine.entity_query import KEY_FIELD
from index.tokens import STOP_WORDS, TOKEN_RE, normalise

DOCUMENT_FIELDS = ("title", "publication", "author", "published", "doc")


class PassageQuery:
    """A parsed query, ready to be asked of passages (`index.engine.base.PassageLocator`); multi-term
    nodes expanded once, here."""

    def __init__(self, parsed: Any, reader: Any, document_terms: dict[str, list[str]] | None = None) -> None:
        self.parsed = parsed
        self._expanded: dict[int, set[str]] = {}
        self._expand(parsed, reader)
        self.positive = sorted(_positive_text_terms(parsed, self._expanded))
        self._idf = {term: _idf(reader, term) for term in self.positive}
        self.keys = _positive_keys(parsed)
        # Every text term the query names (NOTs too): a passage holding none of them is, to the query,
        # the same as an empty one, so only the passages holding one need to be built (`search.term_views`).
        self.text_terms = frozenset(_text_terms_named(parsed, self._expanded))
        self.slop = max(_slops(parsed), default=1)  # how far apart a phrase's words may stand: 1, side by side
        self.document_fields = _fields_asked(parsed) & set(DOCUMENT_FIELDS)  # only these are worth analysing
        self.exact = exact_phrases(parsed)

    def _expand(self, node: Any, reader: Any) -> None:
        if isinstance(node, query.MultiTerm):
            self._expanded[id(node)] = expanded_words(node, reader)
        for child in node.children() if hasattr(node, "children") else ():
            self._expand(child, reader)

    def answers(self, passage: PassageTerms, document: dict[str, list[str]]) -> bool:
        """Whether the passage answers the query; document: the analysed terms of its document's fields."""
        return self._matches(self.parsed, passage, document)

    def score(self, passage: PassageTerms) -> float:
        """How much of the query the passage holds: saturated term counts weighted by rarity."""
        total = sum(self._idf[t] * n / (n + 1.2) for t in self.positive if (n := passage.counts.get(t, 0)))
        return total + len(self.keys & passage.keys)

    def weights(self, passage: PassageTerms) -> dict[str, float]:
        """Each part of `score`: a text term's saturated, rarity-weighted count; 1 an entity named."""
        parts = {t: self._idf[t] * n / (n + 1.2) for t in self.positive if (n := passage.counts.get(t, 0))}
        return parts | dict.fromkeys(sorted(self.keys & passage.keys), 1.0)

    def matched_terms(self, passage: PassageTerms) -> frozenset[str]:
        return frozenset(t for t in self.positive if t in passage.counts)

    def explain(self, passage: PassageTerms, document: dict[str, list[str]]) -> list[tuple[str, str, tuple[str, ...]]]:
        """(field, the query's word as written, the terms it matched here) for each word outside a NOT
        that the passage or its document holds: a prefix or fuzzy word gives the terms it stood for."""
        found: list[tuple[str, str, tuple[str, ...]]] = []
        self._explain(self.parsed, passage, document, found)
        return list(dict.fromkeys(found))

    def _explain(
        self,
        node: Any,
        passage: PassageTerms,
        document: dict[str, list[str]],
        found: list[tuple[str, str, tuple[str, ...]]],
    ) -> None:
        if isinstance(node, query.Not):
            return
        if isinstance(node, (query.AndNot, query.Require, query.AndMaybe, query.Otherwise)):
            for child in (node.a,) if isinstance(node, query.AndNot) else (node.a, node.b):
                self._explain(child, passage, document, found)
            return
        fieldname = getattr(node, "fieldname", None)
        if fieldname is not None and not isinstance(node, query.compound.CompoundQuery):
            held = (
                passage.terms
                if fieldname == "text"
                else sorted(passage.keys)
                if fieldname == KEY_FIELD
                else document.get(fieldname, [])
            )
            if isinstance(node, query.Phrase):
                words = [str(w) for w in node.words]
                if _has_phrase(held, words, max(1, int(node.slop))):
                    phrase = '"' + " ".join(words) + '"'
                    found.append((fieldname, phrase, (phrase,)))
            elif isinstance(node, query.MultiTerm):
                wanted = self._expanded.get(id(node), set())
                matched = tuple(sorted({t for t in held if t in wanted}))
                if matched:
                    found.append((fieldname, _written(node), matched))
            elif isinstance(node, query.Term) and _text(node.text) in held:
                found.append((fieldname, _text(node.text), (_text(node.text),)))
            return
        for child in node.children() if hasattr(node, "children") else ():
            self._explain(child, passage, document, found)

    def _matches(self, node: Any, passage: PassageTerms, document: dict[str, list[str]]) -> bool:
        if isinstance(node, query.And):
            return all(self._matches(c, passage, document) for c in node.subqueries)
        if isinstance(node, (query.Or, query.DisjunctionMax)):
            return any(self._matches(c, passage, document) for c in node.subqueries)
        if isinstance(node, query.Not):
            return not self._matches(node.query, passage, document)
        if isinstance(node, query.AndNot):
            return self._matches(node.a, passage, document) and not self._matches(node.b, passage, document)
        if isinstance(node, query.Require):
            return self._matches(node.a, passage, document) and self._matches(node.b, passage, document)
        if isinstance(node, (query.AndMaybe, query.Otherwise)):
            return self._matches(node.a, passage, document) or (
                isinstance(node, query.Otherwise) and self._matches(node.b, passage, document)
            )
        if node is query.NullQuery or isinstance(node, query.NullQuery.__class__):
            return False
        fieldname = getattr(node, "fieldname", None)
        if fieldname == KEY_FIELD:
            return isinstance(node, query.Term) and _text(node.text) in passage.keys
        if fieldname in DOCUMENT_FIELDS:
            terms = document.get(fieldname, [])
        elif fieldname == "text":
            terms = passage.terms
        else:
            return True  # nothing this module knows how to ask of a passage: the document matched
        if isinstance(node, query.Phrase):
            return _has_phrase(terms, [str(w) for w in node.words], max(1, int(node.slop)))
        if isinstance(node, query.MultiTerm):
            wanted = self._expanded.get(id(node), set())
            return any(t in wanted for t in terms)
        if isinstance(node, query.Term):
            text = _text(node.text)
            return text in passage.counts if terms is passage.terms else text in terms
        return True


def document_query(node: Any) -> Any:
    """What a document must hold for a passage of it to answer the query: the query without its NOTs,
    and its phrases as their words.

    A NOT means "this passage lacks it", which a document mentioning it elsewhere still allows. A
    phrase is checked where it counts, in the passages of the documents read: asking Whoosh for it
    reads the positions of every document holding its words, in Python, which was the slowest
    kind of query.
    """
    found = _without_nots(node)
    return query.Every() if found is None else found


def _without_nots(node: Any) -> Any:
    """The node with negations dropped; None where nothing is left to ask (any document will do)."""
    if isinstance(node, query.Not):
        return None
    if isinstance(node, query.AndNot):
        return _without_nots(node.a)
    if isinstance(node, query.And):
        kept = [k for k in (_without_nots(c) for c in node.subqueries) if k is not None]
        return None if not kept else kept[0] if len(kept) == 1 else query.And(kept, boost=node.boost)
    if isinstance(node, (query.Or, query.DisjunctionMax)):
        kept = [_without_nots(c) for c in node.subqueries]
        return None if any(k is None for k in kept) else query.Or(kept, boost=node.boost)
    if isinstance(node, query.Phrase) and len(node.words) > 1:
        return query.And([query.Term(node.fieldname, word) for word in node.words], boost=node.boost)
    if isinstance(node, query.BinaryQuery):  # Require, AndMaybe, Otherwise: keep the shape, drop NOTs within
        return node.apply(lambda child: _without_nots(child) or query.Every())
    return node


def _has_phrase(terms: list[str], words: list[str], slop: int) -> bool:
    """words in order in terms, each within slop places of the one before (slop 1: side by side)."""
    if not words:
        return False
    for start, term in enumerate(terms):
        if term != words[0]:
            continue
        place, found = start, True
        for word in words[1:]:
            window = terms[place + 1 : place + 1 + slop]
            if word not in window:
                found = False
                break
            place = place + 1 + window.index(word)
        if found:
            return True
    return False


def _positive_text_terms(node: Any, expanded: dict[int, set[str]]) -> set[str]:
    """Text terms a passage is credited for holding: every term outside a NOT."""
    if isinstance(node, query.Not):
        return set()
    if isinstance(node, (query.AndNot, query.AndMaybe)):
        return _positive_text_terms(node.a, expanded) | (
            _positive_text_terms(node.b, expanded) if isinstance(node, query.AndMaybe) else set()
        )
    leaf = _leaf_text_terms(node, expanded)
    if leaf is not None:
        return leaf
    found: set[str] = set()
    for child in node.children() if hasattr(node, "children") else ():
        found |= _positive_text_terms(child, expanded)
    return found


def _leaf_text_terms(node: Any, expanded: dict[int, set[str]]) -> set[str] | None:
    """The text terms a phrase, a multi-term word or a term of the text field names; None for any
    other node (its children are asked)."""
    if getattr(node, "fieldname", None) != "text":
        return None
    if isinstance(node, query.Phrase):
        return {str(w) for w in node.words}
    if isinstance(node, query.MultiTerm):
        return set(expanded.get(id(node), set()))
    if isinstance(node, query.Term):
        return {_text(node.text)}
    return None


def _text_terms_named(node: Any, expanded: dict[int, set[str]]) -> set[str]:
    """Every text term a passage is asked about, inside a NOT or not."""
    leaf = _leaf_text_terms(node, expanded)
    if leaf is not None:
        return leaf
    found: set[str] = set()
    for child in node.children() if hasattr(node, "children") else ():
        found |= _text_terms_named(child, expanded)
    return found


def _slops(node: Any) -> list[int]:
    found = [max(1, int(node.slop))] if isinstance(node, query.Phrase) else []
    for child in node.children() if hasattr(node, "children") else ():
        found += _slops(child)
    return found


def _positive_keys(node: Any) -> set[str]:
    if isinstance(node, query.Not):
        return set()
    if isinstance(node, query.AndNot):
        return _positive_keys(node.a)
    if isinstance(node, query.Term) and node.fieldname == KEY_FIELD:
        return {_text(node.text)}
    found: set[str] = set()
    for child in node.children() if hasattr(node, "children") else ():
        found |= _positive_keys(child)
    return found


def _fields_asked(node: Any) -> set[str]:
    found = {node.fieldname} if getattr(node, "fieldname", None) else set()
    for child in node.children() if hasattr(node, "children") else ():
        found |= _fields_asked(child)
    return found


def _idf(reader: Any, term: str) -> float:
    # doc_frequency counts a replaced document's postings until its segment merges: measured
    # against the live documents alone, a word in every document went below zero.
    frequency = reader.doc_frequency("text", term)
    return math.log(1 + (max(reader.doc_count_all(), frequency) - frequency + 0.5) / (frequency + 0.5))


def _written(node: Any) -> str:
    """A multi-term node as a person would have typed it: putin~1, sibe*."""
    text = _text(getattr(node, "text", ""))
    if isinstance(node, query.FuzzyTerm):
        return f"{text}~{node.maxdist}"
    if isinstance(node, query.Prefix):
        return f"{text}*"
    return text or str(node)


def _text(term: object) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else str(term)


def exact_phrases(parsed: Any) -> tuple[re.Pattern[str], ...]:
    """The phrases a passage must hold as written, stop words and all: `"available for everyone"` is
    not "available to everyone" (the terms leave out *for* and *to*, so they alone cannot tell).
    Only phrases the whole query requires (the query itself, or a part of a top-level AND), with a
    stop word between their words; the other words stand for any word (the terms checked them)."""
    required = parsed.subqueries if isinstance(parsed, query.And) else [parsed]
    patterns = []
    for node in required:
        written = getattr(node, "written", "")
        if not isinstance(node, query.Phrase) or node.fieldname != "text" or int(node.slop) > 1 or not written:
            continue
        words = [match.group() for match in TOKEN_RE.finditer(written)]
        if not any(normalise(word) in STOP_WORDS for word in words[1:-1]):
            continue
        parts = [re.escape(word) if normalise(word) in STOP_WORDS else r"[^\W_][\w'’.-]*" for word in words]
        patterns.append(re.compile(r"(?<!\w)" + r"[\W_]+".join(parts) + r"(?!\w)", re.IGNORECASE))
    return tuple(patterns)


def expanded_words(node: Any, reader: Any) -> set[str]:
    """The words a wildcard, prefix or fuzzy word stands for in this index, found once a query: the
    engine's cap (`whoosh_query._capped`) and the passages both ask, and a distance-2 fuzzy word over
    a 30,000-word vocabulary costs about a second each time."""
    generation = reader.generation()
    known = getattr(node, "_ralign_expansion", None)
    if known is not None and known[0] == generation:
        return set(known[1])
    # Segment by segment: a multi-segment reader merges every segment's terms into one sorted
    # stream first, in Python, which made expanding `whale~1` over 18 books 0.7 s, not 0.1.
    readers = [reader] if reader.is_atomic() else [leaf for leaf, _ in reader.leaf_readers()]
    try:
        words = {_text(t) for leaf in readers for t in node._btexts(leaf)}
    except Exception:  # a range over a field without terms, say: it names nothing
        words = set()
    node._ralign_expansion = (generation, frozenset(words))
    return words
