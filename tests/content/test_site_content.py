"""The owner's site, built strictly: every item of the owner's profile is on its page.

The expected items are copied from the owner's profile (the seed of the site's data),
not from the site's output: the test checks the data made it, page by page.
"""

from __future__ import annotations

from collections import Counter

import pytest
from sitebuild import words

# Titles as published (see the README on where they differ from the profile's wording), with
# the papers of 2024 to 2026 that the owner's own site lists (its papers.bib and its news).
PUBLICATIONS = {
    "cui2026medfm": ("MedFM-Robust: Benchmarking Robustness of Medical Foundation Models", "MICCAI 2026"),
    "zhuang2026tsegagent": ("TSegAgent: Zero-Shot Tooth Segmentation", "MICCAI 2026"),
    "lu2026cpr": ("CPR: Chained Perceptual Refinement", "MICCAI 2026"),
    "painter2026diallm": ("DiaLLM: An Investigation into the Robustness-Generation Gap", "EMNLP 2026"),
    "han2026w2t": ("W2T: LoRA Weights Already Know What They Can Do", "EMNLP 2026"),
    "chen2026sempa": ("SemPA: Improving Sentence Embeddings of Large Language Models", "ACL Findings 2026"),
    "yan2026beyond": ("Beyond Cross-Modal Alignment: Measuring and Leveraging Modality Gap", "ACL Findings 2026"),
    "thengane2026scope": ("SCOPE: Scene-Contextualized Incremental Few-Shot 3D Segmentation", "CVPR Findings 2026"),
    "su2026gptailor": ("GPTailor: Large Language Model Pruning Through Layer Cutting and Stitching", "ICLR 2026"),
    "zhu2026dualkernel": ("Dual-Kernel Adapter: Expanding Spatial Horizons", "ICLR 2026"),
    "song2026demystifying": ("Demystifying the Roles of LLM Layers in Retrieval, Knowledge, and Reasoning", "ICASSP 2026"),
    "han2026long": ("Long Chain-of-Thought Compression via Fine-Grained Group Policy Optimization", "ICASSP 2026"),
    "jaiswal2025low": ("From Low Rank Gradient Subspace Stabilization to Low-Rank Weights", "ICML 2025"),
    "liu2025lift": ("LIFT the Veil for the Truth", "ICML 2025"),
    "li2025outlier": ("Outlier-weighed Layerwise Sampling for LLM Fine-tuning", "ACL Findings 2025"),
    "guo2025todo": ("TODO: Enhancing LLM Alignment with Ternary Preferences", "ICLR 2025"),
    "zhang2025qgalore": ("Q-GaLore: Quantized GaLore with INT4 Projection", "CPAL 2025"),
    "thengane2025climb": ("CLIMB-3D: Class-Incremental Imbalanced 3D Instance Segmentation", "BMVC 2025"),
    "wang2025into": ("Into the Unknown: Applying Inductive Spatial-Semantic Location Embeddings", "SIGSPATIAL 2025"),
    "wang2025multimodal": ("Multimodal contrastive learning of urban space representations from POI data", "CEUS 2025"),
    "he2025alphadecay": ("AlphaDecay: Module-wise Weight Decay for Heavy-Tailed Balancing in LLMs", "NeurIPS 2025"),
    "sun2025curse": ("The Curse of Depth in Large Language Models", "NeurIPS 2025"),
    "chen2025gpas": ("GPAS: Accelerating Convergence of LLM Pretraining via Gradient-Preserving Activation Scaling",
                     "NeurIPS 2025"),
    "li2025mixln": ("Mix-LN: Unleashing the Power of Deeper Layers by Combining Pre-LN and Post-LN", "ICLR 2025"),
    "kappiyath2025sebra": ("Sebra: Debiasing through Self-Guided Bias Ranking", "ICLR 2025"),
    "xiao2024dynamic": ("Dynamic Data Pruning for Automatic Speech Recognition", "Interspeech 2024"),
    "fernandezlopez2024msrs": ("MSRS: Training Multimodal Speech Recognition Models from Scratch", "Interspeech 2024"),
    "yin2024outlier": ("Outlier Weighed Layerwise Sparsity (OWL)", "ICML 2024"),
    "yin2024junk": ("Pruning Small Pre-Trained Weights Irreversibly and Monotonically Impairs", "ICML 2024"),
    "huang2023large": ("Are Large Kernels Better Teachers than Transformers for ConvNets?", "ICML 2023"),
    "yin2023dynamic": ("Dynamic Sparsity Is Channel-Level Sparsity Learner", "NeurIPS 2023"),
    "yin2023lottery": ("Lottery Pools: Winning More by Interpolating Tickets", "AAAI 2023"),
    "yin2022superposing": ("Superposing Many Tickets into One", "UAI 2022"),
    "ji2024advancing": ("Advancing Dynamic Sparse Training by Exploring Optimization Opportunities", "ICML 2024"),
    "liu2021we": ("Do We Actually Need Dense Over-Parameterization?", "ICML 2021"),
    "xiao2024sparse": ("Are Sparse Neural Networks Better Hard Sample Learners?", "BMVC 2024"),
    "fernandezlopez2025full": ("Full-Rank No More", "ICASSP 2025"),
    "wu2024e2enet": ("E2ENet: Dynamic Sparse Feature Fusion", "NeurIPS 2024"),
    "jaiswal2024ffn": ("FFN-SkipLLM: A Hidden Gem for Autoregressive Decoding", "EMNLP 2024"),
    "bandari2024c4": ("Is C4 Dataset Optimal for Pruning?", "EMNLP 2024"),
    "li2024neurrev": ("NeurRev: Train Better Sparse Neural Network Practically via Neuron Revitalization",
                      "ICLR 2024"),
    "liu2021sparse": ("Sparse Training via Boosting Pruning Plasticity with Neuroregeneration", "NeurIPS 2021"),
    "atashgahi2023supervised": ("Supervised Feature Selection with Neuron Evolution in Sparse Neural Networks",
                                "TMLR 2023"),
    "huang2022you": ("You Can Have Better Graph Neural Networks by Not Training Weights at All", "LoG 2022"),
    "yin2020knowledge": ("Knowledge Elicitation Using Deep Metric Learning and Psychometric Testing",
                         "ECML-PKDD 2020"),
    "zhao2023rest": ("REST:", "ECML-PKDD 2023"),
    "huang2023enhancing": ("Enhancing Adversarial Training via Reweighting Optimization Trajectory",
                           "ECML-PKDD 2023"),
    "yin2020beyond": ("Beyond Labels: Knowledge Elicitation Using Deep Metric Learning and Psychometric Testing",
                      "IJCAI DC 2020"),
    "yin2021hierarchical": ("Hierarchical Semantic Segmentation using Psychometric Learning", "ACML 2021"),
    "yin2022semantica": ("Semantic-Based Few-Shot Learning by Interactive Psychometric Testing",
                         "AAAI Workshop 2022"),
    "yin2022semanticb": ("Semantic-Based Few-Shot Classification by Psychometric Learning", "IDA 2022"),
    "deng2018real": ("Real-Time Detection of Polygons and Circles Based on Semantics", "ICIA 2018"),
    "zhu2017wind": ("Wind Disturbance Rejection in Position Control of Unmanned Helicopter", "ICVS 2017"),
}
SELECTED = ["he2025alphadecay", "sun2025curse", "chen2025gpas", "li2025mixln", "kappiyath2025sebra", "yin2024outlier", "yin2024junk", "huang2023large", "yin2023dynamic", "yin2023lottery",
            "yin2022superposing"]

