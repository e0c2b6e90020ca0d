"""The YAML front matter at the top of a notes file, written and updated by hand (no YAML library).

What it manages: `corpus`, `created`, `updated` and `tags`. It is updated line by line: a key it
manages has its value line replaced, every other line (a person's own keys, comments) stays as it
was. Values are written as JSON strings, which YAML reads as double-quoted scalars. Tags only grow:
a tag a person put there stays, and every bookmark's tags are added.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*):(?P<value>.*)$")
_ITEM = re.compile(r"^\s+-\s*(?P<value>.*)$")


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def split(content: str) -> tuple[str, str]:
    """(front matter including both `---` lines, the rest); ("", content) when there is none."""
    if not content.startswith("---\n") and not content.startswith("---\r\n"):
        return "", content
    lines = re.findall(r"[^\n]*\n|[^\n]+$", content)
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r\n") in ("---", "..."):
            end = sum(len(line) for line in lines[: i + 1])
            return content[:end], content[end:]
    return "", content


# Characters YAML does not allow raw in a file (or folds as line breaks), written as \u escapes;
# a lone surrogate (a non-UTF-8 byte kept by surrogateescape) too, as its replacement character.
_NOT_YAML = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _scalar(value: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax, which YAML reads) holding `value`."""
    quoted = json.dumps(_SURROGATE.sub("\ufffd", value), ensure_ascii=False)
    return _NOT_YAML.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _read_scalar(raw: str) -> str:
    raw = raw.strip()
    if raw.startswith('"'):
        try:
            loaded = json.loads(raw)
        except ValueError:
            return raw
        return str(loaded)
    if raw.startswith("'") and raw.endswith("'") and len(raw) >= 2:
        return raw[1:-1].replace("''", "'")
    return raw


def _tags_block(tags: list[str]) -> list[str]:
    return ["tags:\n"] + [f"  - {_scalar(tag)}\n" for tag in tags]


def render_new(corpus: str, created: str, tags: list[str]) -> str:
    lines = ["---\n", f"corpus: {_scalar(corpus)}\n", f"created: {_scalar(created)}\n"]
    lines.append(f"updated: {_scalar(created)}\n")
    lines += _tags_block(tags) if tags else ["tags: []\n"]
    return "".join(lines) + "---\n"


def refresh(front: str, corpus: str, now: str, tags: list[str]) -> str:
    """The front matter with `updated` set to now, missing keys added and the tags grown."""
    if not front:
        return render_new(corpus, now, sorted(set(tags)))
    lines = re.findall(r"[^\n]*\n|[^\n]+$", front)
    head, body, tail = lines[0], lines[1:-1], lines[-1]
    seen: set[str] = set()
    out: list[str] = []
    i = 0
    while i < len(body):
        match = _KEY.match(body[i].rstrip("\r\n"))
        key = match.group("key") if match else ""
        if key == "updated":
            out.append(f"updated: {_scalar(now)}\n")
        elif key == "tags" and match is not None:
            items, j = _tag_items(match.group("value"), body, i + 1)
            if items is None:  # a form this module does not write: left alone
                out.extend(body[i:j])
            else:
                merged = items + sorted(set(tags) - set(items))
                out.extend(_tags_block(merged) if merged else ["tags: []\n"])
            seen.add(key)
            i = j
            continue
        else:
            out.append(body[i])
        seen.add(key)
        i += 1
    if out and not out[-1].endswith("\n"):
        out[-1] += "\n"
    missing = {"corpus": corpus, "created": now, "updated": now}
    out += [f"{key}: {_scalar(value)}\n" for key, value in missing.items() if key not in seen]
    if "tags" not in seen:
        out += _tags_block(sorted(set(tags))) if tags else ["tags: []\n"]
    return head + "".join(out) + tail


def _tag_items(value: str, body: list[str], start: int) -> tuple[list[str] | None, int]:
    """The tags of a `tags:` key (inline list or block list) and the index after them."""
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        inner = value[1:-1].strip()
        return ([_read_scalar(part) for part in inner.split(",")] if inner else []), start
    if value:
        return None, start
    items: list[str] = []
    j = start
    while j < len(body):
        item = _ITEM.match(body[j].rstrip("\r\n"))
        if item is None:
            break
        items.append(_read_scalar(item.group("value")))
        j += 1
    return items, j


def read_value(front: str, key: str) -> str:
    """One scalar key's value, "" when absent."""
    for line in front.splitlines()[1:-1]:
        match = _KEY.match(line)
        if match and match.group("key") == key:
            return _read_scalar(match.group("value"))
    return ""
