"""Shared fixtures: every test runs with its own RALIGN_HOME, so nothing leaks in or out."""

from __future__ import annotations

import codecs
import gzip
import os
import random
import shutil
from pathlib import Path

import pytest

from index.store.corpus_index import CorpusIndex

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ENTITY_GOLD = Path(__file__).resolve().parent / "entity_gold"  # hand-annotated texts: the seeds and written ones


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("RALIGN_HOME", str(home))
    monkeypatch.delenv("EDITOR", raising=False)
    # Rules alone unless a test asks for the statistical model (tests/unit/store/test_entity_pass.py):
    # every reader test would otherwise start model workers after indexing.
    monkeypatch.setenv("RALIGN_ENTITY_MODEL", "off")
    return home


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory: pytest.TempPathFactory) -> CorpusIndex:
    """The bundled seeds, indexed once for the whole session (read-only tests only)."""
    location = tmp_path_factory.mktemp("seed-index")
    index = CorpusIndex(SEEDS, location=location).open()
    index.update()
    return index


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def article(rng: random.Random, words: list[str], sentences: int) -> str:
    """A made-up article of random sentences over the words: texts that share vocabulary, not shingles."""
    return " ".join(
        " ".join(rng.choice(words) for _ in range(rng.randint(8, 16))).capitalize() + "." for _ in range(sentences)
    )


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "tiny"
    write(
        folder,
        "pipeline.txt",
        "Gas deal\n\nThe Power of Siberia pipeline carries gas to China.\n\n"
        "Gazprom signed the contract in May 2014 for $400 billion.\n",
    )
    write(folder, "missiles.md", "Air defence\n\nChina bought the S-400 system and Su-35 fighters from Russia.\n")
    write(folder, "notes/scrape.txt", "the s 400 sale underlines the strategic level of relations says putin\n")
    return folder


@pytest.fixture
def awkward_corpus(tmp_path: Path) -> Path:
    """Files users really have: every encoding, broken bytes, binaries in disguise, odd names."""
    folder = tmp_path / "awkward"
    write(folder, "cp1252.txt", "Café crème: Putin’s “deal” with Beijing.\n".encode("cp1252"))
    write(folder, "latin1.txt", "Se\xf1or Mu\xf1oz met Lavrov \x81 in Moscow.\n".encode("latin-1"))
    write(folder, "mixed.txt", "Utf8 caf\u00e9 line.\n".encode() + "cp1252 naïve “quoted” line.\n".encode("cp1252"))
    write(folder, "bom.txt", codecs.BOM_UTF8 + b"Bommed text about Shoigu.\n")
    write(folder, "utf16.txt", codecs.BOM_UTF16_LE + "UTF-16 text about Gazprom and Rosneft.\n".encode("utf-16-le"))
    write(folder, "cr-only.txt", b"First line about Kalibr.\rSecond line about Iskander.\r")
    write(folder, "crlf.txt", b"Windows line about Xinhua.\r\n\r\nAnother paragraph about TASS.\r\n")
    write(folder, "long-line.txt", ("word " * 16000) + "needle at the end")
    write(folder, "empty.txt", b"")
    write(folder, "blank.txt", b"   \n\n\t  \n")
    write(folder, "nuls.txt", b"Null\x00 bytes\x00 inside about Rogozin.\n")
    write(folder, "gzipped.txt", gzip.compress(b"compressed text that is not text"))
    write(folder, "html.txt", "<html><body><p>Left-over HTML about Wang Yi</p></body></html>\n")
    write(folder, "bidi.txt", "Bidi \u202eevil\u202c and zero\u200bwidth about Karaganov.\n")
    write(folder, "hostile.txt", "Markup [bold red]x[/] and [/] and \x1b]0;pwned\x07 and \x1b[2J about Trenin.\n")
    write(folder, "big.txt", ("A sentence about the Sino-Russian entente and its limits. " * 18000)[:1_000_000])
    write(folder, ".hidden.txt", "hidden")
    write(folder, "picture.png", b"\x89PNG\r\n\x1a\n....")
    write(folder, "sub/dir/nested.txt", "Nested document about Antonov.\n")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    return folder


def has_symlinks() -> bool:
    return hasattr(os, "symlink")
