"""Rule values live in one data file (bot/eligibility/rules.yml) and the wording in another
(texts.yml): one edit to a rule changes the verdicts, the questions, the reasons and the diagram."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from bot.eligibility.wording import TEXTS_FILE, fill, placeholders
from bot.paths import ROOT

PROBE = """
import json
from bot.eligibility.conversation import verdict
from bot.eligibility.diagram import document
from bot.eligibility.questions import QUESTIONS
uk = {"role": "software_developer", "age": 30, "nationality": "uk", "student_loan": "no",
      "other_programme": "no", "prior_qualification": "no", "works_in_england": "yes"}
visa = {**uk, "nationality": "other", "immigration_status": "other_permission",
        "permission_lasts": "yes"}
out = {
    "uk_2_years": verdict({**uk, "residence_years": 2})[0].verdict.value,
    "visa_2_years": verdict({**visa, "residence_years": 2})[0].verdict.value,
    "visa_1_year_reason": verdict({**visa, "residence_years": 1})[0].reasons,
    "why": QUESTIONS["residence_years"].why,
    "diagram": document(),
}
print(json.dumps(out))
"""


def probe(root: Path) -> dict[str, object]:
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=root, capture_output=True, text=True,
                            env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def test_changing_the_residence_rule_is_one_edit_and_everything_follows(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "bot", tmp_path / "bot", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "docs").mkdir()
    before = probe(tmp_path)
    assert before["uk_2_years"] == "check_with_admissions"  # the three-year rule
    assert before["visa_2_years"] == "not_eligible"
    assert "3 years' ordinary residence" in str(before["why"])

    rules = tmp_path / "bot" / "eligibility" / "rules.yml"
    rules.write_text(rules.read_text().replace("residence_years: 3", "residence_years: 2"))

    after = probe(tmp_path)
    assert after["uk_2_years"] == "eligible"
    assert after["visa_2_years"] == "eligible"
    assert "2 years' ordinary residence" in str(after["why"])
    assert "you need 2 years' ordinary residence" in str(after["visa_1_year_reason"])
    assert "under 2 years" in str(after["diagram"]) and "under 3 years" not in str(after["diagram"])


def test_every_placeholder_in_the_wording_is_a_rule_value_or_filled_per_message() -> None:
    raw = yaml.safe_load(TEXTS_FILE.read_text(encoding="utf-8"))
    per_message = {"hint", "why", "facts", "summary", "value", "role", "place", "reasons"}

    def walk(node: object) -> None:
        if isinstance(node, str):
            fill(node, {**placeholders(), **{name: "x" for name in per_message}})
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(raw)  # raises KeyError naming any unknown placeholder


def test_the_role_count_is_counted_not_typed() -> None:
    from bot.eligibility.wording import texts
    from bot.roles import ROLES

    assert len(ROLES) == 4
    assert "any of the four roles" in texts()["next_steps"]["undecided"]
