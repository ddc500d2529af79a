"""User data given to make (LANGUAGE, ENTRY, paths, argument lists) and the directory names under
locale/ that the CI workflow turns into a matrix are data: never parsed as shell code, nor as make
functions. Real `make` runs, in a copy of the project, with this test run's virtual environment.
"""

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

from conftest import ROOT, copy_project

VENV = Path(sys.executable).parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "translations.yml"
# what the Makefile reads from the command line or the environment
USER_VARIABLES = ("PYTHON", "VENV", "LANGUAGE", "ENTRY", "SEED", "SEED_ENGLISH", "TRANSLATED", "ENGLISH",
                  "BENCH_MARKDOWN", "STALE_ARGS", "BENCH_CORPUS", "BENCH_ARGS", "UPSTREAM", "REF", "PORT")
# each {marker} is a file that exists afterwards only if something ran the payload
PAYLOADS = {
    "semicolon": "zh_CN; touch {marker}",
    "and": "zh_CN && touch {marker}",
    "command-substitution": "zh_CN$(touch {marker})",
    "backticks": "zh_CN`touch {marker}`",
    "double-quote": 'zh_CN"$(touch {marker})"',
    "single-quote": "'zh_CN'; touch {marker}",
    # break out of a value wrapped in quotes (what a naive '$(LANGUAGE)' fix would do)
    "double-quote-breakout": 'zh_CN"; touch {marker}; echo "',
    "single-quote-breakout": "zh_CN'; touch {marker}; echo '",
    "newline": "zh_CN\ntouch {marker}",
    "make-shell-function": "$(shell touch {marker})",
    "make-escaped-dollar": "zh_CN$$(touch {marker})",
}

needs_make = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with the Makefile (make never writes outside it or the marker dir)."""
    return copy_project(tmp_path_factory.mktemp("makefile") / "project", ("Makefile", "requirements")).root


def make(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`make ARGS` in `root` with this run's virtual environment, never reinstalled (-o)."""
    if not (VENV / "bin" / "l10n").exists():
        pytest.skip(f"no l10n command in {VENV}/bin: run `make venv` (make test does)")
    return subprocess.run(["make", "--no-print-directory", "-o", f"{VENV}/bin/.installed", f"VENV={VENV}", *args],
                          cwd=root, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
                          env=env if env is not None else without_language())


def without_language() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("LANGUAGE", None)
    return env


def invalid_language_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "invalid language code" in line]


@needs_make
@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_hostile_language_is_one_error_and_runs_nothing(project: Path, tmp_path: Path, payload: str) -> None:
    marker = tmp_path / "injected"
    result = make(project, "todo", "LANGUAGE=" + payload.format(marker=marker))
    assert not marker.exists(), f"LANGUAGE ran as code:\n{result.stdout}{result.stderr}"
    errors = invalid_language_lines(result.stderr)  # l10n's own one-line error, and no other
    assert result.returncode != 0 and len(errors) == 1, result.stderr
    assert errors[0].startswith("--language: error: invalid language code "), result.stderr


@needs_make
@pytest.mark.parametrize("target", ["check", "stale", "update", "html", "fuzzy", "wrap", "verifs", "markdown",
                                    "check-build", "init", "serve"])
def test_every_language_target_passes_it_as_data(project: Path, tmp_path: Path, target: str) -> None:
    marker = tmp_path / "injected"
    result = make(project, target, f"LANGUAGE=zh_CN; touch {marker}")
    assert not marker.exists(), f"LANGUAGE ran as code:\n{result.stdout}{result.stderr}"
    assert result.returncode != 0 and len(invalid_language_lines(result.stderr)) == 1, result.stderr


@needs_make
@pytest.mark.parametrize("entry", ["x; touch {marker}", "$(touch {marker})", "`touch {marker}`",
                                   "locale/zh_CN/LC_MESSAGES/README.po:1;touch {marker}", "$(shell touch {marker})"])
