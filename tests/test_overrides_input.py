"""Bad overrides files (issue 17, points 2, 12, 13 and 15).

Before: a date in year 9999 crashed `run`, `pair` and `actor`, "0012" was
accepted (about 2,000 yearly periods); a dangling symbolic link or a folder
named overrides.toml was ignored without a word and `--overrides FIFO` hung;
[[actor]]/[[alias]] entries cost quadratic time (1,000 entries: 58 s); `--pair
mnla MNLA` drew an mnla_mnla page.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from actors.cli import main
from actors.curation import extend_dictionary, parse_curation, read_curation
from actors.errors import DataFileError, Problem
from actors.extract.dictionary import load_dictionary

SENTENCE = "On 3 May 2014, MUJAO fighters ambushed Malian soldiers near Gao.\n"


def _corpus(tmp_path: Path, overrides: str | None = None) -> Path:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text(SENTENCE + "On 9 June 2015, JNIM attacked the MNLA in Kidal.\n")
    if overrides is not None:
        (folder / "overrides.toml").write_text(overrides)
    return folder


def _add(date: str) -> str:
    return (f'# dates\n[[add]]\nid = "x"\nsource = "MNLA"\ntarget = "JNIM"\nrelation = "fought-against"\n'
            f'date = "{date}"\nevidence = "e"\nreason = "r"\n')


# -- 2. plausible dates -------------------------------------------------------------------------


@pytest.mark.parametrize("date, why", [("9999", "year 9999 is outside the plausible years 1900-2100"),
                                       ("0012", "year 12 is outside"), ("2101-01-01", "year 2101"),
                                       ("1899-12", "year 1899")])
def test_an_implausible_overrides_date_is_refused_with_line_and_reason(date: str, why: str) -> None:
    cur = parse_curation(_add(date), "o.toml")
    (p,) = cur.problems
    assert p.where == "line 7 ([[add]] 'x', key 'date')"
    assert f"implausible date '{date}'" in p.what and why in p.what and p.what.endswith("entry not applied")
    assert cur.overrides == ()


def test_the_plausible_years_are_configurable() -> None:
    assert parse_curation(_add("1850"), "o.toml", years=(1800, 2100)).problems == ()
    (p,) = parse_curation(_add("2030"), "o.toml", years=(1990, 2025)).problems
    assert "outside the plausible years 1990-2025" in p.what


@pytest.mark.parametrize("command", [["run", "--figure-workers", "0"], ["pair", "MNLA", "JNIM"], ["actor", "mnla"]])
def test_year_9999_no_longer_crashes_a_command(tmp_path, capsys, command) -> None:
    folder = _corpus(tmp_path, _add("9999"))
    extra = ["--out", str(tmp_path / "out")] if command[0] == "run" else []
    assert main([*command, "--corpus", str(folder), *extra]) == 0
    assert "implausible date '9999'" in capsys.readouterr().err


def test_years_option_narrows_text_dates(tmp_path, capsys) -> None:
    folder = _corpus(tmp_path)
    assert main(["run", "--corpus", str(folder), "--out", str(tmp_path / "o"), "--years", "2015-2030", "-q",
                 "--figure-workers", "0"]) == 0
    err = capsys.readouterr().err
    assert "line 1, column 4 (sentence 0, chars 3-13): implausible date '3 May 2014'" in err
    with pytest.raises(SystemExit) as stop:  # argparse: a usage error
        main(["run", "--corpus", str(folder), "--years", "2030-2015"])
    assert stop.value.code == 2 and "--years: expected years FIRST-LAST" in capsys.readouterr().err


# -- 13. overrides files that are not regular files -------------------------------------------


def test_a_dangling_symlink_overrides_is_named(tmp_path, capsys) -> None:
    folder = _corpus(tmp_path)
    (folder / "overrides.toml").symlink_to(tmp_path / "gone.toml")
    assert main(["pair", "MNLA", "JNIM", "--corpus", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "overrides.toml: the overrides file is a symbolic link to" in err and "does not exist" in err


def test_a_folder_overrides_is_named(tmp_path, capsys) -> None:
    folder = _corpus(tmp_path)
    (folder / "overrides.toml").mkdir()
    assert main(["pair", "MNLA", "JNIM", "--corpus", str(folder)]) == 2
    assert "the overrides file is a folder" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_overrides_on_a_fifo_is_refused_without_waiting(tmp_path) -> None:
    folder = _corpus(tmp_path)
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    with pytest.raises(DataFileError, match="FIFO"):
        read_curation(fifo)
    done = subprocess.run([sys.executable, "-m", "actors.cli", "pair", "MNLA", "JNIM", "--corpus", str(folder),
                           "--overrides", str(fifo)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "is a FIFO (named pipe)" in done.stderr


# -- 15. the same actor twice ----------------------------------------------------------------


def test_pair_of_one_actor_is_refused(tmp_path, capsys) -> None:
    folder = _corpus(tmp_path)
    assert main(["run", "--corpus", str(folder), "--out", str(tmp_path / "o"), "--pair", "mnla", "MNLA"]) == 2
    assert "--pair mnla MNLA: both name 'mnla'" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


# -- 12. [[actor]] and [[alias]] entries in linear time ----------------------------------------


def _many(n: int) -> str:
    out = []
    for i in range(n // 2):
        out.append(f'[[actor]]\nid = "grp-{i}"\nname = "Group Number {i} Brigade"\nkind = "militia"\n'
                   f'aliases = ["Gnb{i}x"]\nreason = "r"\n')
    for i in range(n // 2):
        out.append(f'[[alias]]\nid = "al-{i}"\nactor = "grp-{i}"\naliases = ["Other Name {i} Unit"]\nreason = "r"\n')
    return "\n".join(out)


def test_many_actor_and_alias_entries_take_linear_time() -> None:
    base = load_dictionary()
    cur = parse_curation(_many(1000), "o.toml")
    t0 = time.perf_counter()
    d, rows, problems = extend_dictionary(base, cur)
    took = time.perf_counter() - t0
    assert problems == [] and all(r["applied"] == "yes" for r in rows) and len(rows) == 1000
    assert d.lookup("other name 499 unit").id == "grp-499"
    assert took < 10, f"{took:.1f} s for 1,000 entries (quadratic: about a minute)"


CLASHES = '''[[actor]]
id = "x1"
name = "X One"
kind = "militia"
aliases = ["MNLA"]
reason = "r"

[[actor]]
id = "mnla"
name = "Dup"
kind = "militia"
reason = "r"

[[alias]]
id = "a1"
actor = "mujao"
aliases = ["Ansar Dine"]
reason = "r"

[[alias]]
id = "a2"
actor = "nosuch"
aliases = ["Zed"]
reason = "r"

[[actor]]
id = "newg"
name = "New G"
kind = "militia"
aliases = ["NG"]
reason = "r"

[[alias]]
id = "a3"
actor = "x1"
aliases = ["NG"]
reason = "r"

[[alias]]
id = "a4"
actor = "mali"
aliases = ["the junta"]
reason = "r"

[[alias]]
id = "a5"
actor = "newg"
aliases = ["New Gee"]
reason = "r"
'''


def test_linear_extension_reports_what_the_whole_validation_reported() -> None:
    """The messages of the former one-by-one extension (validating the whole dictionary each time)."""
    from actors.curation.apply import _first_line, _unknown
    from actors.extract.dictionary import actor_from_table

    base = load_dictionary()
    cur = parse_curation(CLASHES, "o.toml")
    d, rows, problems = extend_dictionary(base, cur)
    expected: list[Problem] = []
    ref = base
    for o in cur.of("actor", "alias"):
        try:
            if o.op == "actor":
                ref = ref.with_additions([actor_from_table({"id": o.id, **o.values}, source="o.toml", place=o.where)],
                                         source="o.toml")
            else:
                target = ref.lookup(o.values["actor"])
                if target is None:
                    raise DataFileError(_unknown(ref, o.values["actor"]))
                ref = ref.with_additions(aliases={target.id: o.values["aliases"]}, source="o.toml")
        except DataFileError as exc:
            expected.append(Problem("o.toml", o.where, f"{_first_line(exc, 'o.toml', o.where)}; entry not applied"))
    assert problems == expected and len(problems) == 6
    assert [a.id for a in d.actors] == [a.id for a in ref.actors]
    assert d.lookup("New Gee").id == "newg" and d.lookup("NG").id == "newg"
