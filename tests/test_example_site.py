"""The example site (tests/example/), built strictly: every kind of item reaches its page,
in the form the engine gives it.

The expected items are copied from the example's data files, not from the site's
output: the test checks that the engine puts the data on the pages. Other engine tests
import the example's facts from here (``PUBLICATIONS``, ``words``).
"""

from __future__ import annotations


import datetime

import pytest
from sitebuild import BUILD_DATE, words

# The example's papers: key -> (title as published, badge of venue and year; None: no badge).
PUBLICATIONS = {
    "lovelace2025survey": ("Frugal Engines: A Survey of Sparse Computation in Machine Learning", None),
    "okafor2025sparse": ("Sparse Training Keeps What Language Models Know", "ICML 2025"),
    "rivera2025lowrank": ("Low-Rank Training for Speech Recognition on a Budget", "ICASSP 2025"),
    "lovelace2024layerwise": ("Layerwise Sparsity for Pruning Language Models to High Sparsity", "ICML 2024"),
    "lovelace2024small": ("Small Weights Matter for Hard Tasks", "NeurIPS 2024"),
    "raman2024calibration": ("Which Data Should Pruning See? Calibration Sets for Sparse Language Models",
                             "EMNLP 2024"),
    "tanaka2024comparisons": ("Asking People, Not Labels: Few-Shot Classification by Comparison", "ECML-PKDD 2024"),
    "okafor2023channels": ("Dynamic Sparsity Learns Channels", "NeurIPS 2023"),
    "lovelace2023pools": ("Ticket Pools: Winning More by Interpolating Sparse Networks", "AAAI 2023"),
    "fischer2023stable": ("Stable Sparse Solvers for the Difference Engine", "TMLR 2023"),
    "lovelace2022graphs": ("Untrained Graph Networks Hold Winning Tickets", "LoG 2022"),
    "tanaka2022judgements": ("Judgements as Labels: Metric Learning from Human Comparisons", "FML Workshop 2022"),
    "lovelace2021elicit": ("Eliciting Knowledge by Psychometric Comparison", "ACML 2021"),
    "lovelace2020thesis": ("Notes on Programs for the Analytical Engine", None),
    "lovelace2018bernoulli": ("Bernoulli Numbers on the Analytical Engine, Revisited", "SNE 2018"),
}
SELECTED = ["okafor2025sparse", "lovelace2024layerwise", "lovelace2024small", "okafor2023channels",
            "lovelace2023pools"]
OWNER = "Ada Lovelace"

MEMBERS = [  # name, section on 2025-06-01, institution shown (None: the owner's own), when
    ("Isabel Moreno", "Postdoctoral researchers", None, "since 2024"),
    ("Grace Okafor", "PhD students", None, "since 2023"),
    ("Tomás Rivera", "PhD students", "University of Ravensworth", "since 2024"),
    ("Mei Tanaka", "PhD students", None, "since 2022"),
    ("Samuel Osei", "MSc students", "University of Ravensworth", "since 2024"),
    ("Hana Novak", "BSc students", None, "since 2024"),
    ("Oliver Brandt", "BSc students", None, "since 2025"),
    ("Lena Fischer", "Alumni", None, "2019–2023"),  # a PhD with an end year
    ("Priya Raman", "Alumni", None, "2022"),  # an MSc project of 2022: over by 2024
]
COURSES = [  # title, code, institution, years
    ("Efficient Machine Learning", "COMP4021", "Analytical Engine Institute", "2024, 2025"),
    ("Numerical Methods", "COMP2010", "Analytical Engine Institute", "2024"),
    ("Machine Learning", "CS340", "University of Ravensworth", "2022, 2023"),
    ("Introduction to Programming", "CS101", "University of Ravensworth", "2020, 2021, 2022"),
]
TALKS = [  # year, title, host or institution
    ("2025", "How sparse can a language model be?", "University of Ravensworth"),
    ("2024", "Pruning without forgetting", "Turin, Italy"),
    ("2024", "Learning from comparisons", "Difference Engine Laboratory"),
    ("2022", "Sparse networks that train themselves", "Royal Society of Calculators"),
    ("2021", "Programs for engines that learn", "Engines Reading Group"),
]


def test_the_build_is_strict_and_quiet(example_site):
    assert "WARNING" not in example_site.log and "ERROR" not in example_site.log


@pytest.mark.parametrize("url", ["", "research/", "publications/", "team/", "join/", "news/", "teaching/",
                                 "talks/", "service/", "grants/", "cv/"])
def test_every_page_exists_at_its_address_with_one_heading(example_site, url):
    assert len(example_site.content(url).find_all("h1")) == 1


