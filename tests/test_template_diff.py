"""One template diff and one revision label: `make stale` and `make verifs` give the same answer
to "is this catalog out of date with the English master?", and every place that names the
master's revision names it the same way. On a small project of the tests' own (no Sphinx: the
template is written here, the commands run with --no-gettext)."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

from l10n.catalog.io import read_po
from l10n.catalog.sync import SOURCE_REVISION_HEADER, template_diff
from l10n.catalog.update import TemplateEntry
from l10n.config import Config
from l10n.reports.gate import OUT_OF_DATE
from mini_project import LABEL, MSGIDS, OLDER_LABEL, translated, write_catalog, write_project, write_template
from translator_project import run_cli

DROPPED = "A sentence the master no longer has."
PO = "locale/zh_CN/LC_MESSAGES/README.po"

# case: (the catalog's msgids, its X-Source-Revision, out of date?)
CASES = {
    "in sync": (MSGIDS, LABEL, False),
    "other revision, same msgids": (MSGIDS, OLDER_LABEL, True),
    "a template msgid missing": (MSGIDS[:-1], LABEL, True),
    "a msgid the template dropped": ([*MSGIDS, DROPPED], LABEL, True),
    "no revision recorded": (MSGIDS, None, False),
}


@pytest.fixture
def config(tmp_path: Path) -> Config:
    config = write_project(tmp_path / "project", code=())
    write_template(config, MSGIDS)
    return config


def verifs_gate_step(out: str) -> str:
    """verifs' pull-request gate step for zh_CN: `  <status>  gate: <the gate's verdict> (<fix>)`."""
    [line] = [line for line in out.splitlines() if " gate: zh_CN " in line]
    return line


def stale_verdict(out: str) -> str:
    """stale's last line: the gate's verdict on zh_CN, then ` (fix: <fix>)` when it fails."""
    line = out.splitlines()[-1]
    assert line.startswith("zh_CN "), out
    return line


@pytest.mark.parametrize("case", CASES)
def test_stale_and_verifs_agree_whether_a_catalog_is_out_of_date(config: Config, case: str) -> None:
    msgids, revision, out_of_date = CASES[case]
    write_catalog(config, "zh_CN", {msgid: translated(msgid) for msgid in msgids}, revision)

    stale_status, stale_out, _ = run_cli(config.root, "stale", "--no-gettext")
    verifs_status, verifs_out, _ = run_cli(config.root, "verifs", "--no-gettext")
    [report] = json.loads(run_cli(config.root, "stale", "--no-gettext", "--format", "json")[1])

    assert (stale_status, verifs_status) == (int(out_of_date), int(out_of_date)), stale_out + verifs_out
    assert [reason["rule"] for reason in report["reasons"]] == ([OUT_OF_DATE] if out_of_date else [])
    verdict, step = stale_verdict(stale_out), verifs_gate_step(verifs_out)
    assert step.split()[0] == ("FAIL" if out_of_date else "ok")
    if out_of_date:  # the same verdict for the same reason, word for word, and the same fix
        assert verdict.startswith(f"zh_CN fails the pull-request gate: {PO} is ")
        assert verdict.endswith(" (fix: run `make update LANGUAGE=zh_CN`)")
        assert step.endswith(" (run `make update LANGUAGE=zh_CN`)")
        assert verdict.removesuffix(" (fix: run `make update LANGUAGE=zh_CN`)") == \
            step.partition(" gate: ")[2].removesuffix(" (run `make update LANGUAGE=zh_CN`)") == report["verdict"]
    else:
        assert verdict.startswith("zh_CN passes the pull-request gate: no check error, up to date with the English "
                                  "master")
        assert verdict == step.partition(" gate: ")[2] == report["verdict"]


def test_a_catalog_synced_to_another_revision_names_both_revisions_in_both_reports(config: Config) -> None:
    write_catalog(config, "zh_CN", {msgid: translated(msgid) for msgid in MSGIDS}, OLDER_LABEL)
    _, stale_out, _ = run_cli(config.root, "stale", "--no-gettext")
    _, verifs_out, _ = run_cli(config.root, "verifs", "--no-gettext")
    assert f"{PO}: synced to revision {OLDER_LABEL} (master {LABEL})" in stale_out
    assert f"{PO} is synced to revision {OLDER_LABEL}, the master is {LABEL}" in stale_verdict(stale_out)
    assert f"{PO} is synced to revision {OLDER_LABEL}, the master is {LABEL}" in verifs_gate_step(verifs_out)

    # `make update` records the master's revision: both reports pass again
    assert run_cli(config.root, "update", "--no-gettext")[0] == 0
    assert read_po(config.po_path("zh_CN")).metadata[SOURCE_REVISION_HEADER] == LABEL
    assert run_cli(config.root, "stale", "--no-gettext")[0] == 0
    assert run_cli(config.root, "verifs", "--no-gettext")[0] == 0


def test_the_revision_label_is_the_same_wherever_the_revision_is_named(config: Config) -> None:
    """The header `update` and `init` write, the master's revision `stale` compares against and
    prints, and `verifs`'s: all `Upstream.label`, the number and the commit's short hash."""
    assert config.upstream.label == LABEL
    write_catalog(config, "zh_CN", {msgid: translated(msgid) for msgid in MSGIDS}, revision=None)
    assert run_cli(config.root, "update", "--no-gettext")[0] == 0
    assert run_cli(config.root, "init", "fr", "--no-gettext")[0] == 0
    for language in ("zh_CN", "fr"):
        assert read_po(config.po_path(language)).metadata[SOURCE_REVISION_HEADER] == LABEL
    _, out, _ = run_cli(config.root, "stale", "--no-gettext", "-l", "zh_CN")
    assert f"synced to revision {LABEL} (master {LABEL})" in out

    write_catalog(config, "zh_CN", {msgid: translated(msgid) for msgid in MSGIDS[1:]}, OLDER_LABEL)
    # a msgid missing as well: the gate's reason still names both revisions, the same way
    _, out, _ = run_cli(config.root, "stale", "--no-gettext", "-l", "zh_CN")
    assert f"changed since revision {OLDER_LABEL}, the master is {LABEL}" in stale_verdict(out)
    _, out, _ = run_cli(config.root, "verifs", "--no-gettext", "-l", "zh_CN")
    assert f"changed since revision {OLDER_LABEL}, the master is {LABEL}" in verifs_gate_step(out)


def catalog(revision: str | None, *entries: polib.POEntry) -> polib.POFile:
    po = polib.POFile()
    if revision is not None:
        po.metadata[SOURCE_REVISION_HEADER] = revision
    po.extend(entries)
    return po


def test_template_diff_in_template_and_catalog_order_each_msgid_once() -> None:
    template = [TemplateEntry(m) for m in ("one", "two", "three", "two", "four")]
    po = catalog(LABEL, polib.POEntry(msgid="gone", msgstr="x"), polib.POEntry(msgid="three", msgstr="3"),
                 polib.POEntry(msgid="also gone", msgstr=""), polib.POEntry(msgid="gone", msgstr="y"),
                 polib.POEntry(msgid="one", msgstr="1", obsolete=True))  # obsolete: not in the catalog
    diff = template_diff(template, po, LABEL)
    assert diff.missing == ("one", "two", "four")
    assert diff.extra == ("gone", "also gone")
    assert diff.changed == 5 and diff.out_of_date and not diff.revision_differs


def test_template_diff_a_revision_differs_only_when_the_catalog_records_one() -> None:
    template = [TemplateEntry("one")]
    entry = polib.POEntry(msgid="one", msgstr="1")
    same, other, unknown = (template_diff(template, catalog(revision, entry), LABEL)
                            for revision in (LABEL, OLDER_LABEL, None))
    assert (same.out_of_date, other.out_of_date, unknown.out_of_date) == (False, True, False)
    assert other.revision_differs and other.changed == 0
    assert (other.synced_revision, other.source_revision, unknown.synced_revision) == (OLDER_LABEL, LABEL, "")