STUDENTS = [  # name, level heading, topic, institution, year (None: the public pages give none)
    ("Mingyu Cao", "PhD students", None, None, "2025"),
    ("Handa Li", "PhD students", None, None, "2025"),
    ("Xiaolong Han", "PhD students", None, None, "2025"),
    ("Andi Li", "PhD students", "Model Compression", "University of Aberdeen", "2024"),
    ("Adarsh Kappiyath", "PhD students", "Robustness of Large Foundation Models", "University of Surrey", "2024"),
    ("Vishal Thengane", "PhD students", "Resource Efficient 3D World Understanding", "University of Surrey", "2024"),
    ("Jiaxi Li", "PhD students", "Efficient LLM", "University of Surrey", "2024"),
    ("Judith te Selle", "MSc students", "Automated Object Recognition in Aerial Photographs",
     "Eindhoven University of Technology", "2022"),
    ("Phuong Trinh", "MSc students", "Aspect-based Few-shot Learning", "Eindhoven University of Technology", "2022"),
    ("Roche Saul", "BSc students", "Sparse Training with Dynamic Sparsity", "University of Surrey", "2024"),
    ("Davison Ben", "BSc students", "Reliable Music Generation", "University of Surrey", "2024"),
]
COURSES = [  # title, code, institution, years
    ("Deep Learning", "2AMM10", "Eindhoven University of Technology", "2020, 2021, 2023"),
    ("Applied Artificial Intelligence", "CS5079", "University of Aberdeen", "2024"),
    ("Data Mining and Deep Learning", "CS552J", "University of Aberdeen", "2024"),
    ("Practical Business Analytics", "COM3018", "University of Surrey", "2024"),
    ("Deep Learning and Advanced AI", "COM3025", "University of Surrey", "2025, 2026"),
    ("Business Analytics With Data Visualisation", "COMM074", "University of Surrey", "2026"),
]
TALKS = [  # year, title, host
    ("2024", "The power of model sparsity", "City University of Hong Kong"),
    ("2023", "LLM pruning", "University of Texas at Austin"),
    ("2023", "Meta universe and Digital Human", "AI time PhD Debate"),
    ("2022", "Model/supervision Efficiency", "Carnegie Mellon University"),
    ("2020", "Going beyond training ML models with labels", "EDGE AI"),
]
REVIEWING = {
    "2025": (["CPAL", "ICLR", "CVPR"], []),
    "2024": (["NeurIPS", "DAC", "UAI", "ICML", "CPAL"], ["ACM Computing Surveys"]),
    "2023": (["NeurIPS", "UAI", "ICLR SNN (workshop)"], ["Clinical Epidemiology"]),
    "2022": (["SNN"], []),
    "2020": (["ECML-PKDD"], []),
}
ORGANISATION = [
    "Edge-Device Large Language Model Competition",
    "Stable Training Paradigms for LLMs: Reducing Instability, Increasing Capacity",
    "Secure, Private, and Fair Federated Optimization and Learning",
]
COMPUTING = ["EINF-2694", "EINF-2943", "EINF-5205", "EINF-5206"]