def test_publications_page_lists_every_paper_with_its_badge_newest_year_first(example_site):
    page = example_site.content("publications/")
    for key, (title, badge) in PUBLICATIONS.items():
        entry = page.find(id=key)
        assert entry is not None, key
        assert title in words(entry), key
        badges = entry.select_one(".lab-pub__badges")
        assert (badge in words(badges)) if badge else badges is None, key
    years = [int(h2.get_text(strip=True).rstrip("¶")) for h2 in page.find_all("h2")]
    assert years == sorted(years, reverse=True) and len(years) == len(set(years))
    assert [li["id"] for li in page.select("li.lab-pub")] == list(PUBLICATIONS)  # newest first within a year too
    assert page.find(id="fml2022") is None  # a proceedings volume that an entry crossrefs is not a paper


def test_a_crossref_gives_its_entry_the_volumes_venue_and_year(example_site):
    entry = example_site.content("publications/").find(id="tanaka2022judgements")
    assert "Proceedings of the Workshop on Frugal Machine Learning, pp. 31–40. Example Press, 2022." in words(entry)
    assert entry["data-year"] == "2022" and entry["data-type"] == "Workshop paper"


def test_the_owner_is_highlighted_in_every_spelling_and_members_are_marked(example_site):
    page = example_site.content("publications/")
    for entry in page.select("li.lab-pub"):
        owners = [words(tag) for tag in entry.select(".lab-owner")]
        assert owners == (["A. Lovelace"] if entry["id"] == "raman2024calibration" else [OWNER]), entry["id"]
    members = [words(a) for a in page.find(id="okafor2023channels").select(".lab-pub__authors a")]
    assert members == ["Grace Okafor", "Lena Fischer"]  # linked to their cards on the team page
    assert page.find(id="okafor2023channels").select_one(".lab-pub__authors a")["href"] == \
        "../team/#person-grace-okafor"


def test_equal_contribution_corresponding_author_presentation_and_awards_are_marked(example_site):
    page = example_site.content("publications/")
    channels = page.find(id="okafor2023channels")
    assert [words(sup) for sup in channels.select(".lab-pub__authors sup")] == ["*", "*"]
    assert "Spotlight" in words(channels.select_one(".lab-pub__badges"))
    assert [words(sup) for sup in page.find(id="raman2024calibration").select(".lab-pub__authors sup")] == ["†"]
    legend = words(page.select_one(".lab-legend"))
    assert "* equal contribution" in legend and "† corresponding author" in legend
    assert "Best Paper Award" in words(page.find(id="lovelace2022graphs"))
    assert "Best Paper Nomination" in words(page.find(id="lovelace2018bernoulli"))
    assert "Long oral" in words(page.find(id="lovelace2021elicit"))


def test_long_author_lists_fold_after_max_authors(example_site):
    authors = example_site.content("publications/").find(id="lovelace2024layerwise").select_one(".lab-pub__authors")
    assert "Georg Scheutz, and 3 more" in words(authors)  # extra.lab.max_authors: 10 of 13
    assert words(authors).endswith("Florence Nightingale, John Herschel, Isambard Brunel")  # folded, not lost


def test_links_of_each_kind_become_buttons(example_site):
    page = example_site.content("publications/")

    def buttons(key):
        return [(words(a), a["href"]) for a in page.find(id=key).select("a.lab-pub__link")]

    assert buttons("lovelace2024layerwise") == [
        ("PDF", "https://proceedings.example.org/v235/lovelace24a.pdf"),
        ("arXiv", "https://arxiv.org/abs/2405.01234"),
        ("Paper", "https://proceedings.example.org/v235/lovelace24a.html"),
        ("Code", "https://github.com/frugal-engines-example/layerwise")]
    assert ("Project page", "https://ada.example.org/frugal-engines") in buttons("lovelace2025survey")
    assert ("DOI", "https://doi.org/10.5555/ecml.2024.0210") in buttons("tanaka2024comparisons")


def test_home_page_shows_the_owner_interests_news_selected_papers_and_awards(example_site):
    page = example_site.content("")
    text = words(page)
    for fact in ("Ada Lovelace", "Reader in Computing", "Analytical Engine Institute", "Frugal Computing Group",
                 "Efficient machine learning", "Numerical methods", "I lead the Frugal Computing Group",
                 "Best Paper Award", "Early Career Prize"):
        assert fact in text, fact
    assert "Visiting fellow" not in text  # affiliations=false: the biography names the second homes
    assert page.select_one("h1").get_text(strip=True) == OWNER
    assert [li["id"] for li in page.select("li.lab-pub")] == SELECTED
    assert page.find("a", href="https://scholar.google.com/citations?user=ADA0LOVELACE") is not None
    assert page.find("a", string="All news")["href"] == "news/"


