"""Check a gold set against its sources (any set folder under corpus/: synthetic5, heldout3, ...).

usage: python corpus/check_gold.py GOLD_DIR      (e.g. corpus/synthetic5/gold)

Every decision text, follow-up evidence, item title, person name and alias must be a
verbatim substring of the source after collapsing whitespace; organisations must appear
ignoring case. For .html sources the visible text is used (html.parser, skipping
script/style/title). Topic ids and decision types must be in the taxonomy, and every
record must carry exactly the fields of the gold schema.
"""

import json
import sys
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
TAXONOMY = HERE / "taxonomy.json"
MEETING_KEYS = {"committee", "date", "time", "venue"}
ITEM_KEYS = {"number", "title", "topics", "decisions", "follow_ups"}
FU_KEYS = {"owner", "action", "due", "evidence"}
PERSON_KEYS = {"name", "role", "organisation", "aliases"}
SKIP_TAGS = {"script", "style", "title"}
BLOCK_TAGS = {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol"}


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skip += 1
        elif tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def collapse(text):
    return " ".join(text.split())


def source_text(path):
    """The text quotes are checked against: pypdf's page text for a PDF (pages joined by newlines, as the
    shared corpus README says), the visible text of an HTML page, the file's text otherwise."""
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        return collapse("\n".join(page.extract_text() or "" for page in PdfReader(path).pages))
    data = path.read_bytes()
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError:
        raw = data.decode("cp1252")  # Windows exports
    if path.suffix in (".html", ".htm"):
        parser = VisibleText()
        parser.feed(raw)
        parser.close()
        raw = "".join(parser.parts)
    return collapse(raw)


def check_file(gold_path, topics, types):
    problems = []
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    name = gold_path.name

    def need(quote, what):
        if not quote or collapse(quote) not in text:
            problems.append(f"{name}: {what} not verbatim: {str(quote)[:70]!r}")

    if set(gold) != {"source", "meeting", "items", "people", "organisations"}:
        problems.append(f"{name}: top-level keys {sorted(gold)}")
    src = gold_path.parent.parent / gold["source"]  # "source" is relative to the set folder
    if src.stem != gold_path.stem:
        problems.append(f"{name}: source stem differs: {gold['source']}")
    text = source_text(src)
    if set(gold["meeting"]) != MEETING_KEYS:
        problems.append(f"{name}: meeting keys {sorted(gold['meeting'])}")
    for item in gold["items"]:
        if set(item) != ITEM_KEYS:
            problems.append(f"{name}: item keys {sorted(item)}")
        if item["title"] != "Introductions":  # the title the guidelines give an untitled opening item
            need(item["title"], "title")
        for topic in item["topics"]:
            if topic not in topics:
                problems.append(f"{name}: unknown topic {topic}")
        for dec in item["decisions"]:
            need(dec["text"], "decision")
            if not dec["types"] or not set(dec["types"]) <= types:
                problems.append(f"{name}: bad decision types {dec['types']}")
        for fu in item["follow_ups"]:
            if set(fu) != FU_KEYS:
                problems.append(f"{name}: follow-up keys {sorted(fu)}")
            need(fu["evidence"], "evidence")
    for person in gold["people"]:
        if set(person) != PERSON_KEYS:
            problems.append(f"{name}: person keys {sorted(person)}")
        need(person["name"], "person name")
        for alias in person["aliases"]:
            need(alias, "alias")
    lowered = text.lower()
    for org in gold["organisations"]:
        if collapse(org).lower() not in lowered:
            problems.append(f"{name}: organisation not in text: {org!r}")
    return problems


def main(argv):
    if len(argv) != 2:
        print(__doc__)
        return 2
    gold_dir = Path(argv[1])
    taxonomy = json.loads(TAXONOMY.read_text(encoding="utf-8"))
    topics = set(taxonomy["topics"])
    types = set(taxonomy["decision_types"])
    files = sorted(gold_dir.glob("*.json"))
    problems = []
    for path in files:
        problems.extend(check_file(path, topics, types))
    for line in problems:
        print(line)
    print(f"files {len(files)} problems {len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