def test_the_build_is_strict_and_quiet(owner_site):
    assert "WARNING" not in owner_site.log and "ERROR" not in owner_site.log


@pytest.mark.parametrize("url", ["", "research/", "publications/", "team/", "join/", "teaching/", "talks/",
                                 "service/", "grants/", "cv/"])
def test_every_page_of_the_issue_exists_at_its_address(owner_site, url):
    assert owner_site.content(url).h1 is not None


def test_publications_page_lists_every_paper_with_badge_newest_year_first(owner_site):
    page = owner_site.content("publications/")
    for key, (title, badge) in PUBLICATIONS.items():
        entry = page.find(id=key)
        assert entry is not None, key
        assert title in words(entry), key
        assert badge in words(entry.select_one(".lab-pub__badges")), key
    years = [int(h2.get_text(strip=True).rstrip("¶")) for h2 in page.find_all("h2")]
    assert years == sorted(years, reverse=True) and len(years) == len(set(years))
    assert len(page.select("li.lab-pub")) == len(PUBLICATIONS)


def test_owner_is_highlighted_in_every_author_list(owner_site):
    page = owner_site.content("publications/")
    for entry in page.select("li.lab-pub"):
        owners = [words(tag) for tag in entry.select(".lab-owner")]
        assert owners == ["Lu Yin"], entry["id"]


def test_equal_contribution_and_awards_are_marked(owner_site):
    page = owner_site.content("publications/")
    rest = page.find(id="zhao2023rest")
    assert [words(sup) for sup in rest.select(".lab-pub__authors sup")] == ["*", "*"]
    assert "* equal contribution" in words(page.select_one(".lab-legend"))
    assert "Best Paper Award" in words(page.find(id="huang2022you"))
    assert "Long oral" in words(page.find(id="yin2021hierarchical"))


def test_home_page_shows_owner_interests_selected_papers_awards_and_links(owner_site):
    page = owner_site.content("")
    text = words(page)
    # The second homes are in the biography's words (the hero leaves them out, not to say them twice).
    for fact in ("Assistant Professor", "University of Surrey", "the Visual Informatics Group (VITA) at UT Austin",
                 "Eindhoven University of Technology (TU/e)", "AI Efficiency", "Large Language Models",
                 "ML/DL", "AI Interdisciplinary Applications", "passion and persistence"):
        assert fact in text, fact
    assert [li["id"] for li in page.select("li.lab-pub")] == SELECTED
    assert "Best Paper Award" in text and "Best Paper Nomination Award" in text
    assert page.find("a", href="https://scholar.google.com/citations?user=G4Xe1NkAAAAJ") is not None


