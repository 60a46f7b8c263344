#!/usr/bin/env python3
"""render.py: write the WET rendering of fixture pages.

usage: render.py SITE [NAME...]   (run from the top of the tree)

For each tests/sites/SITE/NAME.txt (all of them when no NAME is given),
write tests/wet/SITE/NAME.txt: the page as Common Crawl's WET extractor
gives the text of its HTML (ia-web-commons, ExtractingParseObserver, as
read in December 2026):

  - the HTML <title> comes first, on a line of its own (<title> is one
    of the block elements, and the head comes before the body);
  - a block element (p, div, li, h1-h6, br, tr, ...) ends a line, and an
    empty block adds nothing: there are no blank lines;
  - runs of white space, line breaks in the source and no-break spaces
    among them, become one space; a line has no leading or trailing space;
  - list bullets are CSS, not text: "• সর্বশেষ" is "সর্বশেষ".

The fixture pages are browser copies, so each of their lines stands for a
block.  The title is not in the copy: it is written here as the site's
pages print it in the tab, the headline and the outlet's name; the
headline is the fixture's expected "title".
"""
import json
import os
import re
import sys

TITLE = {
    "kalbela": "{title} | কালবেলা",
    "dhakadiplomat": "{title} | Dhaka Diplomat",
    # The other sites' tab titles, in the same form (for tests/t/69-wet-hosts.t;
    # tests/wet/ keeps the renderings of the two above only).
    "ajkerpatrika": "{title} | আজকের পত্রিকা",
    "bd-pratidin": "{title} | বাংলাদেশ প্রতিদিন",
    "jagonews24": "{title} | জাগো নিউজ",
    "jugantor": "{title} | যুগান্তর",
    "prothomalo": "{title} | প্রথম আলো",
    "anandabazar": "{title} | আনন্দবাজার",
    "bartaman": "{title} | বর্তমান",
    "bbc-bangla": "{title} - BBC News বাংলা",
    "dw-bangla": "{title} | DW",
    "ekushey-tv": "{title} | একুশে টেলিভিশন",
    "inqilab": "{title} | দৈনিক ইনকিলাব",
    "ittefaq": "{title} | দৈনিক ইত্তেফাক",
    "mzamin": "{title} | মানবজমিন",
    "risingbd": "{title} | রাইজিংবিডি.কম",
    "zee24ghanta": "{title} | Zee 24 Ghanta",
    "dainikshiksha": "{title} - দৈনিকশিক্ষা",
    "dainikazadi": "{title} | দৈনিক আজাদী",
    "purbokone": "{title} | দৈনিক পূর্বকোণ",
    "priyo": "{title} | প্রিয়.কম",
    "dhakatimes24": "{title} | ঢাকা টাইমস",
    "news24bd": "{title} | News24",
    "barta24": "{title} | বার্তা২৪",
    "banglanews24": "{title} | বাংলানিউজটোয়েন্টিফোর.কম",
    "janakantha": "{title} | দৈনিক জনকণ্ঠ",
    "kalerkantho": "{title} | কালের কণ্ঠ",
    "khaborerkagoj": "{title} | খবরের কাগজ",
    "samakal": "{title} | সমকাল",
    # Assumed in the same form: the corpus's copies of these four show no tab title.
    "aajkaal": "{title} | আজকাল",
    "abp-ananda": "{title} | ABP Ananda",
    "dainik-sambad-tripura": "{title} | দৈনিক সংবাদ",
    "jagaran-tripura": "{title} | জাগরণ ত্রিপুরা",
    # Not observed (the pages studied were dumped without their <title>):
    # the form of the others, with the outlet's name as its pages print it.
    "banglatribune": "{title} | বাংলা ট্রিবিউন",
    "thereport24": "{title} | The Report",
}


def render(text, title):
    lines = [title]
    for line in text.split("\n"):
        line = line.replace("\u00a0", " ")
        line = re.sub(r"^\s*[•●▪◦·]\s*", "", line)
        line = re.sub(r"\s+", " ", line).strip()
        if line:
            lines.append(line)
    return "\n".join(lines) + "\n"


def main():
    site = sys.argv[1]
    src = os.path.join("tests", "sites", site)
    names = sys.argv[2:] or sorted(f[:-4] for f in os.listdir(src) if f.endswith(".txt"))
    os.makedirs(os.path.join("tests", "wet", site), exist_ok=True)
    for name in names:
        text = open(os.path.join(src, name + ".txt"), encoding="utf-8").read()
        exp = json.loads(open(os.path.join(src, name + ".jsonl"), encoding="utf-8").readline())
        out = render(text, TITLE[site].format(title=exp.get("title", "")))
        with open(os.path.join("tests", "wet", site, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(out)


if __name__ == "__main__":
    main()
