"""Split `../shared/corpus/realnews/articles.jsonl` into a development and a blind part.

    python gold/realnews/split.py            # rewrite gold/realnews/split.tsv

A record belongs to the development part when the SHA-256 of its `id` is even, to the
blind part when it is odd: the split depends on the id alone, never on the text, and a
record added later falls on one side without moving the others. Within each part, the
records chosen for annotation are the first ones in hash order: in the blind part 40
Wikinews articles and 4 State Department and 4 White House texts; in the development part
the same 48, then a second round of 20 Wikinews articles and 3 texts of each office
(annotated on 2026-12-07), then a third of the last 3 Wikinews articles and 8 texts of
each office (2026-12-08); each round was scored once before anyone studied it. The table lists every
record with its part and whether it is annotated.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent.parent / "shared" / "corpus" / "realnews" / "articles.jsonl"
QUOTA = {
    "blind": {"Wikinews": 40, "U.S. Department of State": 4, "The White House": 4},
    "dev": {"Wikinews": 63, "U.S. Department of State": 15, "The White House": 15},
}


def key(record_id: str) -> int:
    return int(hashlib.sha256(record_id.encode("utf-8")).hexdigest(), 16)


def part_of(record_id: str) -> str:
    return "dev" if key(record_id) % 2 == 0 else "blind"


def main() -> None:
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    records.sort(key=lambda record: key(record["id"]))
    taken: dict[tuple[str, str], int] = {}
    rows = ["id\tpart\tpublisher\tannotated"]
    for record in records:
        part = part_of(record["id"])
        slot = (part, record["publisher"])
        chosen = taken.get(slot, 0) < QUOTA[part][record["publisher"]]
        taken[slot] = taken.get(slot, 0) + chosen
        rows.append(f"{record['id']}\t{part}\t{record['publisher']}\t{'yes' if chosen else 'no'}")
    (HERE / "split.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
