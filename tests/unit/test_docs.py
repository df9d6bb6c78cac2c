"""The documentation points at things that exist.

README.md and every Markdown page under docs/ are read as text (docs/source/ holds verbatim copies
of outside documents and is not checked); nothing is imported, started or fetched. Checked:

- Markdown links `[text](target)`, images and reference definitions `[name]: target`: a relative
  target must exist inside the repository, resolved from the page's folder; `#anchor` must be a
  heading of the target page (or of the page itself). http(s) and mailto links are allowed as they
  are: they are not fetched.
- Inline code that names something in the repository (paths in inline code are from the
  repository's top level):
  - `make TARGET ...`: TARGET is a target in the Makefile;
  - `python -m MODULE ...` with MODULE in our packages (bot, actions, tests): the module exists;
  - a dotted name in our packages, e.g. `bot.nlu.classifier.LinearIntentClassifier`: the module
    exists and defines the name;
  - a path, e.g. `bot/nlu/classifier.py`, `faq_corpus/` or `faq_corpus/<id>.yml` (`<...>` and `*`
    match anything): it exists, or .gitignore names it (a place made at run time, such as `var/`).
    Something counts as a path when it has a `/` and its first part is in the repository's top
    level or its last part ends with a file extension; `faq/<id>` (an intent) and
    `/webhooks/rest/webhook` (an address) are not paths;
  - a bare file name, e.g. `test_web_widget.py`: a file of that name exists somewhere in the
    repository (so pages that name test modules stay right when tests move between folders).
- README.md is under 8 KB; the four task recipes exist, each a numbered list whose last line says
  when it was checked by following it; every file under docs/ is linked from another page.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from fnmatch import fnmatch
from functools import cache
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
VERBATIM = DOCS / "source"
README_LIMIT_BYTES = 8_000
RECIPES = ("add-an-faq.md", "change-an-eligibility-rule.md", "add-a-role.md", "add-a-channel.md")
OUR_PACKAGES = ("bot", "actions", "tests")
FILE_EXTENSIONS = ("py", "yml", "yaml", "md", "txt", "json", "js", "html", "css", "sh", "toml", "in",
                   "mako", "cfg", "ini")
# Not part of the project's own files: never searched for a bare file name.
NOT_OURS = {".git", ".venv", ".venv-tools", "node_modules", "models", ".rasa", "reports", "logs", "var",
            "__pycache__", ".pytest_cache", ".ruff_cache"}

FENCE = re.compile(r"^ {0,3}(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)
INLINE_LINK = re.compile(r"!?\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+.*)?$", re.MULTILINE)
HEADING = re.compile(r"^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$")
HTML_ANCHOR = re.compile(r"<a\s+(?:id|name)=\"([^\"]+)\"")
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)
PLACEHOLDER = re.compile(r"<[^>/]*>|…|\*")


def pages() -> list[Path]:
    """README.md and the Markdown pages under docs/, except the verbatim copies in docs/source/."""
    docs = sorted(p for p in DOCS.rglob("*.md") if VERBATIM not in p.parents)
    return [README, *docs]


def shown(path: Path) -> str:
    return str(path.relative_to(ROOT))


@cache
def prose(page: Path) -> str:
    """The page with fenced code blocks blanked out (line numbers kept)."""
    lines, fenced = [], False
    for line in page.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            fenced = not fenced
            lines.append("")
        else:
            lines.append("" if fenced else line)
    return "\n".join(lines)


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def without_code(text: str) -> str:
    """Inline code replaced by spaces of the same length, so it is not read as a link."""
    return CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: links and tags reduced to their text, lower case, every
    character but letters, digits, `_`, `-` and spaces dropped, spaces made hyphens."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)
    text = re.sub(r"<[^>]+>", "", text).strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


@cache
def anchors(page: Path) -> frozenset[str]:
    found: set[str] = set()
    seen: Counter[str] = Counter()
    text = prose(page)
    for line in text.splitlines():
        heading = HEADING.match(line)
        if heading:
            base = slug(heading.group(1))
            found.add(base if seen[base] == 0 else f"{base}-{seen[base]}")
            seen[base] += 1
    return frozenset(found | set(HTML_ANCHOR.findall(text)))


def links(page: Path) -> list[tuple[int, str]]:
    """(line, target) of every Markdown link, image and reference definition on the page."""
    text = without_code(prose(page))
    found = [(line_of(text, m.start()), m.group(2)) for m in INLINE_LINK.finditer(text)]
    found += [(line_of(text, m.start()), m.group(2)) for m in REFERENCE_DEFINITION.finditer(text)]
    return sorted(found)


def link_target(page: Path, target: str) -> Path | None:
    """The file or folder a relative link points at (None for links with a scheme)."""
    if SCHEME.match(target):
        return None
    path = unquote(target.partition("#")[0])
    return page if not path else (page.parent / path).resolve()


def link_problem(page: Path, target: str) -> str | None:
    scheme = SCHEME.match(target)
    if scheme:
        if scheme.group(1).lower() in ("http", "https", "mailto"):
            return None
        return f"link with an unexpected scheme: {target}"
    dest = link_target(page, target)
    assert dest is not None
    if not dest.is_relative_to(ROOT):
        return f"link outside the repository: {target}"
    if not dest.exists():
        return f"link to a missing file: {target}"
    anchor = target.partition("#")[2]
    if anchor:
        if dest.suffix != ".md":
            return f"anchor in a link to a page that is not Markdown: {target}"
        if anchor not in anchors(dest):
            return f"link to a missing heading: {target} (headings: {', '.join(sorted(anchors(dest)))})"
    return None


@cache
def make_targets() -> frozenset[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return frozenset(re.findall(r"^([A-Za-z][\w-]*):", text, re.MULTILINE))


@cache
def top_level() -> frozenset[str]:
    return frozenset(os.listdir(ROOT))


@cache
def ignore_patterns() -> tuple[str, ...]:
    lines = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith(("#", "!")))


def git_ignored(path: str) -> bool:
    """Whether .gitignore names the path or a folder it is in (no negations, as in ours)."""
    parts = path.strip("/").split("/")
    for end in range(1, len(parts) + 1):
        prefix = "/".join(parts[:end])
        for pattern in ignore_patterns():
            bare = pattern.strip("/")
            if ("/" in bare and fnmatch(prefix, bare)) or ("/" not in bare and fnmatch(parts[end - 1], bare)):
                return True
    return False


@cache
def file_names() -> frozenset[str]:
    names: set[str] = set()
    for _folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = [d for d in subfolders if d not in NOT_OURS]
        names.update(files)
    return frozenset(names)


def has_extension(name: str) -> bool:
    return re.search(r"\.(" + "|".join(FILE_EXTENSIONS) + r")$", name) is not None


def is_repo_path(ref: str) -> bool:
    if "/" not in ref or "://" in ref or ref.startswith(("/", "~", "$", "-")):
        return False
    parts = ref.strip("/").split("/")
    return parts[0] in top_level() or git_ignored(parts[0]) or has_extension(parts[-1])


def path_problem(ref: str) -> str | None:
    """Problem with a repository path named in inline code (from the top level)."""
    bare = ref.rstrip("/")
    if PLACEHOLDER.search(bare):
        pattern = PLACEHOLDER.sub("*", bare)
        exists = next(iter(ROOT.glob(pattern)), None) is not None
    else:
        exists = (ROOT / bare).exists()
    if exists or git_ignored(bare):
        return None
    return f"no such file or folder: {ref}"


def module_file(dotted: str) -> tuple[Path | None, list[str]]:
    """The file of the longest module prefix of a dotted name, and the names after it."""
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        base = ROOT.joinpath(*parts[:end])
        for candidate in (base.with_suffix(".py"), base / "__init__.py"):
            if candidate.is_file():
                return candidate, parts[end:]
        if base.is_dir():
            return base, parts[end:]
    return None, parts


def defines(module: Path, name: str) -> bool:
    if module.is_dir():
        return (module / name).exists() or (module / f"{name}.py").exists()
    text = module.read_text(encoding="utf-8")
    pattern = (rf"^(?:async\s+def|def|class)\s+{re.escape(name)}\b|^{re.escape(name)}\s*[:=]"
               rf"|^(?:from\s+\S+\s+)?import\s.*\b{re.escape(name)}\b")
    return re.search(pattern, text, re.MULTILINE) is not None


def module_problem(dotted: str) -> str | None:
    module, rest = module_file(dotted)
    if module is None:
        return f"no such module: {dotted}"
    if rest and not defines(module, rest[0]):
        return f"{shown(module)} does not define {rest[0]}: {dotted}"
    return None


def code_problems(code: str) -> list[str]:
    """Problems with what a piece of inline code names in the repository."""
    code = " ".join(code.split())
    make = re.match(r"make\s+([A-Za-z][\w-]*)", code)
    if make:
        return [] if make.group(1) in make_targets() else [f"no Makefile target: {code}"]
    problems = []
    module = re.search(r"(?:^|\s)-m\s+([\w.]+)", code)
    if module and module.group(1).split(".")[0] in OUR_PACKAGES:
        path, rest = module_file(module.group(1))
        problems += [f"no such module: {module.group(1)}"] if path is None or rest else []
    if " " in code:
        for token in code.split(" "):
            token = token.strip("'\",;:()[]")
            if is_repo_path(token):
                problem = path_problem(token)
                problems += [problem] if problem else []
        return problems
    if is_repo_path(code):
        problem = path_problem(code)
        return [problem] if problem else []
    if re.fullmatch(r"\w[\w.-]*", code) and has_extension(code):
        return [] if code in file_names() else [f"no file of that name in the repository: {code}"]
    if re.fullmatch(r"(?:" + "|".join(OUR_PACKAGES) + r")(?:\.\w+)+", code):
        problem = module_problem(code)
        return [problem] if problem else []
    return []


def test_links_point_at_existing_files_and_headings() -> None:
    broken = [
        f"{shown(page)}:{line}: {problem}"
        for page in pages()
        for line, target in links(page)
        if (problem := link_problem(page, target))
    ]
    assert broken == [], "broken links:\n" + "\n".join(broken)


def test_inline_code_names_existing_files_modules_and_make_targets() -> None:
    broken = []
    for page in pages():
        text = prose(page)
        for match in CODE_SPAN.finditer(text):
            for problem in code_problems(match.group(2)):
                broken.append(f"{shown(page)}:{line_of(text, match.start())}: {problem}")
    assert broken == [], "broken references:\n" + "\n".join(broken)


def test_readme_is_a_short_front_page() -> None:
    size = len(README.read_bytes())
    assert size < README_LIMIT_BYTES, f"README.md is {size} bytes; keep it under {README_LIMIT_BYTES}"


def test_the_task_recipes_are_numbered_steps_checked_by_following_them() -> None:
    problems = []
    for name in RECIPES:
        recipe = DOCS / "tasks" / name
        if not recipe.exists():
            problems.append(f"missing: {shown(recipe)}")
            continue
        text = recipe.read_text(encoding="utf-8")
        if not re.search(r"^1\. ", text, re.MULTILINE):
            problems.append(f"{shown(recipe)}: no numbered steps")
        last = text.strip().splitlines()[-1]
        if not re.search(r"Checked by following it on \d{4}-\d{2}-\d{2}", last):
            problems.append(f"{shown(recipe)}: the last line does not say when it was checked")
    assert problems == [], "\n".join(problems)


def test_every_file_under_docs_is_linked_from_another_page() -> None:
    linked = {
        target
        for page in pages()
        for _, link in links(page)
        if (target := link_target(page, link)) is not None and target != page
    }
    orphans = [shown(path) for path in sorted(DOCS.rglob("*")) if path.is_file() and path not in linked]
    assert orphans == [], "not linked from any page: " + ", ".join(orphans)
