#!/usr/bin/env python3
"""Renders the fictional sample corpus (stories.py) into raw files with page junk, and writes the
gold file the tests read. Run from this folder: python3 generate.py (rewrites corpus/ and gold.json)."""
import json, os, shutil
from datetime import datetime, timedelta, timezone
from stories import STORIES, NOT_QUOTES

OUT = "corpus"
PRE = {  # a role written before the name, where the role is not a title
    "Lina Okafor": "Harbor Authority chair", "Piet Hollis": "Fishers' Union head",
    "Martin Kael": "Glassmere chief executive", "Rosa Ibarra": "Residents' lawyer",
    "Samuel Obi": "Transit director", "Hugo Brandt": "Taxpayers' League president",
    "Sofie Lindqvist": "Clearwater Action campaigner", "Elena Varga": "Water Board chief Executive".replace("Executive", "executive"),
    "Bridget Fallon": "union leader", "Mei Tanaka": "Orbitel chief executive", "Viktor Lang": "airport chief executive",
    "Amelie Frost": "campaigner", "Grace Mensah": "nurse", "Nia Ekwueme": "student campaigner",
    "Joaquin Reyes": "farmer", "Leah Sorensen": "parent", "Lars Holm": "analyst", "Tobias Wren": "researcher",
    "Yusuf Demir": "curator", "Olga Brenner": "organiser", "Henrik Solberg": "city engineer", "Carla Denning": "Mayor",
}
MARKS = {"straight": ('"', '"'), "curly": ("\u201c", "\u201d"), "guillemets": ("\u00ab", "\u00bb"), "low9": ("\u201e", "\u201c")}
FMT_MARKS = {"txt-harbor": "straight", "txt-valley": "curly", "txt-pulse": "straight", "html-ledger": "curly",
             "html-coast": "curly", "md": "straight", "md-wire": "straight", "md-guillemets": "guillemets",
             "json-single": "straight", "json-array": "straight", "jsonl": "curly"}

gold = {"about": "Gold for the fictional built-in sample corpus, written by generate.py from stories.py. Paths are "
        "relative to sample/corpus; path#N is record N of a JSON array or line N of a JSONL file. Quote texts are "
        "verbatim (without the quote marks); pieces list the parts of split and multi-paragraph quotes.",
        "articles": {}, "stories": [], "duplicates": [], "rewrites": [], "direct_quotes": [],
        "reported_speech": [], "not_quotes": [], "speakers": {}, "views": {}}

def slug(s):
    return "".join(c if c.isalnum() else "-" for c in s.lower()).strip("-")

