"""Check the heldout3 gold: every quoted string is verbatim in its document.

usage: python corpus/heldout3/check_quotes.py [GOLD_DIR]   (default: the gold/ folder next to this file)

Quotes (decision text, follow-up evidence) must be substrings of the document text after
collapsing whitespace; for HTML the document text is the visible text (no <head>, <script>,
<style>; entities decoded). Item titles, people's names/aliases and organisation names are
also checked for presence (case-insensitively), and topic / decision-type ids against the shared taxonomy.
Exit status 1 if anything is missing.
"""
import json
import sys
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
TAXONOMY = HERE.parents[2] / "shared" / "corpus" / "taxonomy.json"
BLOCK = {"p", "div", "li", "ul", "ol", "table", "tr", "td", "th", "thead", "tbody", "h1", "h2", "h3",
         "h4", "h5", "h6", "br", "nav", "main", "header", "footer", "section", "body"}
HIDDEN = {"head", "script", "style", "title"}


class Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in BLOCK:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCK:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def collapse(s):
    return " ".join(s.split())


def document_text(path):
    raw = path.read_text(encoding="utf-8")
    if path.suffix in (".html", ".htm"):
        v = Visible()
        v.feed(raw)
        raw = "".join(v.parts)
    return collapse(raw)


def main(argv):
    gold_dir = Path(argv[0]) if argv else HERE / "gold"
    tax = json.loads(TAXONOMY.read_text(encoding="utf-8"))
    topics, dtypes = set(tax["topics"]), set(tax["decision_types"])
    problems = 0
    files = sorted(gold_dir.glob("*.json"))
    for f in files:
        g = json.loads(f.read_text(encoding="utf-8"))
        text = document_text(gold_dir.parent / g["source"])
        lowered = text.casefold()
        checks = []
        for it in g["items"]:
            checks.append(("title", it["title"]))
            for t in it["topics"]:
                if t not in topics:
                    print(f"{f.name}: unknown topic {t!r}")
                    problems += 1
            for d in it["decisions"]:
                checks.append(("decision", d["text"]))
                for t in d["types"]:
                    if t not in dtypes:
                        print(f"{f.name}: unknown decision type {t!r}")
                        problems += 1
            for fu in it["follow_ups"]:
                checks.append(("evidence", fu["evidence"]))
                if fu.get("owner"):
                    checks.append(("owner", fu["owner"]))
        for p in g["people"]:
            for a in p.get("aliases", []):
                checks.append(("alias", a))
        for o in g["organisations"]:
            checks.append(("organisation", o))
        for kind, s in checks:
            hay, needle = (text, collapse(s)) if kind in ("decision", "evidence") else (lowered, collapse(s).casefold())
            if needle not in hay:
                print(f"{f.name}: {kind} not verbatim: {s[:80]!r}")
                problems += 1
        n_dec = sum(len(i["decisions"]) for i in g["items"])
        n_fu = sum(len(i["follow_ups"]) for i in g["items"])
        print(f"{f.name}: items {len(g['items'])}, decisions {n_dec}, follow-ups {n_fu}, "
              f"people {len(g['people'])}, organisations {len(g['organisations'])}, quotes checked {len(checks)}")
    print("files", len(files), "problems", problems)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
