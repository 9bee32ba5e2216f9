"""The owner's news on the home page and the news page."""

from __future__ import annotations


def test_the_owners_latest_news_come_first_and_all_of_it_is_on_the_news_page(owner_site):
    latest = [li.find("time")["datetime"] for li in owner_site.content("").select(".lab-news li")]
    assert latest == ["2024-12-23", "2024-12-08", "2024-09-02"]
    everything = owner_site.content("news/").select(".lab-news li")
    assert len(everything) == 21 and everything[-1].find("time")["datetime"] == "2022-03-02"