def test_research_page_cites_papers_through_mkdocs_bibtex(example_site):
    page = example_site.content("research/")
    cited = {li["id"].removeprefix("fn:") for li in page.select("div.footnote li")}
    assert cited == set(PUBLICATIONS) - {"lovelace2025survey", "rivera2025lowrank", "lovelace2020thesis"}
    assert all(page.find("a", href=f"#fn:{key}") for key in cited)


ANCHORS = {"Tomás Rivera": "person-tomas-rivera"}  # accents dropped: an address stays plain letters


def test_team_page_lists_the_leader_then_members_by_level_then_alumni(example_site):
    page = example_site.content("team/")
    sections = [words(h2).rstrip("¶").strip() for h2 in page.find_all("h2")]
    assert sections == ["Group leader", "Postdoctoral researchers", "PhD students", "MSc students", "BSc students",
                        "Alumni"]
    for name, section, institution, when in MEMBERS:
        card = page.find("p", class_="lab-person__name", string=name).find_parent("article")
        assert card["id"] == ANCHORS.get(name, "person-" + name.lower().replace(" ", "-")), name
        assert words(card.find_parent("div").find_previous("h2")).startswith(section), name
        meta = words(card.select_one(".lab-person__meta"))
        assert when in meta and (institution in meta if institution else "Analytical Engine Institute" not in meta)
    lena = words(page.find(id="person-lena-fischer"))
    assert "Thesis: Stable Sparse Solvers for Engines of Difference" in lena
    assert "Then: Research scientist at Jacquard Looms Ltd." in lena
    grace = page.find(id="person-grace-okafor")
    assert "Co-supervised with Mary Somerville" in words(grace)
    assert grace.find("a", string="Mary Somerville")["href"] == "https://example.org/people/somerville"
    assert "Co-supervised with Charles Babbage" in words(page.find(id="person-tomas-rivera"))
    assert "Papers with the group (5)" in words(grace)


def test_teaching_page_has_one_row_per_course_with_its_years(example_site):
    rows = [words(tr) for tr in example_site.content("teaching/").select("tbody tr")]
    assert len(rows) == len(COURSES)
    for title, code, institution, years in COURSES:
        assert any(code in row and title in row and institution in row and row.endswith(years) for row in rows)


def test_talks_page_groups_talks_by_year(example_site):
    page = example_site.content("talks/")
    for year, title, host in TALKS:
        item = page.find("strong", string=title).find_parent("li")
        assert host in words(item), title
        assert words(item.find_previous("h2")).startswith(year), title
    assert page.find("a", href="https://example.org/slides/sparse-2025.pdf") is not None


def test_service_page_has_reviewing_by_year_and_organisation(example_site):
    page = example_site.content("service/")
    rows = {words(tr.td): words(tr) for tr in page.select("tbody tr")}
    assert list(rows) == ["2025", "2024", "2023", "2021"]
    assert "Journal of Frugal Computing" in rows["2024"] and "AAAI" in rows["2024"]
    assert "Annals of Calculating Machines" in rows["2021"]
    text = words(page)
    assert "Sparse Training from Scratch" in text and "Workshop on Frugal Machine Learning" in text
    assert page.find("a", href="https://example.org/frugal-ml-workshop") is not None


def test_grants_page_has_amounts_periods_roles_and_computing_awards(example_site):
    text = words(example_site.content("grants/"))
    for fact in ("Sparse Engines for Frugal Learning", "Engineering Research Fund", "£452,000",
                 "Jan 2024 – Dec 2027", "PI (with Mary Somerville and Charles Babbage)", "Learning from Comparisons",
                 "May 2023 – Apr 2024", "Co-PI", "NCS-1843", "NCS-1815", "GPU cluster (A100): 20,000 hr",
                 "Storage: 50 TB"):
        assert fact in text, fact


def test_cv_page_has_experience_education_awards_and_a_summary_of_the_rest(example_site):
    page = example_site.content("cv/")
    text = words(page)
    for fact in ("Reader in Computing, Analytical Engine Institute", "Sep 2023 – present",
                 "Lecturer, University of Ravensworth", "Sep 2020 – Aug 2023",
                 "Research Intern, Jacquard Looms Ltd., Lyon", "Sparse models for pattern recognition in woven cards",
                 "PhD in Computer Science, University of Ravensworth", "Oct 2016 – Aug 2020",
                 "Supervisors: Prof. Augustus De Morgan", "BSc in Mathematics, Northfield College",
                 "Best Paper Award, Learning on Graphs Conference (LoG) 2022", "Early Career Prize",
                 "Visiting fellow, Difference Engine Laboratory"):
        assert fact in text, fact
    summary = words(page.select_one(".lab-summary"))
    assert f"Publications listed: {len(PUBLICATIONS)}" in summary
    assert (f"People supervised: {len(MEMBERS)} (1 postdoctoral researcher, 4 PhD students, 2 MSc students, "
            "2 BSc students)") in summary
    assert f"Courses taught: {len(COURSES)} (8 course runs)" in summary and f"Invited talks: {len(TALKS)}" in summary
    assert "Grants: 2 (plus 2 computing-time awards)" in summary and "Awards: 2" in summary
    assert len(page.select("li.lab-pub")) == len(PUBLICATIONS)
    assert not page.select("li.lab-pub details.lab-pub__bibtex")  # on the papers' pages and /publications/
    assert all(page.find("strong", string=name) for name, *_ in MEMBERS)
    award = page.find("a", string=PUBLICATIONS["lovelace2022graphs"][0])
    assert award["href"] == "../publications/lovelace2022graphs/"  # the award leads to its paper