class Writer:
    """Builds one article body paragraph by paragraph, tracking who has been introduced."""
    def __init__(self, story, art, marks):
        self.s, self.a = story, art
        self.o, self.c = MARKS[marks]
        self.paras, self.intro, self.quotes, self.reported = [], set(), [], []
        self.last_speaker = None

    def p(self, name):
        return self.s["people"][name]

    def full(self, name):
        return name

    def ref(self, name):
        per = self.p(name)
        if per.get("org"):
            return "the " + name if not name.startswith("the ") else name
        return per["short"] if name in self.intro else name

    def intro_apposition(self, name):
        per = self.p(name)
        if name in self.intro or per.get("org") or not per.get("role"):
            return self.ref(name)
        self.intro.add(name)
        return f"{name}, {per['role']},"

    def pron(self, name):
        return {"f": "she", "m": "he"}.get(self.p(name).get("g"), "they")

    def add_quote(self, q, pieces, speaker, pattern):
        self.quotes.append({"speaker": speaker, "text": " ".join(pieces), "pieces": pieces if len(pieces) > 1 else None,
                            "pattern": pattern})
        self.last_speaker = speaker

    def quote(self, qi, pattern):
        speaker, q = self.s["quotes"][qi]
        o, c = self.o, self.c
        per = self.p(speaker)
        qc = q[:-1] + "," if q.endswith(".") else q
        pre = per.get("title") or PRE.get(speaker)
        pattern_used = pattern
        if pattern == "said_x":
            if speaker in self.intro or per.get("org"):
                t = f"{o}{qc}{c} said {self.ref(speaker)}."
            else:
                self.intro.add(speaker)
                t = f"{o}{qc}{c} said {speaker}, {per['role']}."
            self.paras.append(t); self.add_quote(q, [qc.rstrip(",")], speaker, pattern_used)
        elif pattern == "x_said":
            who = self.ref(speaker) if speaker in self.intro else (f"{per['title']} {speaker}" if per.get("title") else speaker)
            self.intro.add(speaker)
            self.paras.append(f"{who[0].upper() + who[1:]} said, {o}{q}{c}"); self.add_quote(q, [q.rstrip(".")], speaker, pattern_used)
        elif pattern == "quote_x_said":
            who = self.ref(speaker); self.intro.add(speaker)
            self.paras.append(f"{o}{qc}{c} {who} said."); self.add_quote(q, [qc.rstrip(",")], speaker, pattern_used)
        elif pattern == "apposition_said":
            who = self.intro_apposition(speaker)
            self.paras.append(f"{who[0].upper() + who[1:]} said: {o}{q}{c}"); self.add_quote(q, [q.rstrip(".")], speaker, pattern_used)
        elif pattern == "role_before":
            if speaker in self.intro:
                who = self.ref(speaker)
            else:
                who = f"{pre} {speaker}" if pre else speaker
                self.intro.add(speaker)
            self.paras.append(f"{who[0].upper() + who[1:]} said: {o}{q}{c}"); self.add_quote(q, [q.rstrip(".")], speaker, pattern_used)
        elif pattern == "told":
            who = self.ref(speaker); self.intro.add(speaker)
            self.paras.append(f"{who} told {self.a['outlet']}: {o}{q}{c}"); self.add_quote(q, [q.rstrip(".")], speaker, pattern_used)
        elif pattern == "pronoun":
            if speaker not in self.intro:
                self.paras.append(f"{speaker}, {per['role']}, has followed the plans closely.")
                self.intro.add(speaker)
            self.paras.append(f"{o}{qc}{c} {self.pron(speaker)} said."); self.add_quote(q, [qc.rstrip(",")], speaker, pattern_used)
        elif pattern == "follow_on":
            # Appended to the previous paragraph, which quoted the same speaker.
            self.paras[-1] += f" {o}{q}{c}"; self.add_quote(q, [q.rstrip(".")], speaker, pattern_used)
        elif pattern == "split":
            words = q.split(" ")
            k = next((i for i, w in enumerate(words) if w.endswith(",") and i >= 3), len(words) // 2)
            a = " ".join(words[:k + 1]).rstrip(",")
            b = " ".join(words[k + 1:])
            who = self.intro_apposition(speaker) if speaker not in self.intro else self.ref(speaker)
            if who.endswith(","):
                who = who[:-1]
                t = f"{o}{a},{c} said {who}, {o}{b}{c}"
            else:
                t = f"{o}{a},{c} {who} said, {o}{b}{c}"
            self.paras.append(t); self.add_quote(q, [a, b.rstrip(".")], speaker, pattern_used)
        elif pattern == "multi_paragraph":
            q2 = next(t for s_, t in self.s["quotes"] if s_ == speaker and t != q)
            q2c = q2[:-1] + "," if q2.endswith(".") else q2
            who = self.ref(speaker); self.intro.add(speaker)
            self.paras.append(f"{o}{q}")
            self.paras.append(f"{o}{q2c}{c} {who} said.")
            self.add_quote(q, [q, q2c.rstrip(",")], speaker, pattern_used)
        elif pattern == "organisation":
            self.paras.append(f"{o}{qc}{c} the {speaker} said in a statement.")
            self.intro.add(speaker)
            self.add_quote(q, [qc.rstrip(",")], speaker, pattern_used)
        else:
            raise ValueError(pattern)

    def report(self, ri, according):
        speaker, verb, clause = self.s["reported"][ri]
        per = self.p(speaker)
        if according:
            who = self.ref(speaker) if speaker in self.intro else speaker
            self.intro.add(speaker)
            t = f"According to {who}, {clause}."
        else:
            who = self.intro_apposition(speaker) if speaker not in self.intro else self.ref(speaker)
            t = f"{who[0].upper() + who[1:]} {verb} that {clause}."
        self.paras.append(t)
        self.reported.append({"speaker": speaker, "contains": clause})

def body_of(story, art, ai):
    marks = art.get("marks") or FMT_MARKS[art["fmt"]]
    w = Writer(story, art, marks)
    facts = [story["facts"][i] for i in art["facts"]]
    w.paras.append(facts[0])
    qs = list(art["quotes"])
    rs = list(art["reported"])
    fi = 1
    while fi < len(facts) or qs or rs:
        if fi < len(facts):
            w.paras.append(facts[fi]); fi += 1
        if qs:
            w.quote(*qs.pop(0))
            if qs and qs[0][1] == "follow_on":
                w.quote(*qs.pop(0))
        elif rs:
            w.report(rs.pop(0), according=(ai % 2 == 1))
    if art.get("contrast"):
        w.paras.append(art["contrast"])
    nq = NOT_QUOTES.get(story["key"])
    if nq and nq[0] == art["outlet"] and not art.get("via"):
        t = nq[1].replace('"', w.o, 1).replace('"', w.c, 1)
        w.paras.insert(2, t)
        gold["not_quotes"].append({"text": nq[2], "why": nq[3], "article": None})
    return w

REWRITE = [
 "Port Velan's harbor board has signed off on deepening the main shipping lane to fourteen meters, a project that will cost 310 million crowns.",
 "Work is due to start in the spring and to last three years.",
 "The aim is to win back the large container vessels that currently sail on to Ostrand, the port's rival.",
 "Over five years, container volumes at the port have dropped by about a quarter, costing roughly 900 jobs.",
 "After a public hearing that ran for four hours, the board backed the plan by five votes to two.",
 "Chair Lina Okafor argued that a deeper channel is what it will take to stop the largest ships from passing the port by, describing it as the best opportunity in two decades to return work to the waterfront.",
 "Campaigners fear the work will damage the eelgrass at the estuary mouth, and marine biologist Ines Maro cautioned that the herring spawning grounds could be lost within two seasons.",
 "The authority says it will plant new eelgrass in another part of the bay for 12 million crowns.",
 "Fishers' leader Piet Hollis told reporters the herring fleet was being sacrificed for more cranes.",
]

def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")

HARBOR_BANNER = """ _   _    _    ____  ____   ___  ____    ____   ___  ____ _____
| | | |  / \\  |  _ \\| __ ) / _ \\|  _ \\  |  _ \\ / _ \\/ ___|_   _|
| |_| | / _ \\ | |_) |  _ \\| | | | |_) | | |_) | | | \\___ \\ | |
|  _  |/ ___ \\|  _ <| |_) | |_| |  _ <  |  __/| |_| |___) || |
|_| |_/_/   \\_\\_| \\_\\____/ \\___/|_| \\_\\ |_|    \\___/|____/ |_|"""

def txt_harbor(a, paras, t, story):
    body = list(paras)
    body.insert(1, "Photo: Harbor Post staff")
    body.insert(min(4, len(body)), "Share Copy link Facebook X LinkedIn Email")
    return "\n".join([HARBOR_BANNER, "", "Your harbor. Your news. Every hour.", "", "Back to News", story["category"], "",
        a["title"], "", "Harbor Post", "Loading...", "4 min read", f"By {a['author']}", iso(t), "",
        "\n\n".join(body), "", "\u2665 214 likes", "Share this story", "", "Written by", a["author"],
        f"{a['author']} covers the waterfront and city hall for Harbor Post. Send tips to the newsroom desk.", "",
        "Tags", *a["tags"], "", "Source: Harbor Post", ""])

def txt_valley(a, paras, t, story):
    body = list(paras)
    if a.get("glue"):
        # The scrape lost two line breaks; the cleaner must restore them.
        body[1] = body[1].rstrip() + body[2]
        del body[2]
    body.insert(2, "ADVERTISEMENT")
    body.insert(min(5, len(body)), f"Read more: {a['related']}")
    return "\n".join(["VALLEY COURIER", "News from the valley since 1921", "", "Home | Local | Business | Sport | Opinion", "",
        "Back to News", story["category"], "", a["title"], "", iso(t), "Listen to this article 3:40", "Loading audio narration...", "",
        "\n\n".join(body), "", "AI-generated summary", "Ask a question about this article", "What happens next?",
        "Why does this matter?", "We're unable to load that answer right now.", "", "Tags", *a["tags"], "",
        "Read Original", "", "Source Information", "", "Source: Valley Courier", "", "\u00a9 2026 Valley Courier. All rights reserved.", ""])

def txt_pulse(a, paras, t, story):
    return "\n".join(["NewsPulse", "The news, gathered.", "", "Back to News", story["category"], "", a["title"], "",
        "Loading...", "AI Audio Summary", "Click to play", "", iso(t), "", "Summarize this article with", "ChatGPT  Claude  Perplexity", "",
        "\n\n".join(paras), "", "Read Original", "", "Source Information", "", f"Source: {a['outlet']}", ""])

def html_ledger(a, paras, t, story):
    ps = "\n".join(f"      <p>{x}</p>" for x in paras[:2]) + "\n      <figure><img src=\"/img/1.jpg\" alt=\"\"><figcaption>The scene on Tuesday. (Metro Ledger/Archive)</figcaption></figure>\n" + "\n".join(f"      <p>{x}</p>" for x in paras[2:])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{a['title']} | Metro Ledger</title>
<meta property="og:title" content="{a['title']}"><meta property="og:site_name" content="{a.get('via') or 'Metro Ledger'}">
<meta name="author" content="{a['author']}"><meta property="article:published_time" content="{iso(t)}">
<meta property="article:section" content="{story['category']}">{''.join(f'<meta property="article:tag" content="{x}">' for x in a['tags'])}
<link rel="canonical" href="https://metroledger.example/{slug(a['title'])}"></head>
<body><div class="cookie">We use cookies to improve your experience. <a href="/privacy">Accept all cookies</a></div>
<header><a href="/">Metro Ledger</a><nav><a href="/city">City</a> <a href="/business">Business</a> <a href="/courts">Courts</a> <a href="/science">Science</a></nav></header>
<main><article><h1>{a['title']}</h1><p class="byline">By {a['author']} | {t.strftime('%d %B %Y')}</p>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
<div class="article-body">
{ps}
      {('<p>This article was first published by ' + a['outlet'] + '.</p>') if a.get('via') else ''}
</div></article>
<aside class="newsletter"><h3>Get the Ledger in your inbox</h3><p>Sign up for our free morning newsletter.</p></aside>
<section class="related"><h3>Related stories</h3><ul><li><a href="/a">City budget talks stall again</a></li><li><a href="/b">New tram line opens in Westgate</a></li></ul></section></main>
<footer><p>&copy; 2026 Metro Ledger. All rights reserved.</p><a href="/about">About us</a> <a href="/contact">Contact</a></footer></body></html>
"""

def html_coast(a, paras, t, story):
    ps = "\n".join(f"<p>{x}</p>" for x in paras)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{a['title']} - Coastline Daily</title>
<meta property="og:title" content="{a['title']}"><meta property="og:site_name" content="Coastline Daily">
<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", "headline": a['title'], "datePublished": iso(t), "author": {"@type": "Person", "name": a['author']}, "publisher": {"@type": "Organization", "name": "Coastline Daily"}, "articleSection": story['category'], "keywords": ", ".join(a['tags'])})}</script>
</head><body>
<div id="top-bar">Breaking: <a href="/live">Live updates from the coast</a></div>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/weather">Weather</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav>
<div class="story"><h1 class="headline">{a['title']}</h1>
<div class="meta"><span class="author">{a['author']}</span> <time datetime="{iso(t)}">{t.strftime('%b %d, %Y')}</time> <span>5 min read</span></div>
<div class="story-body">
{ps}
</div>
<div class="paywall">Subscribe to Coastline Daily to keep reading unlimited stories. Already a subscriber? Log in.</div>
<ul class="tags">{''.join(f'<li><a href="/tag/{x}">{x}</a></li>' for x in a['tags'])}</ul>
</div>
<div class="comments"><h4>Comments (12)</h4><p>Log in to join the conversation.</p></div>
<footer>Coastline Daily &middot; <a href="/terms">Terms</a> &middot; <a href="/privacy">Privacy</a> &middot; Follow us on social media</footer>
</body></html>
"""

def md(a, paras, t, story, outlet):
    fm = ["---", f"title: \"{a['title']}\"", f"author: {a['author']}", f"date: {iso(t)}", f"outlet: {outlet}",
          f"category: {story['category']}", f"tags: [{', '.join(a['tags'])}]", f"url: https://{slug(outlet)}.example/{slug(a['title'])}", "---", ""]
    return "\n".join(fm) + f"# {a['title']}\n\n" + "\n\n".join(paras) + "\n"

AUTHORS = ["Mara Lindgren", "Jonas Peet", "Alia Norberg", "Theo Vance", "Ruth Akers", "Sami Koski", "Ellen Drury", "Paulo Reis"]
CATEGORY = {"velan-dredging": "environment", "glassmere-injunction": "courts", "glassmere-appeal": "courts",
            "ridgeford-free-buses": "transport", "kessling-restart": "energy", "ardmoor-water-rationing": "environment",
            "northmere-teachers-strike": "education", "corvel-painting-returned": "culture",
            "orbitel-weather-satellite": "science", "malaria-vaccine-trial": "health",
            "lantern-festival-cancelled": "culture", "tessa-bridge-closure": "transport",
            "ostrand-airport-runway": "transport", "marrow-fishing-quota": "environment"}

def main():
    shutil.rmtree(OUT, ignore_errors=True)
    json_array, jsonl = [], []
    all_titles = [a["title"] for s in STORIES for a in s["articles"]]
    n = 0
    for s in STORIES:
        s["category"] = CATEGORY[s["key"]]
        start = datetime.strptime(s["start"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
        members, bodies, rendered = [], {}, {}
        for ai, a in enumerate(s["articles"]):
            n += 1
            a["author"] = AUTHORS[n % len(AUTHORS)]
            a["tags"] = [s["category"], s["key"].split("-")[0]]
            a["related"] = all_titles[(n * 7) % len(all_titles)]
            t = start + timedelta(hours=a["h"])
            if "same_as" in a or "wire_copy" in a:
                src = a.get("same_as", a.get("wire_copy"))
                w = rendered[src]
                paras = list(w.paras)
                if "wire_copy" in a and a.get("via") == "Plainfield Tribune":
                    paras = [p.replace("The restart is expected to take about three weeks", "The restart should take roughly three weeks") for p in paras]
            elif "rewrite_of" in a:
                w = None
                paras = REWRITE
            else:
                w = body_of(s, a, ai)
                paras = w.paras
            rendered[ai] = w
            fmt = a["fmt"]
            base = f"{t.strftime('%Y-%m-%d')}-{s['key']}"
            outlet_folder = slug(a.get("via") or a["outlet"])
            if fmt == "txt-harbor": path, raw = f"text/{outlet_folder}/{base}.txt", txt_harbor(a, paras, t, s)
            elif fmt == "txt-valley": path, raw = f"text/{outlet_folder}/{base}.txt", txt_valley(a, paras, t, s)
            elif fmt == "txt-pulse": path, raw = f"text/newspulse/{base}.txt", txt_pulse(a, paras, t, s)
            elif fmt == "html-ledger": path, raw = f"html/metro-ledger/{base}.html", html_ledger(a, paras, t, s)
            elif fmt == "html-coast": path, raw = f"html/coastline-daily/{base}.html", html_coast(a, paras, t, s)
            elif fmt in ("md", "md-guillemets"): path, raw = f"markdown/northern-record/{base}.md", md(a, paras, t, s, "Northern Record")
            elif fmt == "md-wire": path, raw = f"markdown/continental-press/{base}.md", md(a, paras, t, s, "Continental Press")
            elif fmt == "json-single":
                path = f"json/civic-signal/{base}.json"
                raw = json.dumps({"headline": a["title"], "content": "\n\n".join(paras), "source": "Civic Signal",
                                  "byline": a["author"], "datePublished": iso(t), "tags": a["tags"],
                                  "url": f"https://civicsignal.example/{slug(a['title'])}"}, indent=2, ensure_ascii=False) + "\n"
            elif fmt == "json-array":
                json_array.append({"title": a["title"], "body": "\n\n".join(paras), "source": "Civic Signal", "author": a["author"],
                                   "published": iso(t), "tags": a["tags"], "section": s["category"],
                                   "url": f"https://civicsignal.example/{slug(a['title'])}"})
                path, raw = f"json/civic-signal/weekly-roundup.json#{len(json_array)}", None
            elif fmt == "jsonl":
                rec = {"title": a["title"], "text": "\n\n".join(paras), "outlet": a.get("via") or a["outlet"], "author": a["author"],
                       "date": iso(t), "url": f"https://plainfieldtribune.example/{slug(a['title'])}", "tags": a["tags"],
                       "scraper_id": f"pt-{n:04d}"}
                if a.get("via"):
                    rec["outlet"], rec["original_source"] = a["via"], a["outlet"]
                jsonl.append(rec)
                path, raw = f"feeds/plainfield-tribune.jsonl#{len(jsonl)}", None
            else:
                raise ValueError(fmt)
            if raw is not None:
                os.makedirs(os.path.dirname(os.path.join(OUT, path)), exist_ok=True)
                with open(os.path.join(OUT, path), "w", encoding="utf-8") as f:
                    f.write(raw)
            a["path"] = path
            members.append(path)
            gold["articles"][path] = {"outlet": a["outlet"], "via": a.get("via"), "title": a["title"], "published": iso(t),
                                      "author": None if fmt in ("txt-valley", "txt-pulse") else a["author"], "tags": [] if fmt == "txt-pulse" else a["tags"], "body_starts_with": paras[0][:60],
                                      "body_ends_with": paras[-1][-50:], "format": fmt.split("-")[0]}
            if w is not None and "same_as" not in a and "wire_copy" not in a:
                for q in w.quotes:
                    gold["direct_quotes"].append({"article": path, **{k: v for k, v in q.items() if v is not None}})
                for r in w.reported:
                    gold["reported_speech"].append({"article": path, **r})
            for nq in gold["not_quotes"]:
                if nq["article"] is None:
                    nq["article"] = path
        gold["stories"].append({"key": s["key"], "claim": s["claim"], "articles": members})
        for ai, a in enumerate(s["articles"]):
            if "same_as" in a or "wire_copy" in a:
                src = s["articles"][a.get("same_as", a.get("wire_copy"))]["path"]
                grp = next((g for g in gold["duplicates"] if g[0] == src), None)
                if grp is None:
                    gold["duplicates"].append([src, a["path"]])
                else:
                    grp.append(a["path"])
            if "rewrite_of" in a:
                gold["rewrites"].append({"article": a["path"], "derives_from": s["articles"][a["rewrite_of"]]["path"]})
        for name, per in s["people"].items():
            sp = gold["speakers"].setdefault(name, {"aliases": [], "roles": [], "org": bool(per.get("org"))})
            if per.get("short") and per["short"] not in sp["aliases"] and not per.get("org"):
                sp["aliases"].append(per["short"])
            if per.get("role") and per["role"] not in sp["roles"]:
                sp["roles"].append(per["role"])
        if s["claim"]:
            sides = {"supports": [], "disputes": [], "other": []}
            for name, per in s["people"].items():
                sides[per["side"]].append(name)
            gold["views"][s["key"]] = {"claim": s["claim"], "sides": sides}
    os.makedirs(os.path.join(OUT, "json/civic-signal"), exist_ok=True)
    with open(os.path.join(OUT, "json/civic-signal/weekly-roundup.json"), "w", encoding="utf-8") as f:
        json.dump(json_array, f, indent=2, ensure_ascii=False); f.write("\n")
    os.makedirs(os.path.join(OUT, "feeds"), exist_ok=True)
    with open(os.path.join(OUT, "feeds/plainfield-tribune.jsonl"), "w", encoding="utf-8") as f:
        for r in jsonl:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open("gold.json", "w", encoding="utf-8") as f:
        json.dump(gold, f, indent=1, ensure_ascii=False); f.write("\n")
    print(f"{n} articles, {len(STORIES)} stories, {len(gold['direct_quotes'])} direct quotes")

if __name__ == "__main__":
    main()
