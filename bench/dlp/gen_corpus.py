#!/usr/bin/env python3
"""Writes a mixed benchmark corpus (prose, source code, JSON/CSV rows, logs, with ~2% of lines
carrying sensitive values from gen_heldout) as N files of about 1 MB.
usage: gen_corpus.py OUT_DIR [--mb 120] [--seed 1]"""
import argparse, os, random, sys
sys.path.insert(0, os.path.dirname(__file__))
from gen_heldout import G, doc

PROSE = ("The model was retrained on the cleaned dataset and evaluation loss dropped by four percent. "
         "Reviewers asked for more ablations before the paper goes out, especially on long contexts. ")
CODE = ("def tokenize(text: str) -> list[str]:\n    return [t for t in text.split() if t]\n\n"
        "for (int i = 0; i < items.size(); i++) { total += items.get(i).price(); }\n")
LOG = "2025-06-01T12:00:{s:02d}Z INFO request_id={r} route=/v1/chat status=200 latency_ms={l}\n"
JSONL = '{{"event": "completion", "tokens": {t}, "model": "gpt-4o-mini", "user": "u{u}"}}\n'

def main():
    ap = argparse.ArgumentParser(); ap.add_argument('out'); ap.add_argument('--mb', type=int, default=120)
    ap.add_argument('--seed', type=int, default=1); a = ap.parse_args()
    r = random.Random(a.seed); g = G(r); os.makedirs(a.out, exist_ok=True)
    for f in range(a.mb):
        parts, size = [], 0
        while size < 1_000_000:
            k = r.random()
            if k < 0.02: s = doc(g)["text"]
            elif k < 0.45: s = PROSE
            elif k < 0.7: s = CODE
            elif k < 0.9: s = LOG.format(s=r.randint(0, 59), r=r.getrandbits(64), l=r.randint(5, 900))
            else: s = JSONL.format(t=r.randint(1, 4000), u=r.randint(1, 10**6))
            parts.append(s); size += len(s)
        with open(os.path.join(a.out, f"part-{f:04d}.txt"), "w", encoding="utf-8") as fh:
            fh.write(''.join(parts))

main()
