"""The owner's news on the home page and the news page."""

from __future__ import annotations


def test_the_owners_latest_news_come_first_and_all_of_it_is_on_the_news_page(owner_site):
    latest = [li.find("time")["datetime"] for li in owner_site.content("").select(".lab-news li")]
    assert latest == ["2026-08-20", "2026-07-20", "2026-05-02"]
    everything = owner_site.content("news/").select(".lab-news li")
    assert len(everything) == 45 and everything[-1].find("time")["datetime"] == "2022-03-02"
