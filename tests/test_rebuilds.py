"""labsite.rebuilds: what a page reads is noted, digested, and decides whether a rebuild keeps it."""

from __future__ import annotations

import dataclasses

from labsite import directives
from labsite.names import Name
from labsite.publications import Publication
from labsite.rebuilds import Built, Digests, Reads, Rebuilds, digest
from labsite.site import SiteData
from labsite.talks import Talk


def paper(key: str, title: str, keywords: tuple[str, ...] = ("pruning",), year: int = 2024, line: int = 1):
    return Publication(key, "inproceedings", title, (Name("Ada", "Lovelace"),), year, keywords=keywords,
                       path="bib/publications.bib", line=line)


PAPERS = [paper("a2025", "Newest", year=2025), paper("b2024", "Middle"), paper("c2023", "Oldest", ("graphs",), 2023)]
DATA = SiteData(publications=PAPERS, talks=[Talk(2025, "A talk", "A seminar")])


def reads_of(markdown: str, data: SiteData = DATA) -> set:
    reads = Reads(data)
    directives.expand(markdown, "docs/p.md", reads)
    return reads.read


def test_a_page_reads_what_its_directives_draw():
    assert ("talks", None) in reads_of("[% talks %]")
    assert not any(name == "talks" for name, _ in reads_of("[% publications %]"))


def test_a_paper_page_reads_its_own_entry_and_related_papers_not_the_whole_list():
    read = reads_of("[% paper key=b2024 %]")
    assert {("publication", ("b2024",)), ("related", ("b2024",))} <= read
    assert ("publications", None) not in read and ("by_topic", None) not in read


def test_digests_follow_what_a_page_shows():
    before, after = Digests(DATA), Digests(dataclasses.replace(DATA, publications=[
        paper("a2025", "Newest, edited", year=2025), *PAPERS[1:]]))
    assert before.of(("publication", ("a2025",))) != after.of(("publication", ("a2025",)))
    assert before.of(("publication", ("c2023",))) == after.of(("publication", ("c2023",)))
    assert before.of(("related", ("b2024",))) != after.of(("related", ("b2024",)))  # it shows the edited paper
    assert before.of(("related", ("c2023",))) == after.of(("related", ("c2023",)))  # another topic
    assert before.of(("talks", None)) == after.of(("talks", None))


def test_where_a_paper_stands_in_its_file_is_not_what_its_page_shows():
    moved = dataclasses.replace(DATA, publications=[dataclasses.replace(p, line=p.line + 9) for p in PAPERS])
    assert Digests(DATA).of(("publications", None)) == Digests(moved).of(("publications", None))


def test_a_page_is_kept_only_while_its_source_and_what_it_read_are_the_same():
    rebuilds, digests = Rebuilds(), Digests(DATA)
    sources = {"talks.md": digest("talks"), "c.md": digest("c")}
    assert rebuilds.stale("site", sources, digests) == set(sources)  # never written
    for path, read in (("talks.md", ("talks", None)), ("c.md", ("publication", ("c2023",)))):
        rebuilds.record(path, Built(sources[path], {read: digests.of(read)}))
    assert rebuilds.stale("site", sources, digests) == set()
    edited = Digests(dataclasses.replace(DATA, talks=[Talk(2025, "Another talk", "A seminar")]))
    assert rebuilds.stale("site", sources, edited) == {"talks.md"}
    assert rebuilds.stale("site", {**sources, "c.md": digest("c, edited")}, digests) == {"c.md"}
    assert rebuilds.stale("other settings", sources, digests) == set(sources)


def test_pages_that_are_gone_are_forgotten():
    rebuilds, digests = Rebuilds(), Digests(DATA)
    rebuilds.record("gone.md", Built(digest("x"), {}))
    rebuilds.stale("site", {}, digests)
    assert rebuilds.built("gone.md") is None
