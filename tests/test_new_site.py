"""`python -m labsite new DIR --name NAME`: a new site that builds strictly as written,
names its owner and nobody else, and whose commented examples are valid data."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from sitebuild import ROOT, build_once, run_build
from test_fork import FORK_RUN
from test_quality import broken_links, unsafe_markup

from labsite import bibliography, scaffold, site, yamldata

NAME = "Ada Lovelace"
PAGES = ("index", "research", "publications", "team", "join", "news", "teaching", "talks", "service", "grants", "cv")
ENGINE = ("hooks/lab.py", "hooks/labsite/__init__.py", "hooks/labsite/site.py", "hooks/labsite/scaffold.py",
          "hooks/labsite/schemas/profile.schema.json", "hooks/labsite/templates/new/mkdocs.yml",
          "overrides/404.html", "docs/assets/lab.css", "docs/assets/publications.css", "docs/assets/print.css",
          "docs/assets/publications.js", "docs/assets/favicon.svg", ".github/workflows/site.yml",
          ".github/workflows/citations.yml", ".ci/run",
          ".gitignore", "pyproject.toml", "README.md", "mkdocs.yml", "bib/publications.bib")
OWNER_SETTINGS = ("site_name", "site_description", "site_author", "copyright")
# What of the real site's owner could leak into a new site.
NOT_HERS = ("Lu Yin", "Surrey", "luuyin", "Yin, Lu", "Eindhoven")


def labsite(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``python -m labsite ARGS`` as a user runs it."""
    return subprocess.run([sys.executable, "-m", "labsite", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=60)


@pytest.fixture(scope="module")
def new_site(tmp_path_factory) -> Path:
    """A site written by the command, never changed: copy it to change it."""
    folder = tmp_path_factory.mktemp("new") / "ada-site"
    result = labsite("new", str(folder), "--name", NAME)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and str(folder) in result.stdout
    return folder


@pytest.fixture(scope="module")
def built(new_site, tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    project = tmp_path_factory.mktemp("built") / "site-source"
    shutil.copytree(new_site, project)
    return run_build(project)


def copy_of(new_site: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(new_site, tmp_path / "site-source"))


# The command


def test_the_command_writes_the_pages_every_data_file_an_empty_bib_and_the_engine(new_site):
    for page in PAGES:
        assert (new_site / "docs" / f"{page}.md").is_file(), page
    for name in site.EDITED_FILES:
        assert (new_site / "docs" / "data" / f"{name}.yml").is_file(), name
    for path in ENGINE:
        assert (new_site / path).is_file(), path
    assert os.access(new_site / ".ci" / "run", os.X_OK)
    # The engine is this checkout's, as it is.
    for path in ("hooks/lab.py", "hooks/labsite/site.py", "overrides/404.html", "docs/assets/lab.css",
                 ".github/workflows/site.yml", ".ci/run", ".gitignore", "tests/conftest.py", "tests/example/mkdocs.yml",
                 "tests/tools/package-lock.json"):
        assert (new_site / path).read_bytes() == (ROOT / path).read_bytes(), path
    written = [path.relative_to(new_site).as_posix() for path in new_site.rglob("*")]
    assert not [path for path in written if "__pycache__" in path or ".egg-info" in path or path.endswith(".pyc")
                or "node_modules" in path or path.startswith(("tests/content", "tests/artifacts"))]
    assert "docs/assets/social-card.png" not in written  # the real site's own picture
    assert [path.name for path in (new_site / "bib").iterdir()] == ["publications.bib"]
    assert bibliography.load(new_site / "bib" / "publications.bib", "bib/publications.bib").entries == []


def test_its_settings_are_the_real_sites_less_what_names_the_owner(new_site):
    ours, theirs = mkdocs_config(new_site / "mkdocs.yml"), mkdocs_config(ROOT / "mkdocs.yml")
    assert ours["site_name"] == NAME
    assert not {"site_description", "site_author", "copyright"} & ours.keys()  # the hook takes them from the profile
    # Any other difference is drift: change hooks/labsite/templates/new/mkdocs.yml with mkdocs.yml.
    assert {k: v for k, v in ours.items() if k not in OWNER_SETTINGS} == \
           {k: v for k, v in theirs.items() if k not in OWNER_SETTINGS}
    assert [next(iter(item.values())) for item in ours["nav"]] == [f"{page}.md" for page in PAGES]


def test_its_project_file_is_the_real_sites_with_a_name_and_description_of_its_own(new_site):
    # Read as text, line by line: the file is the checkout's, less two lines (and tomllib is 3.11+).
    own = re.compile(r'^(name|description) = "(.*)"$', re.MULTILINE)
    ours = (new_site / "pyproject.toml").read_text(encoding="utf-8")
    theirs = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    fields = dict(own.findall(ours))
    assert fields["name"] == "ada-lovelace-site" and NAME in fields["description"]
    for text in fields.values():
        assert not any(word.lower() in text.lower() for word in NOT_HERS)
    assert own.sub("", ours) == own.sub("", theirs)


def test_a_folder_that_is_not_empty_is_refused_in_one_line_and_left_as_it_was(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = labsite("new", str(tmp_path), "--name", NAME)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert str(tmp_path) in result.stderr and "not an empty folder" in result.stderr
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]

    (tmp_path / "file").write_text("", encoding="utf-8")
    result = labsite("new", str(tmp_path / "file"), "--name", NAME)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1


def test_an_empty_name_is_refused_and_an_empty_folder_is_used(tmp_path):
    result = labsite("new", str(tmp_path), "--name", "  ")
    assert result.returncode == 2 and result.stderr.strip() == "labsite new: --name: expected some text, got none"
    assert list(tmp_path.iterdir()) == []
    result = labsite("new", str(tmp_path), "--name", NAME, "--position", "Reader",
                     "--institution", "Analytical Engine Institute", "--title", "Lovelace Lab · Engines")
    assert result.returncode == 0, result.stderr
    profile = yaml.safe_load((tmp_path / "docs" / "data" / "profile.yml").read_text(encoding="utf-8"))
    assert (profile["name"], profile["position"], profile["institution"]) == \
           (NAME, "Reader", "Analytical Engine Institute")
    assert mkdocs_config(tmp_path / "mkdocs.yml")["site_name"] == "Lovelace Lab · Engines"


def test_without_the_engine_at_hand_it_says_so_in_one_line(tmp_path):
    with pytest.raises(scaffold.ScaffoldError) as refused:
        scaffold.new_site(tmp_path / "site", NAME, checkout=tmp_path / "installed-without-a-checkout")
    assert "\n" not in str(refused.value) and "pip install -e ." in str(refused.value)
    assert not (tmp_path / "site").exists()


def test_the_console_script_is_installed_beside_python():
    script = Path(sys.executable).parent / "labsite"
    assert script.is_file(), "reinstall the project (pip install -e .) to get the `labsite` command"
    result = subprocess.run([str(script), "new", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "--name" in result.stdout


# The new site


def test_the_new_site_builds_strictly_at_once(built):
    result, output = built
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr and "ERROR" not in result.stderr
    # Its pages whose lists are all empty are left out of the navigation, not shown empty.
    home = page(output, "")
    tabs = [link.get_text(strip=True) for link in home.select(".md-tabs__link")]
    assert tabs == ["Home", "Research", "Publications", "Join us", "CV"]
    # ... and no link of the prose leads to one of them.
    hidden = ("team", "news", "teaching", "talks", "service", "grants")
    for url in ("", "research/", "publications/", "join/", "cv/"):
        links = [a["href"] for a in page(output, url).select("article a[href]")]
        assert not [href for href in links if href.strip("./").split("/")[0] in hidden], url
    # The real site's checks: every internal link, anchor, image and asset resolves; nothing unsafe.
    assert broken_links(output)[0] == []
    assert unsafe_markup(output) == []


def test_no_heading_of_the_new_site_stands_over_nothing(built):
    _, output = built
    # The CV's sections wait for their first entries; its publications say there are none yet.
    assert [h2.get_text(strip=True).rstrip("¶") for h2 in page(output, "cv/").select("article h2")] == ["Publications"]
    assert page(output, "publications/").select(".lab-filter") == []  # no filter bar over no papers


def test_its_pages_name_the_owner_and_nobody_else(built):
    result, output = built
    assert result.returncode == 0, result.stderr
    assert page(output, "").select_one("article h1").get_text(strip=True) == NAME
    for url in ("", "join/", "cv/", "team/"):
        assert NAME in page(output, url).select_one("article").get_text(" "), url
    texts = [path for path in output.rglob("*") if path.suffix in (".html", ".xml", ".json", ".bib", ".txt")]
    assert len(texts) > 10
    for path in texts:
        text = path.read_text(encoding="utf-8")
        assert not [word for word in NOT_HERS if word in text], path
        if path.name == "index.html":
            assert NAME in text, path


def test_the_engine_tests_take_it_as_they_take_the_example_site(new_site, tmp_path):
    # Its content (mkdocs.yml, docs/, bib/) with the repository's engine, as the engine
    # tests' helpers build tests/example; then their whole-site checks.
    built = build_once(tmp_path, new_site)
    assert {"", "research/", "publications/", "join/", "cv/", "404.html"} <= set(built.urls())
    assert built.content("").select_one("h1").get_text(strip=True) == NAME
    assert broken_links(built.folder)[0] == [] and unsafe_markup(built.folder) == []


def test_a_name_full_of_quotes_and_colons_goes_into_every_file_as_written(tmp_path):
    name = 'Zoë O\'Brien-Ng: "Z" #1 {x}'
    result = labsite("new", str(tmp_path / "s"), "--name", name)
    assert result.returncode == 0, result.stderr
    project = tmp_path / "s"
    assert yaml.safe_load((project / "docs/data/profile.yml").read_text(encoding="utf-8"))["name"] == name
    assert mkdocs_config(project / "mkdocs.yml")["site_name"] == name
    # A TOML basic string with JSON's escapes, which is what the command writes (tomllib is 3.11+).
    [written] = re.findall(r'^description = (".*")$', (project / "pyproject.toml").read_text(encoding="utf-8"),
                           re.MULTILINE)
    assert name in json.loads(written)
    result, output = run_build(project)
    assert result.returncode == 0, result.stderr
    assert page(output, "").select_one("article h1").get_text(strip=True) == name


# Its data, and the examples in their comments


@pytest.mark.parametrize("name", site.EDITED_FILES)
def test_every_data_file_is_valid_and_its_commented_example_is_valid_and_shows_every_field(new_site, name, tmp_path):
    path = new_site / "docs" / "data" / f"{name}.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=../../hooks/labsite/schemas/{name}.schema.json\n")
    document = yamldata.load(path, f"docs/data/{name}.yml", name)
    assert document.errors == [] and document.data is not None
    example = uncommented(text, schema_properties(name))
    assert example != text, f"{name}.yml has no commented example"
    (tmp_path / f"{name}.yml").write_text(example, encoding="utf-8")
    document = yamldata.load(tmp_path / f"{name}.yml", f"{name}.yml", name)
    assert document.errors == [], [str(error) for error in document.errors]
    assert missing_fields(document.data, schema(f"{name}.schema.json"), name) == [], \
        f"the example of {name}.yml leaves out these fields of its schema"


def test_with_every_example_uncommented_the_site_builds_strictly_and_shows_them(new_site, tmp_path):
    project = copy_of(new_site, tmp_path)
    for name in site.EDITED_FILES:
        path = project / "docs" / "data" / f"{name}.yml"
        path.write_text(uncommented(path.read_text(encoding="utf-8"), schema_properties(name)), encoding="utf-8")
    bib = project / "bib" / "publications.bib"
    text = bib.read_text(encoding="utf-8")
    start = text.index("% @")  # the example entry runs to the file's end
    bib.write_text(text[:start] + re.sub(r"(?m)^% ?", "", text[start:]), encoding="utf-8")
    # As the comments say: the portraits named go into docs/, ...
    for photo in ("assets/photo.jpg", "assets/people/sam-student.jpg"):
        (project / "docs" / photo).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / photo).write_bytes(b"\xff\xd8\xff\xd9")  # a JPEG's first and last marks
    # ... and the research page has a section per theme, citations, then references.
    research = project / "docs" / "research.md"
    research.write_text(research.read_text(encoding="utf-8")
                        + "\n## Sparse training\n\nNetworks that stay sparse [@example2025sparse].\n\n## References\n",
                        encoding="utf-8")
    address = "https://ada.example/site/"  # built as the GitHub Pages workflow builds it
    result, output = run_build(project, env={"SITE_URL": address})
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr and "ERROR" not in result.stderr
    assert broken_links(output, "/site/")[0] == []
    assert unsafe_markup(output) == []
    card = page(output, "").find("meta", property="og:image")["content"]
    assert card.startswith(address) and (output / card.removeprefix(address)).is_file(), card
    tabs = [link.get_text(strip=True) for link in page(output, "").select(".md-tabs__link")]
    assert tabs == ["Home", "Research", "Publications", "Team", "Join us", "News", "Teaching", "Talks", "Service",
                    "Grants", "CV"]
    paper = page(output, "publications/example2025sparse/")
    assert "What Sparse Networks Learn" in paper.get_text()
    assert paper.select_one("article strong, article b").get_text(strip=True).startswith(NAME)
    assert "Sam Student" in page(output, "team/").get_text()
    assert "PhD studentship in efficient machine learning" in page(output, "join/").get_text()
    assert "[1]" in page(output, "research/").select_one("article").get_text()


# Helpers


def page(output: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((output / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def mkdocs_config(path: Path) -> dict:
    """mkdocs.yml as data, its ``!ENV`` tags kept as their variable names."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_constructor("!ENV", lambda loader, node: ("!ENV", loader.construct_scalar(node)))
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)


def schema(file: str) -> dict:
    return json.loads((yamldata.SCHEMA_DIR / file).read_text(encoding="utf-8"))


def schema_properties(name: str) -> set[str]:
    return set(schema(f"{name}.schema.json")["properties"])


def uncommented(text: str, keys: set[str]) -> str:
    """``text`` with its commented examples put in, as a person would: ``# key: ...`` lines
    of the file's own keys, and the indented ``#   ...`` lines after each, lose their
    ``# ``; a ``key: []`` followed by such lines becomes ``key:``."""
    lines, result, inside = text.splitlines(), [], False
    for number, line in enumerate(lines):
        following = lines[number + 1] if number + 1 < len(lines) else ""
        top_level = re.match(r"# (\w+):( |$)", line)
        if top_level and top_level.group(1) in keys:
            result.append(line[2:])
            inside = True
        elif re.fullmatch(r"\w+: \[\]", line) and re.match(r"#  +\S", following):
            result.append(line[:-3])
            inside = True
        elif inside and re.match(r"#  +\S", line):
            result.append(line[2:])
        else:
            result.append(line)
            inside = False
    return "\n".join(result) + "\n"


def resolved(node: dict, file: str) -> tuple[dict, str]:
    """A schema node with its ``$ref`` followed, and the schema file it is in."""
    while "$ref" in node:
        target, _, pointer = node["$ref"].partition("#")
        file = target or file
        node = schema(file)
        for part in pointer.strip("/").split("/"):
            node = node[part] if part else node
    return node, file


def missing_fields(value, node: dict, where: str, file: str = "") -> list[str]:
    """The properties of ``node`` (a JSON schema) that ``value`` never gives, at any depth.

    A list gives a field when any of its items does; an empty list gives none of them.
    """
    node, file = resolved(node, file or where + ".schema.json")
    alternatives = [resolved(choice, file) for choice in node.get("oneOf", [])]
    objects = [(choice, at) for choice, at in alternatives if "properties" in choice]
    if objects:
        node, file = objects[0]
    if "properties" in node:
        if not isinstance(value, dict):
            return []
        missing = [f"{where}.{key}" for key in node["properties"] if key not in value]
        for key, item in value.items():
            missing += missing_fields(item, node["properties"][key], f"{where}.{key}", file)
        return missing
    if node.get("type") == "array":
        items, at = resolved(node.get("items", {}), file)
        if not value:
            return [f"{where}[]"]
        forms = [items, *(resolved(choice, at)[0] for choice in items.get("oneOf", []))]
        if not any("properties" in form for form in forms):
            return []  # a list of texts or years
        found = [set(missing_fields(item, items, f"{where}[]", at)) for item in value if isinstance(item, dict)]
        return sorted(set.intersection(*found)) if found else [f"{where}[] (no item written out in full)"]
    return []


def test_the_engine_tests_pass_in_the_new_site(new_site, tmp_path):
    """The new site carries the engine's tests (not the checkout owner's content tests), and they pass there."""
    project = copy_of(new_site, tmp_path)
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x", *FORK_RUN],
                            cwd=project, capture_output=True, text=True, timeout=900,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout.splitlines()[-1]
