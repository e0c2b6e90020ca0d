"""A worker interpreter of the entity pass: the statistical model's spans and, with the rules, a
document's final mentions, names and Whoosh record.

The model (spaCy, ~1 s and ~300 MB to load, a few thousand words a second) lives only here, never
in the reader's process; and extraction runs here too, so the reader's process only writes.
"""

from __future__ import annotations

import pickle
import traceback
from typing import IO

from index.processes import run_worker, say_to


def serve(inbox: IO[bytes], outbox: IO[bytes]) -> None:
    """First message: the gazetteer. Then chunks (number, [(doc, sha, Document, spans or None)]),
    each answered by ("done", (doc, sha, spans, mentions, forms, record)) per document and
    ("chunk", number); None ends the worker."""
    say = say_to(outbox)
    try:
        from index.engine.schema import name_analyzer
        from index.entities.statistical import load_model, model_spans
        from index.store.prepare import entities_of, record_of
        from index.tokens import words

        gazetteer = pickle.load(inbox)
        analyse = name_analyzer()
        nlp = None
        while (chunk := pickle.load(inbox)) is not None:
            number, items = chunk
            for doc, sha, document, spans in items:
                if spans is None:
                    if nlp is None:
                        nlp = load_model()  # LookupError, with the install line, when none is installed
                    spans = model_spans(document.text, nlp)
                positioned = list(words(document.text))
                mentions, forms, keys = entities_of(document, gazetteer, analyse, positioned, spans)
                record = record_of(document, [w for w, _, _ in positioned], keys)
                say("done", (doc, sha, spans, mentions, forms, record))
            say("chunk", number)
    except BaseException:
        say("error", traceback.format_exc())


if __name__ == "__main__":
    run_worker(serve)