def test_research_page_cites_papers_through_mkdocs_bibtex(owner_site):
    page = owner_site.content("research/")
    footnotes = page.select("div.footnote li")
    cited = {li["id"].removeprefix("fn:") for li in footnotes}
    assert {"yin2024outlier", "yin2023dynamic", "liu2021we", "yin2020knowledge"} <= cited
    assert all(page.find("a", href=f"#fn:{key}") for key in cited)


def test_team_page_lists_every_student_under_their_level_or_alumni(owner_site):
    page = owner_site.content("team/")
    for name, level, topic, institution, year in STUDENTS:
        card = page.find("p", class_="lab-person__name", string=name).find_parent("article")
        assert card["id"] == "person-" + name.lower().replace(" ", "-")
        text = words(card)
        assert (f"Topic: {topic}" in text if topic else "Topic:" not in text) and year in text, name
        if institution:
            assert (institution in text) == (institution != "University of Surrey"), name
        # Built on 2025-06-01: the MSc projects of 2022 are over, the others go on.
        section = words(card.find_parent("div").find_previous("h2"))
        assert section.startswith("Alumni" if level == "MSc students" else level), name


def test_teaching_page_has_one_row_per_course_with_its_years(owner_site):
    rows = [words(tr) for tr in owner_site.content("teaching/").select("tbody tr")]
    assert len(rows) == len(COURSES)
    for title, code, institution, years in COURSES:
        assert any(code in row and title in row and institution in row and row.endswith(years) for row in rows)


def test_talks_page_groups_talks_by_year(owner_site):
    page = owner_site.content("talks/")
    for year, title, host in TALKS:
        item = page.find("strong", string=title).find_parent("li")
        assert host in words(item)
        assert words(item.find_previous("h2")).startswith(year)


def test_service_page_has_reviewing_by_year_and_organisation(owner_site):
    page = owner_site.content("service/")
    rows = {words(tr.td): words(tr) for tr in page.select("tbody tr")}
    for year, (conferences, journals) in REVIEWING.items():
        assert all(venue in rows[year] for venue in conferences + journals), year
    for title in ORGANISATION:
        assert title in words(page)


def test_grants_page_has_the_grant_and_every_computing_award(owner_site):
    text = words(owner_site.content("grants/"))
    for fact in ("NWO Grants for Computing Time", "The Dutch Research Council (NWO)", "$90,431.50",
                 "Apr 2023 – Apr 2025", "Co-PI (with Mykola Pechenizkiy and Shiwei Liu)", *COMPUTING,
                 "NVIDIA A100: 1,000,000 Credits (7,812 hr)", "HPC Cloud (CPU): 50,000 hr"):
        assert fact in text, fact


def test_cv_page_has_experience_education_awards_and_a_summary_of_the_rest(owner_site):
    page = owner_site.content("cv/")
    text = words(page)
    for fact in ("Assistant Professor, University of Surrey", "Jun 2024 – present",
                 "Postdoctoral Researcher, Eindhoven University of Technology", "Jul 2023 – Dec 2023",
                 "AI Researcher (Intern), Google", "Build Efficient Large Language Models (LLM)",
                 "Ph.D. in Computer Science", "Oct 2018 – Feb 2023", "Prof. Dr. Mykola Pechenizkiy",
                 "Master in Control Engineering", "Harbin Institute of Technology (Shenzhen)",
                 "Bachelor in Electrical Engineering and Automation", "Best Paper Award"):
        assert fact in text, fact
    summary = words(page.select_one(".lab-summary"))
    assert f"Publications listed: {len(PUBLICATIONS)}" in summary
    assert f"People supervised: {len(STUDENTS)} (7 PhD students, 2 MSc students, 2 BSc students)" in summary
    assert f"Courses taught: {len(COURSES)}" in summary and f"Invited talks: {len(TALKS)}" in summary
    assert len(page.select("li.lab-pub")) == len(PUBLICATIONS)
    assert not page.select("li.lab-pub details.lab-pub__bibtex")  # on the papers' pages and /publications/
    assert all(page.find("strong", string=name) for name, *_ in STUDENTS)