def test_entry_is_data(project: Path, tmp_path: Path, entry: str) -> None:
    marker = tmp_path / "injected"
    catalogs = {path: path.read_bytes() for path in (project / "locale").rglob("*.po")}
    result = make(project, "reviewed", "LANGUAGE=zh_CN", "ENTRY=" + entry.format(marker=marker))
    assert not marker.exists(), f"ENTRY ran as code:\n{result.stdout}{result.stderr}"
    assert result.returncode != 0 and "no entry matches" in result.stderr
    assert {path: path.read_bytes() for path in catalogs} == catalogs


@needs_make
@pytest.mark.parametrize(("target", "variable"), [
    ("compare-md", "TRANSLATED"), ("compare-md", "ENGLISH"), ("import", "SEED"), ("import", "SEED_ENGLISH"),
    ("stale", "STALE_ARGS"), ("serve", "PORT")])
def test_paths_and_argument_lists_are_data(project: Path, tmp_path: Path, target: str, variable: str) -> None:
    marker = tmp_path / "injected"
    for payload in (f"x; touch {marker}", f"x$(touch {marker})", f"$(shell touch {marker})"):
        result = make(project, target, "LANGUAGE=zh_CN", f"{variable}={payload}")
        assert not marker.exists(), f"{variable} ran as code:\n{result.stdout}{result.stderr}"
        assert result.returncode != 0


@needs_make
@pytest.mark.parametrize("variable", ["UPSTREAM", "REF"])
def test_upstream_and_ref_are_data(project: Path, tmp_path: Path, variable: str) -> None:
    marker = tmp_path / "injected"
    before = (project / "pyproject.toml").read_bytes(), (project / "source" / "README.md").read_bytes()
    for payload in (f"x; touch {marker}", f"x$(touch {marker})", f"$(shell touch {marker})", f"`touch {marker}`"):
        values = {"UPSTREAM": str(tmp_path / "no-clone"), variable: payload}  # never the network
        result = make(project, "sync", *(f"{name}={value}" for name, value in values.items()))
        assert not marker.exists(), f"{variable} ran as code:\n{result.stdout}{result.stderr}"
        assert result.returncode != 0 and "error:" in result.stderr
    assert ((project / "pyproject.toml").read_bytes(), (project / "source" / "README.md").read_bytes()) == before


@needs_make
def test_argument_lists_are_split_but_never_globbed(project: Path) -> None:
    ok = make(project, "-s", "stale", "LANGUAGE=zh_CN", "STALE_ARGS=--format github")
    assert ok.returncode == 0 and "| zh_CN | passes |" in ok.stdout, ok.stderr
    result = make(project, "stale", "LANGUAGE=zh_CN", "STALE_ARGS=--format *")
    assert result.returncode != 0 and "'*'" in result.stderr  # argparse saw the star itself, not file names


