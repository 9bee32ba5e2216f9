"""The owner's record is complete and consistent: every paper of his own site is listed,
topics and ranks read as words in order, the BibTeX offered is clean, and the dates agree."""

from __future__ import annotations

import re
import unicodedata

import yaml
from pybtex.database import parse_string
from sitebuild import ROOT, words

# The owner's own al-folio bibliography (luuyin.github.io at aaa8da7), kept byte for byte.
OWN_FILE = ROOT / "tests" / "fixtures" / "real" / "luuyin-papers.bib"
SITE_ONLY = {"keywords", "selected", "abbr", "sources", "code", "pdf", "html", "award", "presentation",
             "equal_contribution", "corresponding", "website"}


def _plain(title: str) -> str:
    """A title compared as a reader would: without case, accents, braces and punctuation."""
    title = unicodedata.normalize("NFKD", re.sub(r"<[^>]+>|[{}\\$]", "", title)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", "".join(c for c in title if not unicodedata.combining(c))).split())


def _own_titles() -> list[str]:
    # The file repeats keys (three papers under yin2023pruning): read each entry by its title field.
    return re.findall(r"^\s*title\s*=\s*\{(.+)\},?\s*$", OWN_FILE.read_text(encoding="utf-8"), re.MULTILINE)


def test_every_paper_of_the_owners_own_site_is_listed_with_a_page_of_its_own(owner_site):
    listing = owner_site.content("publications/")
    shown = {_plain(words(entry.select_one(".lab-pub__title"))): entry["id"] for entry in listing.select("li.lab-pub")}
    titles = _own_titles()
    assert len(titles) == 17
    for title in titles:
        key = shown.get(_plain(title))
        assert key is not None, title
        page = owner_site.content(f"publications/{key.lower()}/")
        assert _plain(words(page.h1)) == _plain(title), title


def test_every_topic_reads_as_a_title_from_the_data_never_as_its_keyword(owner_site):
    themes = yaml.safe_load((ROOT / "docs" / "data" / "themes.yml").read_text(encoding="utf-8"))
    titles = {t["topic"]: t["title"] for t in themes["themes"]} | {t["topic"]: t["title"] for t in themes["topics"]}
    listing = owner_site.content("publications/")
    used = {topic for entry in listing.select("li.lab-pub") for topic in entry["data-topics"].split()}
    assert used and used <= set(titles), used - set(titles)  # each keyword has a title in the data
    options = {o["value"]: words(o) for o in listing.select("select[name=topic] option") if o["value"]}
    assert options == {topic: titles[topic] for topic in used}
    for key in ("he2025alphadecay", "huang2022you", "deng2018real", "xiao2024dynamic"):
        chips = owner_site.content(f"publications/{key}/").select(".lab-topics a")
        assert chips and [words(a) for a in chips] == [titles[a["href"].split("?topic=")[1]] for a in chips], key


def test_the_rank_filter_lists_a_star_a_b_c_then_the_others(owner_site):
    options = [words(o) for o in owner_site.content("publications/").select("select[name=rank] option")]
    assert options == ["All", "A*", "A", "B", "C", "National: China", "Unranked"]


def test_the_bibtex_a_visitor_copies_or_downloads_has_no_site_only_field(owner_site):
    listing = owner_site.content("publications/")
    blocks = [pre.get_text() for pre in listing.select("pre.lab-bibtex")]
    blocks.append(owner_site.content("publications/he2025alphadecay/").select_one("pre.lab-cite").get_text())
    blocks.append((owner_site.folder / "publications.bib").read_text(encoding="utf-8"))
    assert len(blocks) == len(listing.select("li.lab-pub")) + 2
    for text in blocks:
        for entry in parse_string(text, "bibtex").entries.values():
            assert not {name.lower() for name in entry.fields} & SITE_ONLY
    assert "sources" not in (owner_site.folder / "publications.bib").read_text(encoding="utf-8")


def test_every_page_that_dates_the_record_gives_the_same_day(owner_site):
    cv_day = owner_site.content("cv/").select_one(".lab-cv__updated time")["datetime"]
    for url in ("", "cv/", "publications/"):
        assert owner_site.content(url).select_one(".lab-counts time")["datetime"] == cv_day, url


def test_names_codes_and_figures_are_written_one_way(owner_site):
    team = words(owner_site.content("team/"))
    assert "Co-supervised with Xiatian Zhu" in team and "Xiatianzhu" not in team
    teaching = words(owner_site.content("teaching/"))
    assert "COM3018" in teaching and "Com3018" not in teaching
    news = words(owner_site.content("news/"))
    # The 2023 A100 award is the profile's EINF-5206, as on the grants page; no other figure.
    assert "EINF-5206" in news and "1,000,000 credits" in news and "10,000,000" not in news
    assert "1,000,000 Credits (7,812 hr)" in words(owner_site.content("grants/"))
    assert "first paper" not in news
    publications = words(owner_site.content("publications/"))
    assert "Thirty-fifth" not in publications  # NeurIPS is named by its proceedings, as every NeurIPS paper is
    venues = [words(span) for span in owner_site.content("publications/").select(".lab-pub__venue")]
    assert sum("Advances in Neural Information Processing Systems" in venue for venue in venues) == 6


def test_the_home_page_leads_prospective_students_to_the_join_page(owner_site):
    home = owner_site.content("")
    box = home.select_one(".admonition.tip")
    assert words(box.select_one(".admonition-title")) == "Prospective students"
    assert box.find("a", class_="md-button")["href"] == "join/"
    # Above the news and the lists: the first thing after the owner's card.
    assert box.find_previous(class_="lab-hero") is not None and box.find_next(id="news") is not None


def test_the_join_page_says_how_a_surrey_phd_works_how_it_is_funded_and_what_to_send(owner_site):
    join = owner_site.content("join/")
    text = words(join)
    headings = [words(h2).rstrip("¶ ") for h2 in join.find_all("h2")]
    assert headings[:4] == ["Open positions", "Applying for a PhD at Surrey", "Funding", "How to get in touch"]
    links = {a["href"] for a in join.find_all("a", href=True)}
    assert {"https://www.surrey.ac.uk/postgraduate/computer-science-phd",
            "https://www.surrey.ac.uk/apply/policies/postgraduate-research-admissions-policy",
            "https://www.surrey.ac.uk/fees-and-funding/student-finance/postgraduate-research-student-finance",
            "mailto:l.yin@surrey.ac.uk"} <= links
    for fact in ("No positions are advertised at the moment", "a short CV, with your degrees and grades",
                 "Postgraduate Doctoral Loan", "four years full-time or eight years part-time"):
        assert fact in text, fact
    assert "just below" not in text