def test_data_folder_is_not_published(owner_site):
    assert not (owner_site.folder / "data").exists()


def test_join_page_says_what_the_group_does_who_it_supervises_and_whom_to_contact(owner_site):
    page = owner_site.content("join/")
    text = words(page)
    assert "Lu Yin currently supervises 7 PhD students (University of Aberdeen, University of Surrey) and " \
           "2 BSc students (University of Surrey). Past students: 2 MSc students " \
           "(Eindhoven University of Technology)." in text
    assert "((" not in text and "))" not in text  # no brackets inside brackets anywhere on the page
    assert "Assistant Professor, Nature Inspired Computing and Engineering Group, University of Surrey" in text
    assert [li["id"] for li in page.select("li.lab-pub")] == SELECTED[:3]
    assert "AI Efficiency" in text
    # No position is open: the page says so, and that enquiries are welcome.
    assert page.find("h2", id="open-positions") is not None
    assert "No positions are advertised at the moment. Enquiries are welcome all the same" in text


def test_seed_pages_and_places_are_kept(owner_site):
    page = owner_site.content("publications/")
    assert "pp. 444–449" in words(page.find(id="deng2018real"))
    assert "pp. 590–599. Springer, Cham, 2017." in words(page.find(id="zhu2017wind"))
    assert "Turin, Italy" in words(page.find(id="zhao2023rest"))


# CORE2023 ranks of the venues above (docs/data/venues.yml gives the same).
RANKS = {"ICML": "A*", "NeurIPS": "A*", "ICLR": "A*", "AAAI": "A*", "EMNLP": "A*",
         "UAI": "A", "BMVC": "A", "ECML-PKDD": "A"}


def _venue_and_year(badge: str) -> tuple[str, int]:
    venue, year = badge.rsplit(" ", 1)
    return venue, int(year)


def test_publication_counts_come_from_the_data(owner_site):
    venues = Counter(_venue_and_year(badge)[0] for _, badge in PUBLICATIONS.values())
    years = Counter(_venue_and_year(badge)[1] for _, badge in PUBLICATIONS.values())
    ranks = Counter(RANKS.get(venue) for venue, n in venues.items() for _ in range(n))
    assert (len(PUBLICATIONS), ranks["A*"], ranks["A"]) == (53, 24, 6)  # the papers this test knows
    for url in ("", "cv/", "publications/"):
        page = owner_site.content(url)
        counts = words(page.select_one(".lab-counts"))
        assert counts.startswith(f"{len(PUBLICATIONS)} papers on this site as of ")
        assert counts.endswith(f" · {ranks['A*']} at A* venues · {ranks['A']} at A venues (CORE2023)")
        # The owner's stated record, dated as the owner stated it: not a count of this list.
        assert words(page.select_one(".lab-record")) == (
            "Lu Yin's own count, as of December 2024: over 40 papers (12 A* and 5 A top AI conference papers, "
            "CORE Conference Ranking), 1 journal paper.")
        shown = dict(part.split(" ", 1)[::-1] for part in
                     words(page.select_one(".lab-venues")).removeprefix("By venue: ").split(" · "))
        assert {venue: int(n) for venue, n in shown.items()} == dict(venues)
        chart = page.select_one(".lab-chart svg")
        assert chart["aria-label"] == "Papers per year: " + ", ".join(f"{year}: {years[year]}" for year in sorted(years))


def test_join_page_lists_the_themes_with_links_to_research_sections_and_papers(owner_site):
    join = owner_site.content("join/")
    research_ids = {tag["id"] for tag in owner_site.content("research/").find_all(id=True)}
    themes = join.select(".lab-themes li")
    assert [words(li.strong) for li in themes] == ["Pruning large language models", "Training large language models",
                                                   "Dynamic sparse training",
                                                   "Efficient architectures and applications",
                                                   "Data efficiency and knowledge elicitation"]
    listing = owner_site.content("publications/")
    for li in themes:
        section, papers = li.find_all("a")
        assert section["href"].startswith("../research/#") and section["href"].split("#")[1] in research_ids
        topic = papers["href"].split("?topic=")[1]
        count = len(listing.select(f'li.lab-pub[data-topics~="{topic}"]'))
        assert words(papers) == f"{count} papers" and count > 0
