"""Replay the real upstream history of resources/README.md through gettext + update.

Sphinx extracts all 23 revisions in one run (a session fixture); each step copies that
revision's POT into place and runs `sync.update`, the operation behind `make update`.
A simulated translator then translates what is new or fuzzy with a deterministic
pseudo-translation, so every step's counts come from that step's diff alone.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from l10n.catalog import extract, sync
from l10n.catalog.io import clear_fuzzy, read_po, write_po
from l10n.catalog.update import CARRY_COMMENT, UpdateReport
from l10n.config import Config, load_config
from l10n.text.segments import nothing_to_translate, unique_msgids

ROOT = Path(__file__).resolve().parent.parent
UPSTREAM = ROOT / "tests" / "fixtures" / "upstream"
REVISIONS = sorted(UPSTREAM.glob("[0-9][0-9]-*.md"))
LANGUAGE = "fr"


def pseudo(msgid: str) -> str:
    """A deterministic 'translation' that keeps the Markdown (and so every link) of the English."""
    return f"«{msgid}» [fr]"


def make_project(base: Path) -> Config:
    base.mkdir(parents=True, exist_ok=True)
    for name in ("conf.py", "pyproject.toml"):
        shutil.copy(ROOT / name, base / name)
    (base / "source").mkdir(exist_ok=True)
    shutil.copy(ROOT / "source" / "README.md", base / "source" / "README.md")
    return load_config(base)


@pytest.fixture(scope="session")
def revision_pots(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """One Sphinx gettext run over all 23 revisions: revision number -> its POT."""
    config = make_project(tmp_path_factory.mktemp("history"))
    for number, path in enumerate(REVISIONS, start=1):
        shutil.copy(path, config.source_dir / f"r{number:02d}.md")
    extract.gettext(config)
    pots = {n: config.build_dir / "gettext" / f"r{n:02d}.pot" for n in range(1, len(REVISIONS) + 1)}
    assert all(p.is_file() for p in pots.values())
    return pots


@dataclass
class Step:
    revision: int
    report: UpdateReport
    fuzzy: list  # the fuzzy entries right after the update, before the translator works
    carried: list


def translate_everything(path: Path) -> None:
    po = read_po(path)
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        if not entry.msgstr or "fuzzy" in entry.flags:
            entry.msgstr = pseudo(entry.msgid)
            clear_fuzzy(entry)
    write_po(path, po)


def all_msgstrs(path: Path) -> set[str]:
    return {e.msgstr for e in read_po(path) if e.msgid and e.msgstr}


@pytest.fixture(scope="session")
def replayed(revision_pots: dict[int, Path],
             tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[int, Step], Path]:
    config = make_project(tmp_path_factory.mktemp("replay"))
    po_path = config.po_path(LANGUAGE)
    pot = config.pot_path()
    pot.parent.mkdir(parents=True)
    ever_written: set[str] = set()
    steps: dict[int, Step] = {}
    for revision in sorted(revision_pots):
        shutil.copy(revision_pots[revision], pot)
        before = read_po(po_path) if po_path.is_file() else None
        [report] = sync.update(config, [LANGUAGE])
        after = read_po(po_path)
        present = all_msgstrs(po_path)
        lost = ever_written - present
        assert not lost, f"revision {revision}: translations lost: {sorted(lost)[:3]}"
        old_msgids = {e.msgid for e in before} if before is not None else set()
        fuzzy = [e for e in after if not e.obsolete and "fuzzy" in e.flags]
        for entry in fuzzy:
            assert entry.previous_msgid, f"revision {revision}: fuzzy without #| msgid: {entry.msgid[:60]}"
            assert entry.previous_msgid in old_msgids, f"revision {revision}: #| msgid is not an old msgid"
            assert entry.previous_msgid != entry.msgid
        carried = [e for e in after if not e.obsolete and e.msgid in {m for m, _ in report.carried_over}]
        steps[revision] = Step(revision, report, fuzzy, carried)
        translate_everything(po_path)
        ever_written |= all_msgstrs(po_path)
    return steps, po_path


@pytest.fixture(scope="session")
def replay(replayed: tuple[dict[int, Step], Path]) -> dict[int, Step]:
    return replayed[0]


def test_segments_module_gives_the_pot_msgids_for_every_revision(revision_pots: dict[int, Path]) -> None:
    for revision, pot in revision_pots.items():
        from_sphinx = [e.msgid for e in read_po(pot) if e.msgid]
        from_segments = unique_msgids(REVISIONS[revision - 1].read_text(encoding="utf-8"))
        assert from_segments == from_sphinx, f"revision {revision}"


def counts(step: Step) -> dict[str, int]:
    r = step.report
    return {"fuzzy": r.fuzzy, "untranslated": r.untranslated,
            "carried_over": len(r.carried_over), "recovered": len(r.recovered)}


def test_revision_16_adds_one_item(replay: dict[int, Step]) -> None:
    assert counts(replay[16]) == {
        "fuzzy": 0,  # 15 -> 16 changes no existing text
        "untranslated": 1,  # 16 adds one list item: "SemiAnalysis published a great detailed writeup ..."
        "carried_over": 0,  # no link or whitespace edit
        "recovered": 0,  # the new item never existed before
    }
    [new] = replay[16].report.new
    assert new.startswith("SemiAnalysis published a great detailed writeup")


def test_revision_20_moves_a_section_and_adds_a_heading(replay: dict[int, Step]) -> None:
    assert counts(replay[20]) == {
        "fuzzy": 0,  # "## Useful compilations" and its two items move below, unchanged: exact matches
        "untranslated": 1,  # the new heading "## Similar online guides"
        "carried_over": 0,
        "recovered": 0,
    }
    assert replay[20].report.new == ["Similar online guides"]


def test_revision_21_links_are_carried_over_not_fuzzied(replay: dict[int, Step]) -> None:
    assert counts(replay[21]) == {
        "fuzzy": 0,  # the "links" commit changes no prose
        "untranslated": 0,
        # 8 URLs in 5 list items: tr8-104B item (spec + backup [2], blob -> tree), BLOOM-176B item
        # (spec + backup [3], blob -> tree, trailing slash dropped), GLM-130B item (2x THUDM -> zai-org),
        # Imbue's 2024 item and Imbue's hardware item (imbue.com/research -> imbue.com/blog)
        "carried_over": 5,
        "recovered": 0,
    }
    for entry in replay[21].carried:
        assert "fuzzy" not in entry.flags and entry.previous_msgid is None
        assert entry.msgstr == pseudo(entry.msgid), "destinations rewritten to exactly the new ones"
        assert CARRY_COMMENT in entry.tcomment
    glm = next(e for e in replay[21].carried if e.msgid.startswith("THUDM GLM-130B"))
    assert glm.tcomment.count("github.com/THUDM/GLM-130B") == 2 and "zai-org" in glm.tcomment


def test_revision_23_adds_one_item(replay: dict[int, Step]) -> None:
    assert counts(replay[23]) == {
        "fuzzy": 0,  # 22 -> 23 changes no existing text
        "untranslated": 1,  # 23 adds "The Harvard Edge group publishes [Machine Learning Systems](...)"
        "carried_over": 0,
        "recovered": 0,
    }
    [new] = replay[23].report.new
    assert new.startswith("The Harvard Edge group publishes")


def test_revision_22_link_change_is_carried_over(replay: dict[int, Step]) -> None:
    # 21 -> 22 changes the one SemiAnalysis URL (semianalysis.com -> newsletter.semianalysis.com)
    assert counts(replay[22]) == {"fuzzy": 0, "untranslated": 0, "carried_over": 1, "recovered": 0}


def test_every_changed_paragraph_is_fuzzy_with_its_previous_text(replay: dict[int, Step]) -> None:
    # 5 -> 6, 6 -> 7, 7 -> 8 each reword the intro paragraph under the logbooks heading
    for revision in (6, 7, 8):
        [entry] = replay[revision].fuzzy
        assert entry.msgid.startswith(("This is the one", "Logbooks and chronicles"))
        assert entry.msgstr == pseudo(entry.previous_msgid), "the old translation is carried, fuzzy"
    # 4 -> 5 renames the section heading
    [heading] = replay[5].fuzzy
    assert (heading.previous_msgid, heading.msgid) == (
        "Publicly available training logbooks", "Publicly available training LLM/VLM logbooks")


def test_going_back_to_revision_1_recovers_every_old_translation(
        replayed: tuple[dict[int, Step], Path], revision_pots: dict[int, Path], tmp_path: Path) -> None:
    config = make_project(tmp_path / "back")
    config.po_path(LANGUAGE).parent.mkdir(parents=True)
    shutil.copy(replayed[1], config.po_path(LANGUAGE))  # the catalog the replay left at revision 23
    config.pot_path().parent.mkdir(parents=True)
    shutil.copy(revision_pots[1], config.pot_path())
    [report] = sync.update(config, [LANGUAGE])
    # revision 1 has 12 msgids; 5 are still in revision 23 ("Resources", "2021", "2022", "2023",
    # the BloombergGPT item); the other 7 (old logbooks heading, "The listing is ...", and the
    # tr8, BLOOM-176B, OPT, GLM and IDEFICS items before their backups were added) come back
    # from the obsolete entries exactly as they were translated at revision 1
    assert (len(report.recovered), report.fuzzy, report.untranslated, report.translated) == (7, 0, 0, 12)
    po = read_po(config.po_path(LANGUAGE))
    # the year headings have nothing to translate: the first update gave them their English
    assert all(e.msgstr == (e.msgid if nothing_to_translate(e.msgid) else pseudo(e.msgid))
               for e in po if not e.obsolete and e.msgid)
