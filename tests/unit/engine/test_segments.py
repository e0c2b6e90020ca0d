from pathlib import Path

from whoosh import formats
from whoosh import index as whoosh_index

from index.engine.schema import build_schema, text_terms_only
from index.engine.segments import read_lengths_once

TEXTS = [
    "Sergei Shoigu met Wei Fenghe in Beijing to discuss the S-400 deliveries.",
    "",  # an empty document: no length at all
    "The Power of Siberia pipeline " * 40,  # a long one: its length byte is an approximation
    "Joint Sea 2024 drills in the Sea of Japan, with Russian and Chinese destroyers.",
]


def segment_files(folder: Path, fast: bool) -> dict[str, bytes]:
    schema = build_schema()
    if not fast:  # Whoosh's own way: its positions format, lengths read at each posting
        schema["text"].format = formats.Positions()
    ix = whoosh_index.create_in(str(folder), schema)
    writer = ix.writer(compound=False)
    if fast:
        read_lengths_once(writer)
    for number, text in enumerate(TEXTS * 30):
        writer.add_document(doc=f"d{number}", text=text_terms_only(text), title=text[:20], author="A B")
    writer.commit()
    # Segment files are named after a random segment id: compare them by what kind of file they are.
    files = [path for path in folder.iterdir() if path.name.startswith("MAIN_") and "." in path.name]
    return {path.name.split(".", 1)[1]: path.read_bytes() for path in files}


def test_segments_written_our_faster_way_are_byte_for_byte_whooshs(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    ours, whooshs = segment_files(tmp_path / "a", True), segment_files(tmp_path / "b", False)
    assert set(ours) >= {"trm", "pst", "_text_len.col"}
    assert ours == whooshs
