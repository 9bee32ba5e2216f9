"""What names the owner site-wide comes from the profile: the author tag, the footer's
line, the site's description and the image shown when a page is shared."""

from __future__ import annotations

import io
import os

import yaml
from bs4 import BeautifulSoup
from sitebuild import run_build
from PIL import Image, ImageDraw

from labsite.profile import Profile
from labsite.render import social_card as card
from labsite.render.metadata import site_settings

ADA = Profile(name="Ada Lovelace", position="Reader", institution="Analytical Engine Institute",
              interests=("Engines", "Poetry"))


def test_the_settings_that_name_the_owner_come_from_the_profile():
    assert site_settings(ADA) == {
        "site_author": "Ada Lovelace", "copyright": "Ada Lovelace, Analytical Engine Institute",
        "site_description": "Ada Lovelace, Reader at Analytical Engine Institute: Engines, Poetry."}
    assert site_settings(Profile(name="Ada"))["site_description"] == "Ada."
    assert site_settings(Profile()) == {"site_author": "", "copyright": "", "site_description": ""}


def test_the_social_card_is_a_1200_by_630_png_that_changes_with_the_profile():
    image = Image.open(io.BytesIO(card.social_card(ADA)))
    assert image.format == "PNG" and image.size == (1200, 630)
    assert card.social_card(ADA) == card.social_card(ADA)  # the same profile, the same bytes (and cached)
    assert card.social_card(ADA) != card.social_card(Profile(name="Grace Hopper", position="Reader"))


def test_a_long_name_wraps_and_ends_in_an_ellipsis_instead_of_running_off_the_card():
    canvas = ImageDraw.Draw(Image.new("RGB", card.SIZE))
    font, lines = card._laid_out(canvas, "Wolfeschlegelsteinhausenbergerdorff " * 6, card.NAME)
    assert len(lines) == card.NAME[-1] and lines[-1].endswith("…")
    assert all(canvas.textlength(line, font=font) <= card.SIZE[0] - 2 * card.MARGIN for line in lines)


def test_the_card_is_drawn_with_a_font_that_has_accented_letters_where_one_is_installed():
    font = card._font("regular", 40)
    installed = [path for path in card.FONTS["regular"] if os.path.isfile(path)]
    if installed:  # Debian's fonts-dejavu-core, which .ci/run installs
        assert font.path == installed[0]
        assert font.getmask("á").getbbox() != font.getmask("\uffff").getbbox()
    else:
        assert font.getname()  # Pillow's own font still draws the Latin letters


def test_the_build_draws_the_card_and_fills_author_copyright_and_description_from_the_profile(project):
    profile = yaml.safe_load((project / "docs" / "data" / "profile.yml").read_text(encoding="utf-8"))
    result, site = run_build(project)
    assert result.returncode == 0, result.stderr
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.find("meta", attrs={"name": "author"})["content"] == profile["name"]
    assert home.select_one(".md-copyright__highlight").get_text(strip=True).startswith(profile["name"])
    assert home.find("meta", attrs={"name": "description"})["content"].startswith(profile["name"])
    drawn = Image.open(site / "assets" / "social-card.png")
    assert drawn.size == (1200, 630)


def test_what_mkdocs_yml_sets_wins_over_the_profile(project):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\ncopyright: Written here\nsite_author: Someone Else\n",
                      encoding="utf-8")
    result, site = run_build(project)
    assert result.returncode == 0, result.stderr
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one(".md-copyright__highlight").get_text(strip=True) == "Written here"
    assert home.find("meta", attrs={"name": "author"})["content"] == "Someone Else"
