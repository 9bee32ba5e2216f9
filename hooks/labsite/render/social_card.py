"""The image shown when a page of the site is shared (Open Graph, 1200 x 630), drawn
from the profile at build time, so that it names whoever the site is about."""

from __future__ import annotations

import functools
import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ..profile import Profile

SIZE = (1200, 630)
MARGIN = 90
BACKGROUND = (63, 81, 181)  # Material's indigo, the site's primary colour
TEXT = (255, 255, 255)
QUIET = (226, 230, 247)
# Fonts with accented letters (Pillow's own font has none: "Fernández" would show a box),
# bold and regular: Debian's DejaVu (fonts-dejavu-core), then macOS's and Windows' Arial.
FONTS = {
    "bold": ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
             "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
             "/System/Library/Fonts/Supplemental/Arial Bold.ttf", "C:/Windows/Fonts/arialbd.ttf"),
    "regular": ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
                "/System/Library/Fonts/Supplemental/Arial.ttf", "C:/Windows/Fonts/arial.ttf"),
}
# Each line of the card: its face, colour, largest and smallest size in px, most lines it may wrap to.
NAME, WHERE, INTERESTS = ("bold", TEXT, 88, 56, 2), ("regular", QUIET, 40, 30, 2), ("regular", QUIET, 30, 24, 2)


def drawn_from(profile: Profile) -> str:
    """What the card is drawn from: the profile, and the fonts that this machine has."""
    return repr((profile, [path for face in FONTS.values() for path in face if Path(path).is_file()]))


def social_card(profile: Profile) -> bytes:
    """A PNG: the owner's name, position and institution, and research interests."""
    where = " · ".join(part for part in (profile.position, profile.institution) if part)
    return _drawn(profile.name, where, " · ".join(profile.interests))


@functools.lru_cache(maxsize=4)  # `mkdocs serve` rebuilds often; the card changes only with the profile
def _drawn(name: str, where: str, interests: str) -> bytes:
    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    blocks = [(_laid_out(draw, text, style), style[1]) for text, style in
              ((name, NAME), (where, WHERE), (interests, INTERESTS)) if text]
    gap = 18
    height = sum(len(lines) * font.size * 1.25 for (font, lines), _ in blocks) + gap * (len(blocks) - 1)
    y = (SIZE[1] - height) / 2
    for (font, lines), colour in blocks:
        for line in lines:
            draw.text((MARGIN, y), line, font=font, fill=colour)
            y += font.size * 1.25
        y += gap
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _laid_out(draw: ImageDraw.ImageDraw, text: str, style: tuple) -> tuple[ImageFont.ImageFont, list[str]]:
    """The largest font of ``style`` in which ``text`` fits its lines, and the lines;
    at the smallest size, what does not fit is cut, with an ellipsis."""
    face, _, largest, smallest, most = style
    room = SIZE[0] - 2 * MARGIN
    for size in range(largest, smallest - 1, -4):
        font = _font(face, size)
        lines = _wrapped(draw, text, font, room)
        if len(lines) <= most and all(draw.textlength(line, font=font) <= room for line in lines):
            return font, lines
    lines = _wrapped(draw, text, font, room)
    return font, [_cut(draw, line, font, room, more=n == most - 1 and len(lines) > most)
                  for n, line in enumerate(lines[:most])]


def _cut(draw: ImageDraw.ImageDraw, line: str, font: ImageFont.ImageFont, room: float, more: bool) -> str:
    """``line`` shortened to ``room``, ending in an ellipsis where anything was left out
    (``more``: the text goes on after it)."""
    if not more and draw.textlength(line, font=font) <= room:
        return line
    while line and draw.textlength(line + "…", font=font) > room:
        line = line[:-1]
    return line.rstrip(" ·") + "…"


def _wrapped(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.ImageFont, room: float) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``room`` (a word wider than it stands alone)."""
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


@functools.cache
def _font(face: str, size: int) -> ImageFont.ImageFont:
    path = next((path for path in FONTS[face] if Path(path).is_file()), None)
    # Without any of them, Pillow's own font: Latin letters without accents only.
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size=size)
