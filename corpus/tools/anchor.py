#!/usr/bin/env python3
"""Authoring aid for corpus articles (not needed to build or test NewsExtract).

Turns a draft written with inline entity markup into the committed pair of files:

    corpus/articles/ID.ann        draft: article text with [[Choirul Umam|PER]] markup
    corpus/articles/ID.gold.json  draft gold: record fields, dates and figures carry "text"
                                  (and optionally "occurrence": n, 1-based) instead of offsets
  ->
    corpus/articles/ID.txt        the article exactly as the extractor reads it
    corpus/articles/ID.gold.json  gold with "entities" and every start/end filled in

Offsets are character offsets (Unicode code points == UTF-16 units for this text) into ID.txt.
Run:  python3 corpus/tools/anchor.py corpus/articles/ID.ann [more.ann ...]
      python3 corpus/tools/anchor.py --check corpus/articles/ID.gold.json   (validate only)
      python3 corpus/tools/anchor.py --export corpus/articles/ID.gold.json  (re-create the .ann draft)
The .ann drafts are git-ignored; the .txt and .gold.json are the annotation of record.

Real articles (corpus/real/): their text stays in the shared data (../shared/data/indosum-election/articles/ID.json,
field "text"; NEWSEXTRACT_SHARED_DATA overrides ../shared/data) and is never copied into the project. The gold names
it by "textRef": {"dataset", "id", "sha256"}.
      python3 corpus/tools/anchor.py --init-real ID [ID ...]     write corpus/real/ID.ann (the text, to mark up) and a
                                                                 draft corpus/real/ID.gold.json (source filled in)
      python3 corpus/tools/anchor.py corpus/real/ID.ann          anchor: the marked-up text must equal the shared text
      python3 corpus/tools/anchor.py --check corpus/real/ID.gold.json
      python3 corpus/tools/anchor.py --export corpus/real/ID.gold.json
"""
import json, re, sys, os, hashlib

MARK = re.compile(r"\[\[(.+?)\|(PER|ORG|LOC)\]\]", re.S)
TYPES = {"PER", "ORG", "LOC"}

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REAL_DATASET = "indosum-election"
OUTLETS = {"cnn indonesia": "CNN Indonesia", "kumparan": "kumparan", "suara": "Suara.com", "rimanews": "Rimanews",
           "antaranews": "ANTARA", "merdeka": "Merdeka.com", "poskotanews": "Pos Kota"}

def shared_data():
    env = os.environ.get("NEWSEXTRACT_SHARED_DATA")
    path = env if env else os.path.join(REPO, "..", "shared", "data")
    if not os.path.isdir(path):
        print(f"shared data not found at {path} (set NEWSEXTRACT_SHARED_DATA)", file=sys.stderr); sys.exit(1)
    return path

def real_source(article_id):
    with open(os.path.join(shared_data(), REAL_DATASET, "articles", article_id + ".json"), encoding="utf-8") as f:
        return json.load(f)

def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

def is_real(base):
    return os.path.basename(os.path.dirname(os.path.abspath(base))) == "real"

def real_text(base, gold=None):
    article_id = os.path.basename(base)
    src = real_source(article_id)
    text = src["text"]
    if gold is not None and "textRef" in gold and gold["textRef"].get("sha256") != sha256(text):
        fail(base, "the shared text changed since annotation (sha256 differs)")
    return text

def init_real(article_id):
    src = real_source(article_id)
    base = os.path.join(REPO, "corpus", "real", article_id)
    if os.path.exists(base + ".gold.json"):
        fail(base, "gold exists already; use --export to re-create the draft")
    with open(base + ".ann", "w", encoding="utf-8", newline="\n") as f:
        f.write(src["text"])
    gold = {"id": article_id,
            "textRef": {"dataset": REAL_DATASET, "id": article_id, "sha256": sha256(src["text"])},
            "source": {"title": None, "outlet": OUTLETS.get(src["outlet"], src["outlet"]), "published": src.get("date"),
                       "dateline": None, "url": src.get("url"), "author": None},
            "meta": {"story": None, "style": "portal", "provinces": []},
            "elections": [], "candidates": [], "officials": [], "dates": [], "figures": [], "warnings": []}
    write_gold(base + ".gold.json", gold)
    print(f"wrote {base}.ann and a draft {base}.gold.json")

def fail(path, msg):
    print(f"{path}: {msg}", file=sys.stderr)
    sys.exit(1)

def strip_markup(ann_text, path):
    out, ents, pos = [], [], 0
    length = 0
    for m in MARK.finditer(ann_text):
        before = ann_text[pos:m.start()]
        if "[[" in before or "]]" in before:
            fail(path, f"broken markup near: {before[-60:]!r}")
        out.append(before); length += len(before)
        text, label = m.group(1), m.group(2)
        if text != text.strip() or not text:
            fail(path, f"entity with surrounding spaces: {text!r}")
        ents.append({"type": label, "text": text, "start": length, "end": length + len(text)})
        out.append(text); length += len(text)
        pos = m.end()
    rest = ann_text[pos:]
    if "[[" in rest or "]]" in rest or re.search(r"\|(PER|ORG|LOC)\]", rest):
        fail(path, f"broken markup near: {rest[:60]!r}")
    out.append(rest)
    return "".join(out), ents

