"""BibTeX values, which hold LaTeX, as plain Unicode text.

Most values need little: braces that only protect case are dropped and dashes
replaced; latexcodec decodes accents quickly; only what is left (``\\textbf``, math
such as ``$\\ell_1$``) goes through pylatexenc's slower full parser, which is taught
the commands that BibTeX files from other fields use (the AAS journal macros of ADS
exports, ``\\href``, ``\\raisebox``). Whatever still looks like a command is dropped:
a reader never sees a command name or a brace.
"""

from __future__ import annotations

import codecs
import logging
import re
from functools import lru_cache

import latexcodec  # noqa: F401  (registers the "ulatex" codec)
from pylatexenc import latexwalker, macrospec
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

# The journal macros of the American Astronomical Society (aas_macros.sty), which
# NASA ADS writes into the BibTeX it exports (journal = {\apj}), with the journals' names.
AAS_JOURNALS = {
    "aj": "The Astronomical Journal", "actaa": "Acta Astronomica",
    "araa": "Annual Review of Astronomy and Astrophysics", "apj": "The Astrophysical Journal",
    "apjl": "The Astrophysical Journal Letters", "apjs": "The Astrophysical Journal Supplement Series",
    "ao": "Applied Optics", "apss": "Astrophysics and Space Science", "aap": "Astronomy and Astrophysics",
    "aapr": "Astronomy and Astrophysics Review", "aaps": "Astronomy and Astrophysics Supplement Series",
    "azh": "Astronomicheskii Zhurnal", "baas": "Bulletin of the American Astronomical Society",
    "caa": "Chinese Astronomy and Astrophysics", "cjaa": "Chinese Journal of Astronomy and Astrophysics",
    "icarus": "Icarus", "jcap": "Journal of Cosmology and Astroparticle Physics",
    "jrasc": "Journal of the Royal Astronomical Society of Canada",
    "memras": "Memoirs of the Royal Astronomical Society",
    "mnras": "Monthly Notices of the Royal Astronomical Society", "na": "New Astronomy",
    "nar": "New Astronomy Reviews", "pra": "Physical Review A", "prb": "Physical Review B",
    "prc": "Physical Review C", "prd": "Physical Review D", "pre": "Physical Review E",
    "prl": "Physical Review Letters", "pasa": "Publications of the Astronomical Society of Australia",
    "pasp": "Publications of the Astronomical Society of the Pacific",
    "pasj": "Publications of the Astronomical Society of Japan",
    "rmxaa": "Revista Mexicana de Astronomía y Astrofísica",
    "qjras": "Quarterly Journal of the Royal Astronomical Society", "skytel": "Sky and Telescope",
    "solphys": "Solar Physics", "sovast": "Soviet Astronomy", "ssr": "Space Science Reviews",
    "zap": "Zeitschrift für Astrophysik", "nat": "Nature", "iaucirc": "IAU Circulars",
    "aplett": "Astrophysics Letters", "apspr": "Astrophysics Space Physics Research",
    "bain": "Bulletin of the Astronomical Institutes of the Netherlands", "fcp": "Fundamentals of Cosmic Physics",
    "gca": "Geochimica et Cosmochimica Acta", "grl": "Geophysical Research Letters",
    "jcp": "Journal of Chemical Physics", "jgr": "Journal of Geophysical Research",
    "jqsrt": "Journal of Quantitative Spectroscopy and Radiative Transfer",
    "memsai": "Memorie della Società Astronomica Italiana", "nphysa": "Nuclear Physics A",
    "physrep": "Physics Reports", "physscr": "Physica Scripta", "planss": "Planetary and Space Science",
    "procspie": "Proceedings of the SPIE", "psj": "The Planetary Science Journal",
}
# Commands with arguments that pylatexenc's defaults do not read: (arguments, what is shown).
COMMANDS = {"href": ("{{", "%(2)s"), "url": ("{", "%(1)s"), "raisebox": ("{{", "%(2)s"),
            **{name: ("{", "%(1)s") for name in ("textsuperscript", "textsubscript", "texttt", "textsf", "textup",
                                                 "textmd", "textnormal", "textsl", "mbox", "hbox", "fbox")},
            "LaTeX": ("", "LaTeX"), "TeX": ("", "TeX"), "BibTeX": ("", "BibTeX")}
LEFTOVER_COMMAND = re.compile(r"\\([a-zA-Z]+\*?|.)?")


def _decoder() -> tuple[LatexNodes2Text, latexwalker.LatexContextDb]:
    parsing = latexwalker.get_default_latex_context_db()
    parsing.add_context_category("labsite", prepend=True, macros=[
        macrospec.MacroSpec(name, arguments) for name, (arguments, _) in COMMANDS.items()])
    text = get_default_latex_context_db()
    text.add_context_category("labsite", prepend=True, macros=[
        *(MacroTextSpec(name, simplify_repl=shown) for name, (_, shown) in COMMANDS.items()),
        *(MacroTextSpec(name, simplify_repl=journal) for name, journal in AAS_JOURNALS.items())])
    return LatexNodes2Text(latex_context=text, math_mode="text"), parsing


_DECODER, _PARSING = _decoder()
# pylatexenc logs what it cannot parse without saying which file: the text shown says enough.
logging.getLogger("pylatexenc").setLevel(logging.CRITICAL)


@lru_cache(maxsize=1 << 16)  # names and venues recur across a bibliography
def latex_to_text(latex: str) -> str:
    """Plain Unicode text of a BibTeX value: accents, symbols, math and commands decoded.

    White space is folded as BibTeX folds it: a ``\\par`` or a blank line never splits
    a value into paragraphs. LaTeX that the decoders reject (``\\href`` without
    arguments, a trailing backslash) is shown as written, less its commands and braces.
    """
    if not any(char in latex for char in "\\~$`"):
        text = latex.replace("---", "—").replace("--", "–").replace("{", "").replace("}", "")
    else:
        text = _decoded(latex)
    return " ".join(text.split())


def _decoded(latex: str) -> str:
    # BibTeX keeps a bare % or & as text; to the LaTeX decoders they start a comment or a table cell.
    latex = re.sub(r"(?<!\\)([%&])", r"\\\1", latex)
    try:
        decoded = codecs.decode(latex, "ulatex")
    except (ValueError, LookupError):  # latexcodec's UnicodeDecodeError is a ValueError
        decoded = latex
    if any(char in decoded for char in "\\$"):
        try:
            parsed = _DECODER.latex_to_text(latex, latex_context=_PARSING)
        except Exception:  # pylatexenc's parser fails in many ways on LaTeX it does not expect
            parsed = "%s"
        # A command without its arguments leaves pylatexenc's own placeholder behind.
        decoded = parsed if "%s" not in parsed or "%s" in latex else decoded.replace("$", "")
    return LEFTOVER_COMMAND.sub("", decoded).replace("{", "").replace("}", "")