def test_data_folder_is_not_published(example_site):
    assert not (example_site.folder / "data").exists()


def test_join_page_says_whom_to_write_to_what_is_open_and_who_is_supervised(example_site):
    page = example_site.content("join/")
    text = words(page)
    assert "Ada Lovelace Reader in Computing, Frugal Computing Group, Analytical Engine Institute" in text
    assert page.select_one(".lab-contact-card a")["href"] == "mailto:ada.lovelace@example.org"
    # Open until 2099; the internship's deadline has passed (built on 2025-06-01).
    assert [words(li.strong) for li in page.select(".lab-positions li")] == ["PhD studentship in sparse language models"]
    assert "PhD student · apply by 31 Jan 2099 · fully funded, 3.5 years" in text
    assert "Summer internship" not in text
    assert ("Ada Lovelace currently supervises 1 postdoctoral researcher (Analytical Engine Institute), "
            "3 PhD students (Analytical Engine Institute, University of Ravensworth), "
            "1 MSc student (University of Ravensworth) and 2 BSc students (Analytical Engine Institute). "
            "Past students: 1 PhD student (Analytical Engine Institute) and 1 MSc student "
            "(Analytical Engine Institute).") in text
    assert [li["id"] for li in page.select("li.lab-pub")] == SELECTED[:3]


def _data_day(site) -> str:
    """The day the copied data was last saved (the copy is no git checkout), or the build's if later."""
    project = site.folder.parent
    newest = max(path.stat().st_mtime for folder in ("docs/data", "bib") for path in (project / folder).rglob("*"))
    day = min(datetime.datetime.fromtimestamp(newest, datetime.timezone.utc).date(), BUILD_DATE.date())
    return f"{day.day} {day.strftime('%b')} {day.year}"


def test_topics_show_by_title_in_the_filter_bar_and_on_papers_pages(example_site):
    themes = {"pruning": "Pruning large models", "sparse-training": "Sparse training",
              "few-labels": "Learning from few labels", "numerical-methods": "Numerical methods"}
    expected = {**themes, "graphs": "Graph learning", "speech": "Speech"}  # a titled topic; one made readable
    options = example_site.content("publications/").select("select[name=topic] option")
    assert {o["value"]: words(o) for o in options if o["value"]} == expected
    chips = example_site.content("publications/lovelace2024layerwise/").select(".lab-topics a")
    assert chips and all(words(a) == expected[a["href"].split("?topic=")[1]] for a in chips)


def test_publication_counts_come_from_the_data(example_site):
    for url in ("", "cv/", "publications/"):
        page = example_site.content(url)
        assert words(page.select_one(".lab-counts")) == \
            f"15 papers on this site as of {_data_day(example_site)} · 6 at A* venues · 1 at A venues (CORE2023)"
        assert words(page.select_one(".lab-record")).startswith(
            "Ada Lovelace's own count, as of March 2025: over 20 papers")
        assert words(page.select_one(".lab-venues")).startswith("By venue: 2 ICML · 2 NeurIPS · 1 AAAI")
        chart = page.select_one(".lab-chart svg")
        assert chart["role"] == "img" and "2024: 4" in chart["aria-label"] and "2019" not in chart["aria-label"]


def test_join_page_lists_the_themes_with_links_to_research_sections_and_papers(example_site):
    join = example_site.content("join/")
    research_ids = {tag["id"] for tag in example_site.content("research/").find_all(id=True)}
    themes = join.select(".lab-themes li")
    assert [words(li.strong) for li in themes] == ["Pruning large models", "Sparse training",
                                                   "Learning from few labels", "Numerical methods"]
    listing = example_site.content("publications/")
    counts = []
    for li in themes:
        section, papers = li.find_all("a")
        assert section["href"].startswith("../research/#") and section["href"].split("#")[1] in research_ids
        topic = papers["href"].split("?topic=")[1]
        counts.append(len(listing.select(f'li.lab-pub[data-topics~="{topic}"]')))
        assert words(papers) == f"{counts[-1]} papers"
    assert counts == [6, 7, 4, 3]