def find(text, needle, occurrence, path, what):
    idx, start = -1, 0
    for _ in range(occurrence):
        idx = text.find(needle, start)
        if idx < 0:
            fail(path, f"{what}: text {needle!r} (occurrence {occurrence}) not found in article")
        start = idx + 1
    return idx

def anchor_items(items, text, path, what):
    for item in items:
        t = item.get("text")
        if not t:
            fail(path, f"{what}: item without text: {item}")
        if "start" in item and "end" in item and "occurrence" not in item:
            if text[item["start"]:item["end"]] == t:
                continue
        occ = int(item.pop("occurrence", 1))
        s = find(text, t, occ, path, what)
        item["start"], item["end"] = s, s + len(t)

def check(gold, text, path):
    ents = gold.get("entities", [])
    last_end = -1
    for e in sorted(ents, key=lambda e: (e["start"], e["end"])):
        if e["type"] not in TYPES: fail(path, f"bad entity type {e}")
        if text[e["start"]:e["end"]] != e["text"]: fail(path, f"entity offsets do not match text: {e}")
        if e["start"] < last_end: fail(path, f"overlapping entities at {e}")
        last_end = e["end"]
    for what in ("dates", "figures"):
        for d in gold.get(what, []):
            if text[d["start"]:d["end"]] != d["text"]: fail(path, f"{what} offsets do not match text: {d}")
    for d in gold.get("dates", []):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.get("date", "")): fail(path, f"bad date {d}")
    for c in gold.get("candidates", []):
        if "head" not in c: fail(path, f"candidate without head: {c}")
        e = c.get("election")
        if e is not None and not (0 <= e < len(gold.get("elections", []))): fail(path, f"candidate election index out of range: {c}")

ORDER = ["id", "textRef", "source", "meta", "elections", "candidates", "officials", "dates", "figures", "entities", "warnings"]

def write_gold(path, gold):
    ordered = {k: gold[k] for k in ORDER if k in gold}
    ordered.update({k: v for k, v in gold.items() if k not in ordered})
    ents = ordered.get("entities", [])
    # one entity per line keeps diffs readable
    body = json.dumps({k: v for k, v in ordered.items() if k != "entities"}, ensure_ascii=False, indent=2)
    lines = ",\n".join("    " + json.dumps(e, ensure_ascii=False) for e in ents)
    body = body[:-2] + ',\n  "entities": [\n' + lines + "\n  ]\n}\n" if ents else body[:-2] + ',\n  "entities": []\n}\n'
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(body)

def main(args):
    if not args:
        print(__doc__); sys.exit(2)
    mode = "anchor"
    if args[0] == "--init-real":
        for a in args[1:]: init_real(a)
        return
    if args[0] in ("--check", "--export"):
        mode, args = args[0][2:], args[1:]
    for p in args:
        base = re.sub(r"\.(ann|gold\.json|txt)$", "", p)
        gold_path, txt_path, ann_path = base + ".gold.json", base + ".txt", base + ".ann"
        if mode == "anchor":
            with open(ann_path, encoding="utf-8") as f:
                ann = f.read()
            text, ents = strip_markup(ann, ann_path)
            with open(gold_path, encoding="utf-8") as f:
                gold = json.load(f)
            if is_real(base):
                shared = real_text(base)
                if text != shared:
                    i = next((k for k in range(min(len(text), len(shared))) if text[k] != shared[k]), min(len(text), len(shared)))
                    fail(ann_path, f"the text without markup differs from the shared text at {i}: {text[max(0,i-30):i+30]!r} vs {shared[max(0,i-30):i+30]!r}")
                gold["textRef"] = {"dataset": REAL_DATASET, "id": os.path.basename(base), "sha256": sha256(shared)}
            else:
                if "\r" in text: fail(ann_path, "use LF line ends")
                if not text.endswith("\n"): text += "\n"
            gold["id"] = os.path.basename(base)
            gold["entities"] = ents
            anchor_items(gold.setdefault("dates", []), text, gold_path, "dates")
            anchor_items(gold.setdefault("figures", []), text, gold_path, "figures")
            for k in ("elections", "candidates", "officials", "warnings"):
                gold.setdefault(k, [])
            check(gold, text, gold_path)
            if not is_real(base):
                with open(txt_path, "w", encoding="utf-8", newline="\n") as f:
                    f.write(text)
            write_gold(gold_path, gold)
            print(f"{base}: {len(text)} chars, {len(ents)} entities, {len(gold['dates'])} dates, {len(gold['figures'])} figures")
        else:
            with open(gold_path, encoding="utf-8") as f:
                gold = json.load(f)
            if is_real(base):
                text = real_text(base, gold)
            else:
                with open(txt_path, encoding="utf-8") as f:
                    text = f.read()
            check(gold, text, gold_path)
            if mode == "export":
                out, pos = [], 0
                for e in sorted(gold.get("entities", []), key=lambda e: e["start"]):
                    out.append(text[pos:e["start"]]); out.append(f"[[{e['text']}|{e['type']}]]"); pos = e["end"]
                out.append(text[pos:])
                with open(ann_path, "w", encoding="utf-8", newline="\n") as f:
                    f.write("".join(out))
                print(f"wrote {ann_path}")
            else:
                print(f"{base}: ok")

if __name__ == "__main__":
    main(sys.argv[1:])
