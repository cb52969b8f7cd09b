#!/usr/bin/env python3
"""Derives Rampart's catalog/atlas.yaml from MITRE ATLAS's ATLAS.yaml.

Usage: python3 tools/catalog/generate_atlas.py ATLAS.yaml OUTPUT.yaml

Keeps tactics, techniques, subtechniques and mitigations; drops case studies and
every field except id, name, description and the links between entries. The
output is deterministic: running it twice on the same input gives the same bytes.
Needs Python 3.8+ and PyYAML (pip install pyyaml).
"""

import json
import re
import sys

import yaml

MAX_DESCRIPTION = 600
SITE = "https://atlas.mitre.org"
MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def describe(text):
    """Markdown links to their text, whitespace collapsed, cut to about 600 chars."""
    text = MARKDOWN_LINK.sub(r"\1", text or "")
    text = " ".join(text.split())
    if len(text) <= MAX_DESCRIPTION:
        return text
    cut = text[:MAX_DESCRIPTION]
    sentence_end = cut.rfind(". ")
    if sentence_end >= MAX_DESCRIPTION // 2:
        return cut[: sentence_end + 1]
    return cut[: cut.rfind(" ")].rstrip(",;:") + "..."


def quoted(text):
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(text, ensure_ascii=False)


def entry(lines, id_, kind, name, description, path, related):
    lines.append(f"  - id: {id_}")
    lines.append(f"    kind: {kind}")
    lines.append(f"    name: {quoted(name)}")
    lines.append(f"    description: {quoted(describe(description))}")
    lines.append(f"    url: {SITE}/{path}/{id_}")
    lines.append(f"    related: [{', '.join(related)}]")


def id_key(id_):
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", id_)]


def generate(source):
    version = source["version"]
    matrix = next(m for m in source["matrices"] if m["id"] == "ATLAS")
    lines = [
        f"# Derived from MITRE ATLAS v{version} (github.com/mitre-atlas/atlas-data, dist/ATLAS.yaml).",
        "# Copyright MITRE. Licensed under the Apache License, Version 2.0:",
        "# https://www.apache.org/licenses/LICENSE-2.0 (see NOTICE at the repository root).",
        "# Changes: kept only tactics, techniques, subtechniques and mitigations (case studies and",
        "# all other fields dropped); descriptions have Markdown links replaced by their text,",
        f"# whitespace collapsed and are cut to about {MAX_DESCRIPTION} characters; added kind, url and",
        "# related (technique -> tactics, subtechnique -> parent technique and its own tactics,",
        "# mitigation -> techniques it addresses).",
        "# GENERATED FILE, do not edit: regenerate with tools/catalog/generate_atlas.py (see its README).",
        "framework: atlas",
        f"source-version: {quoted(version)}",
        "entries:",
    ]
    for tactic in matrix["tactics"]:  # matrix order is the kill-chain order
        entry(lines, tactic["id"], "tactic", tactic["name"], tactic.get("description"),
              "tactics", [])
    for tech in sorted(matrix["techniques"], key=lambda t: id_key(t["id"])):
        parent = tech.get("subtechnique-of")
        related = ([parent] if parent else []) + list(tech.get("tactics") or [])
        entry(lines, tech["id"], "subtechnique" if parent else "technique", tech["name"],
              tech.get("description"), "techniques", related)
    for mitigation in sorted(matrix["mitigations"], key=lambda m: id_key(m["id"])):
        related = []
        for use in mitigation.get("techniques") or []:
            if use["id"] not in related:
                related.append(use["id"])
        entry(lines, mitigation["id"], "mitigation", mitigation["name"],
              mitigation.get("description"), "mitigations", related)
    return "\n".join(lines) + "\n"


def main(argv):
    if len(argv) != 3:
        sys.exit(f"usage: {argv[0]} ATLAS.yaml OUTPUT.yaml")
    with open(argv[1], encoding="utf-8") as f:
        source = yaml.safe_load(f)
    with open(argv[2], "w", encoding="utf-8", newline="\n") as f:
        f.write(generate(source))


if __name__ == "__main__":
    main(sys.argv)