@needs_make
def test_python_is_data(project: Path, tmp_path: Path) -> None:
    """PYTHON reaches the recipe that creates the virtual environment (here: a new, empty VENV)."""
    marker = tmp_path / "injected"
    result = subprocess.run(["make", "venv", f"VENV={tmp_path / 'venv'}", f"PYTHON=python3; touch {marker}"],
                            cwd=project, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert not marker.exists(), f"PYTHON ran as code:\n{result.stdout}{result.stderr}"
    assert result.returncode != 0 and f"Makefile: error: python3; touch {marker} not found" in result.stdout


@needs_make
def test_language_from_the_environment_is_ignored(project: Path) -> None:
    """gettext's LANGUAGE (en_US:en on Ubuntu desktops) does not select a catalog: every language is covered."""
    everyone = make(project, "todo")
    assert everyone.returncode == 0, everyone.stderr
    for language in ("ja", "zh_CN", "zh_TW"):
        assert re.search(rf"^{language}\s", everyone.stdout, re.M)
    result = make(project, "todo", env={**without_language(), "LANGUAGE": "en_US:en"})
    assert (result.returncode, result.stdout, result.stderr) == (0, everyone.stdout, everyone.stderr)


@needs_make
def test_language_on_the_command_line_selects_one(project: Path) -> None:
    result = make(project, "todo", "LANGUAGE=ja", env={**without_language(), "LANGUAGE": "zh_CN"})
    assert result.returncode == 0, result.stderr
    assert re.search(r"^ja\s", result.stdout, re.M) and not re.search(r"^zh_", result.stdout, re.M)


def test_no_recipe_pastes_a_user_variable() -> None:
    """Recipes read user data as quoted "$$L10N_*" environment variables, never as $(NAME) text."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipes = [line for line in text.splitlines() if line.startswith("\t")]
    pasted = [line for line in recipes for name in USER_VARIABLES
              if f"$({name})" in line or f"${{{name}}}" in line]
    assert recipes and not pasted


@needs_make
def test_help_lists_every_target(project: Path) -> None:
    """The header is the help text: every phony target but help and venv is listed, and nothing else."""
    result = subprocess.run(["make", "help"], cwd=project, capture_output=True, text=True, timeout=60)
    listed = set(re.findall(r"^make ([a-z-]+)", result.stdout, re.M))
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    phony = {name for line in re.findall(r"^\.PHONY:(.*)$", text, re.M) for name in line.split()}
    assert result.returncode == 0 and listed == phony - {"help", "venv"}


@needs_make
def test_lint_runs_actionlint_and_zizmor_offline() -> None:
    result = subprocess.run(["make", "-n", "-o", f"{VENV}/bin/.installed", f"VENV={VENV}", "lint"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert re.search(r"actionlint\"?\s*$", result.stdout, re.M)
    assert re.search(r"zizmor\"? --offline .*\.github/workflows", result.stdout)


# --- the workflow ---

def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps() -> list[dict]:
    return [step for job in workflow()["jobs"].values() for step in job["steps"]]


def test_no_run_script_interpolates_an_expression() -> None:
    runs = [step["run"] for step in steps() if "run" in step]
    assert runs and not [run for run in runs if "${{" in run]


def test_matrix_language_reaches_make_through_the_environment() -> None:
    [gate] = [step for step in workflow()["jobs"]["stale"]["steps"] if "make stale" in step.get("run", "")]
    names = [name for name, value in gate.get("env", {}).items() if value == "${{ matrix.language }}"]
    assert names and f'LANGUAGE="${names[0]}"' in gate["run"]


def test_actions_are_pinned_by_commit_with_their_version() -> None:
    uses = re.findall(r"^\s*-?\s*uses:\s*(\S+)(.*)$", WORKFLOW.read_text(encoding="utf-8"), re.M)
    assert uses
    for ref, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref), ref
        assert re.fullmatch(r"\s+# v\d+(\.\d+)*", comment), f"{ref}: no version comment"


def test_checkout_keeps_no_credentials() -> None:
    checkouts = [step for step in steps() if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(step.get("with", {}).get("persist-credentials") is False for step in checkouts)


def test_permissions_are_least_privilege() -> None:
    flow = workflow()
    assert flow["permissions"] == {}
    for name, job in flow["jobs"].items():
        assert job.get("permissions") == {"contents": "read"}, name


def list_step_script() -> str:
    [step] = [step for step in workflow()["jobs"]["languages"]["steps"] if step.get("id") == "list"]
    assert step.get("shell", "bash") == "bash"
    return step["run"]


def run_list_step(root: Path) -> tuple[subprocess.CompletedProcess[str], str]:
    output = root / "github_output"
    output.write_text("", encoding="utf-8")
    result = subprocess.run(["bash", "-e", "-c", list_step_script()], cwd=root, capture_output=True, text=True,
                            timeout=60, env={**os.environ, "GITHUB_OUTPUT": str(output)})
    return result, output.read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("python3") is None,
                    reason="the workflow step needs bash and python3")
def test_matrix_step_lists_the_languages(tmp_path: Path) -> None:
    for name in ("zh_CN", "ja", "pt_BR", "fil", ".git-hidden"):
        (tmp_path / "locale" / name).mkdir(parents=True)
    (tmp_path / "locale" / "README.txt").write_text("not a language\n", encoding="utf-8")
    result, output = run_list_step(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert output == "list=" + json.dumps(["fil", "ja", "pt_BR", "zh_CN"]) + "\n"


@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("python3") is None,
                    reason="the workflow step needs bash and python3")
def test_matrix_step_refuses_a_hostile_directory(tmp_path: Path) -> None:
    marker = tmp_path / "injected"  # the step runs in tmp_path: `touch injected` would create it
    hostile = ["zh_CN; touch injected", "$(touch injected)", "`touch injected`", "zh_CN\n::warning::x",
               "zh-CN", "ZH", "zh_CN ", "zh_CN\n", "100%"]
    for name in ["ja", *hostile]:
        (tmp_path / "locale" / name).mkdir(parents=True)
    result, output = run_list_step(tmp_path)
    assert not marker.exists()
    assert result.returncode != 0 and output == ""
    lines = result.stdout.splitlines()
    # one ::error line per directory, naming it (JSON-quoted: a newline in a name stays on its line)
    assert len(lines) == len(hostile) and all(line.startswith("::error::invalid language directory ")
                                             for line in lines)
    for name in hostile:
        assert any(json.dumps("locale/" + name).replace("%", "%25") in line for line in lines), name


@pytest.mark.parametrize("tool", ["actionlint", "zizmor"])
def test_workflow_lints_clean(tool: str) -> None:  # every file of .github/workflows
    """What `make lint` runs on the workflows (offline); skipped where the linters are not installed."""
    binary = VENV / "bin" / tool
    if not binary.exists():
        pytest.skip(f"{tool} is not installed in {VENV} (the lint group: run `make lint`)")
    command = [str(binary)] if tool == "actionlint" else [str(binary), "--offline", "--no-progress",
                                                          ".github/workflows"]
    env = {**os.environ, "PATH": f"{VENV / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, env=env,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout + result.stderr


# --- every workflow (translations.yml above; tests.yml, sync.yml, pages.yml: issue 15) ---

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_every_workflow_keeps_expressions_out_of_scripts_and_pins_actions(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    flow = yaml.safe_load(text)
    every = [step for job in flow["jobs"].values() for step in job.get("steps", [])]
    assert not [step["run"] for step in every if "${{" in step.get("run", "")]
    for ref, comment in re.findall(r"^\s*-?\s*uses:\s*(\S+)(.*)$", text, re.M):
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref), ref
        assert re.fullmatch(r"\s+# v\d+(\.\d+)*", comment), f"{ref}: no version comment"
    checkouts = [step for step in every if step.get("uses", "").startswith("actions/checkout@")]
    assert all(step.get("with", {}).get("persist-credentials") is False for step in checkouts)
    # least privilege: nothing for the workflow, each job names what it needs
    assert flow["permissions"] == {}
    assert all(isinstance(job.get("permissions"), dict) for job in flow["jobs"].values())


def test_only_the_sync_and_pages_jobs_may_write() -> None:
    writes = {(path.name, name, scope) for path in WORKFLOWS
              for name, job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].items()
              for scope, level in job["permissions"].items() if level == "write"}
    assert writes == {("sync.yml", "sync", "contents"), ("sync.yml", "sync", "pull-requests"),
                      ("pages.yml", "deploy", "pages"), ("pages.yml", "deploy", "id-token")}


def test_the_sync_pull_request_has_the_sync_body_and_only_the_synced_files() -> None:
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "sync.yml").read_text(encoding="utf-8"))
    assert set(flow[True]) == {"schedule", "workflow_dispatch"}  # YAML reads the key `on` as True
    steps = flow["jobs"]["sync"]["steps"]
    [sync] = [step for step in steps if "l10n sync" in step.get("run", "")]
    assert '--ref="$SYNC_REF"' in sync["run"] and "--format markdown --output" in sync["run"]
    [pull] = [step for step in steps if step.get("uses", "").startswith("peter-evans/create-pull-request@")]
    assert pull["with"]["body-path"].endswith("/sync-body.md")
    assert pull["with"]["add-paths"].split() == ["source/README.md", "pyproject.toml", "locale/**"]
