"""Whoosh writers: the index's one batch writer, and the unlocked segment writers of build workers.

Segments are written as plain files (`compound=False`): whoosh3 copies a compound segment into
memory every time a searcher opens it, and every search opens one. Both writers read each field's
document lengths once when they finish a segment (`index.engine.segments`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.writing import LockError, SegmentWriter

from index.engine import file_sizes
from index.engine.base import EngineBusy, Record, Segment

WRITER_LIMIT_MB = 256
WORKER_LIMIT_MB = 128


class WhooshBatchWriter:
    """The index's writer for one batch; `commit` also adds the segments build workers wrote."""

    def __init__(self, ix: Any) -> None:
        self._ix = ix
        try:
            self._writer = ix.writer(timeout=5.0, limitmb=WRITER_LIMIT_MB, compound=False)
        except LockError:
            raise EngineBusy(
                "another ralign-tui is updating this corpus's index; try again when it has finished"
            ) from None

    def add(self, record: Record) -> None:
        self._writer.add_document(**record)

    def delete(self, doc: str) -> None:
        self._writer.delete_by_term("doc", doc)

    def commit(self, segments: Sequence[Segment] = ()) -> None:
        if segments:
            _commit_with_segments(self._writer, list(segments))
        else:
            self._writer.commit()
        record_sizes(self._ix)

    def cancel(self) -> None:
        self._writer.cancel()


def record_sizes(ix: Any) -> None:
    """What the commit left: each file of the new generation's segments, with its size (`file_sizes`)."""
    toc = ix._read_toc()
    prefixes = tuple(f"{ix.indexname}_{segment.segid}." for segment in toc.segments)
    folder = Path(ix.storage.folder)
    names = [name for name in os.listdir(folder) if name.startswith(prefixes)] if prefixes else []
    file_sizes.record(folder, toc.generation, names)


def _commit_with_segments(writer: Any, segments: list[Any]) -> None:
    """Commit a writer and add the segments build workers wrote, as Whoosh's multi-process writer does."""
    try:
        final = writer._merge_segments(None, None, False)  # keep the existing segments as they are
        if writer._added:
            final.append(writer._finalize_segment())
        else:
            writer._close_segment()
        writer._commit_toc(final + segments)
    except Exception:
        writer._cleanup_on_error()
        raise
    writer._finish()


class WhooshSegmentWriter:
    """A build worker's own segment in the index folder, unlocked, as Whoosh's multi-process writer does."""

    def __init__(self, folder: Path) -> None:
        ix = whoosh_index.open_dir(str(folder))
        self._writer = SegmentWriter(ix, _lk=False, limitmb=WORKER_LIMIT_MB, compound=False)

    def add(self, record: Record) -> None:
        self._writer.add_document(**record)

    def finish(self) -> Segment | None:
        # Never the writer's _finish() or cancel(): they delete the temporary folder the parent's
        # writer shares with every worker.
        if self._writer._added:
            return self._writer._finalize_segment()
        self._writer._close_segment()
        return None
