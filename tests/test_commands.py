"""The commands ``actors pair``, ``actors actor`` and ``actors export``, and what every command owes the user:
help with examples, exit codes, no traceback, safe terminal output, quiet pipes.

In-process calls of :func:`actors.cli.main` share one load of the seeds (the
``cli`` fixture hands the CLI a cached :class:`actors.corpus.Corpus`); a few
calls go through a real ``python -m actors.cli`` process for exit codes and
stderr.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET

import polars as pl
from pathlib import Path

import pytest

import actors.corpus
from actors.cli import main
from actors.analysis.pairs import pair_timeline
from actors.analysis.profile import actor_profile
from actors.network.windows import phases

# nodes and edges of the seeds' graph (every output of one extraction agrees on them)
SEEDS_GRAPH = (38, 163)  # 163 events' edges (180 mentions)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EVENT_LINE = re.compile(r"^(\d{4}(?:-\d{2}){0,2} \((day|month|year)\)|undated)  ")


@pytest.fixture(scope="module")
def seeds():
    """The seeds, read, curated and extracted once for this module (do not mutate)."""
    return actors.corpus.load_corpus(SEEDS)


@pytest.fixture
def cli(seeds, monkeypatch, capsys):
    """Run ``actors ARGS`` in-process on the seeds: (exit code, stdout, stderr)."""
    real = actors.corpus.load_corpus

    def cached(path="seeds", *, overrides=True, dictionary=None, events=(), **more):  # more: workers, keep_documents
        if Path(path).resolve() == SEEDS and overrides is True and dictionary is None and not events:
            return seeds
        return real(path, overrides=overrides, dictionary=dictionary, events=events, **more)

    monkeypatch.setattr(actors.corpus, "load_corpus", cached)

    def run(*argv: str, corpus: Path | str = SEEDS):
        code = main([argv[0], "--corpus", str(corpus), *argv[1:]])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    return run


def _env(**extra) -> dict:
    """The environment of a user's shell: no PYTHONUNBUFFERED (a test runner may set it)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env.update(extra)
    return env


def actors_process(*argv: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "actors.cli", *argv], capture_output=True, text=True,
                          cwd=ROOT, env=_env(), timeout=120, **kw)


def _squeeze(text: str) -> str:
    return "".join(text.split())


# ---------------------------------------------------------------------------
# actors pair

def test_pair_prints_the_shift_and_every_event_with_its_sentence(cli, seeds):
    code, out, err = cli("pair", "MNLA", "ansar dine")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "MNLA (mnla) and Ansar Dine (ansar-dine): 6 events (allied-with 3, fought-against 3)"
    assert lines[1] == ("shift: allied-with (last 2012-03) -> fighting by 2012-06-08 (order from dates); "
                        "the last evidence is the analyst's own addition")
    t = pair_timeline(seeds.graph, "mnla", "ansar-dine")
    assert t.height == 6
    events = [line for line in lines if EVENT_LINE.match(line)]
    assert len(events) == t.height
    for r, line in zip(t.iter_rows(named=True), events):  # in the timeline's order: by date
        when = f"{r['date']} ({r['precision']})" if r["date"] else "undated"
        title = seeds.frames["documents"].filter(pl.col("doc") == r["doc"])["title"][0]
        assert line.startswith(f"{when}  {r['relation']}  {r['status']}  {title} — {r['doc']}:{r['char_start']}-"
                               f"{r['char_end']}  [{r['edge_id']}]"), line
        assert _squeeze(r["evidence"]) in _squeeze(out)  # the sentence, wrapped but whole
    assert "2012-06-08 (day)  fought-against  reported" in out
    assert "By the night of 8 June, MNLA and Ansar Dine rebels clashed" in " ".join(out.split())


@pytest.mark.parametrize("a, b", [("mnla", "ANSAR DINE"), ("National Movement for the Liberation of Azawad",
                                                            "Ansar al-Din"), ("Mnla", "ansar-dine")])
def test_pair_takes_any_alias_in_any_case(cli, a, b):
    assert cli("pair", a, b)[:2] == cli("pair", "MNLA", "Ansar Dine")[:2]


def test_pair_facts_only_leaves_out_disputed_events(cli):
    # the alliance told in one sentence and denied in the next is one event, disputed, with both sentences
    code, out, _ = cli("pair", "mnla", "mia")
    assert code == 0 and "1 event (allied-with 1)" in out.splitlines()[0]
    assert "2013-01-28 (day)  allied-with  disputed  denied by mnla" in out
    assert "also told: 2013  denied  claimed by mnla" in out
    flat = " ".join(out.split())
    assert "On 28 January, the MNLA took control of Kidal" in flat and "denied any collaboration" in flat
    code, facts, _ = cli("pair", "mnla", "mia", "--facts-only")
    assert code == 0 and "0 events" in facts.splitlines()[0]
    assert "denied" not in facts and "disputed" not in facts


def test_pair_with_no_relation_says_so(cli):
    code, out, err = cli("pair", "mnla", "cnrdr")
    assert code == 0
    assert out.splitlines()[-1] == "no relation between them in this corpus"
    assert "0 events" in out.splitlines()[0]


def test_pair_unknown_name_exits_2_with_a_suggestion(cli):
    code, out, err = cli("pair", "mnla", "Ansar Dyne")
    assert code == 2 and out == ""
    assert "actors: B: unknown actor 'Ansar Dyne'; did you mean 'Ansar Dine'? (id ansar-dine)" in err
    code, out, err = cli("pair", "Mujaoo", "mnla")
    assert code == 2 and "A: unknown actor 'Mujaoo'; did you mean" in err


def test_did_you_mean_names_the_actors_not_bare_ids(cli):
    # "jnmi" is closest to the ids jnim and unmil: the hints are the actors' names, each with its id
    code, out, err = cli("actor", "jnmi")
    assert code == 2 and out == ""
    assert "did you mean \"Jama'at Nasr al-Islam wal Muslimin (JNIM)\"" in err
    assert "'jnim'" not in err and "(id jnim; id unmil)" in err
    # an alias to type is followed by the actor's name and id
    code, _, err = cli("actor", "Mujaoo")
    assert "did you mean 'MUJAO'? (Movement for Oneness and Jihad in West Africa (MOJWA/MUJAO), id mojwa)" in err


def test_read_only_commands_are_quiet_unless_the_overrides_file_has_problems(cli, tmp_path):
    # the seeds have five warnings (dates left undated): `actors run` tells them, pair/actor/export do not
    for argv in (("pair", "mnla", "ansar dine"), ("actor", "mujao"),
                 ("export", "--format", "json", "--out", str(tmp_path / "g.json"))):
        code, out, err = cli(*argv)
        assert code == 0 and out and err == "", argv
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("On 3 May 2014, MUJAO fighters ambushed Malian soldiers near Gao.\n")
    (corpus / "notes.pdf").write_bytes(b"%PDF")  # a warning of its own, not the overrides file's
    (corpus / "overrides.toml").write_text('[[drop]]\nid = "x"\nreason = "r"\nwhat = "nothing"\n')
    code, out, err = cli("pair", "mujao", "mali", corpus=corpus)
    assert code == 0 and "1 event" in out
    assert err.startswith(f"warning: {corpus / 'overrides.toml'}: ")
    assert f"note: 2 problem(s) in the overrides file {corpus / 'overrides.toml'}: those entries were not applied; " \
           f"1 other problem(s) while reading {corpus}: `actors run` lists them" in err


def test_pair_of_an_actor_with_itself_exits_2(cli):
    code, out, err = cli("pair", "MNLA", "National Movement for the Liberation of Azawad")
    assert code == 2 and out == ""
    assert "A and B both name 'mnla'" in err


def test_pair_in_a_real_process():
    r = actors_process("pair", "mnla", "ansar dine")
    assert r.returncode == 0 and "fighting by 2012-06-08" in r.stdout
    r = actors_process("pair", "mnla", "Ansar Dyne")
    assert r.returncode == 2 and "did you mean 'Ansar Dine'?" in r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""


# ---------------------------------------------------------------------------
# actors actor

def test_actor_profile(cli, seeds):
    code, out, err = cli("actor", "mujao")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Movement for Oneness and Jihad in West Africa (MOJWA/MUJAO) (mojwa), jihadist group"
    assert lines[1].startswith("aliases: ") and {"MOJWA", "MUJAO", "MUJWA"} <= set(lines[1][9:].split(", "))
    p = actor_profile(seeds.graph, "mojwa")
    with open(ROOT / "actors" / "data" / "periods.toml", "rb") as fh:
        labels = {t["id"]: t["label"] for t in tomllib.load(fh)["period"]}
    assert labels == {period.id: period.label for period in phases()}
    placed = set(p.relations["period"].to_list())
    # MUJAO's fights in the rebellion's months are dated only "2012": they might fall there, no more
    assert placed == {"islamist-takeover"}
    maybe = set(p.imprecise["period"].to_list())
    assert "rebellion-2012" in maybe and not p.imprecise.filter(pl.col("precision") == "day").height
    for pid, label in labels.items():
        heading = [line for line in lines if line.startswith(f"  {label} (")]
        assert len(heading) == (1 if pid in placed | maybe else 0), label
    assert "  2012 Islamist takeover of the north (2012-04-06 – 2013-01-10)" in lines
    rebellion = lines.index("  2012 rebellion (2012-01-17 – 2012-04-05)")
    block = lines[rebellion + 1:rebellion + 3]
    assert any(x.startswith("    might fall here, fought-against (dated 2012): ") and "MNLA (mnla)" in x for x in block)
    assert lines.index("Splits:") < lines.index("Memberships:")
    splits = lines[lines.index("Splits:") + 1:lines.index("Memberships:")]
    assert splits[0].startswith("  split from AQIM (aqim): first undated, 1 event(s) [reported]")  # "a splinter of": no date told
    assert lines[lines.index("Memberships:") + 1] == "  no member-of relation"


def test_actor_with_memberships_both_ways(cli):
    code, out, _ = cli("actor", "MINUSMA")
    lines = out.splitlines()
    members = [line for line in lines[lines.index("Memberships:") + 1:] if not line.startswith("      ")]
    assert code == 0
    # contingents described as they stand ("Nigerien MINUSMA peacekeepers"): when they joined is not told
    assert members == ["  has member Bangladesh (bangladesh): first undated, 1 event(s) [reported]",
                       "  has member Chad (chad): first undated, 3 event(s) [reported]",
                       "  has member Niger (niger): first undated, 2 event(s) [reported]"]
    code, out, _ = cli("actor", "Chadian")
    assert code == 0 and "  member of AFISMA / MISMA (afisma): first undated, 1 event(s) [reported]" in out


def test_actor_with_no_relation(cli, seeds):
    assert "cnrdr" not in seeds.graph
    code, out, err = cli("actor", "CNRDR")
    assert code == 0
    assert out == (f"National Committee for the Restoration of Democracy and State (CNRDR) (cnrdr), "
                   f"{seeds.dictionary.get('cnrdr').kind}: no relation in this corpus "
                   f"({seeds.extraction.mention_counts['cnrdr']} mention(s))\n")
    code, out, _ = cli("actor", "katiba hanifa")  # added by seeds/overrides.toml, named nowhere
    assert code == 0 and out.startswith("Katiba Hanifa (katiba-hanifa), jihadist group: no relation in this corpus")


def test_actor_unknown_exits_2_with_a_suggestion(cli):
    code, out, err = cli("actor", "Mujaoo")
    assert code == 2 and out == ""
    assert "actors: NAME: unknown actor 'Mujaoo'; did you mean 'MUJAO'?" in err


# ---------------------------------------------------------------------------
# actors export

def _count(root: ET.Element, tag: str) -> int:
    return sum(1 for e in root.iter() if e.tag.rsplit("}", 1)[-1] == tag)


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "json"])
def test_export_writes_a_file_that_parses(cli, seeds, tmp_path, fmt):
    path = tmp_path / "sub" / f"net.{fmt}"
    code, out, _ = cli("export", "--format", fmt, "--out", str(path))
    n, m = seeds.graph.number_of_nodes(), seeds.graph.number_of_edges()
    assert code == 0 and (n, m) == SEEDS_GRAPH
    assert out == f"wrote {path} ({n} actors, {m} relations)\n"
    data = path.read_bytes()
    if fmt == "json":
        j = json.loads(data)
        assert (len(j["nodes"]), len(j["edges"])) == (n, m)
        assert {e["key"] for e in j["edges"]} == {k for _, _, k in seeds.graph.edges(keys=True)}
    else:
        root = ET.fromstring(data)
        assert root.tag.rsplit("}", 1)[-1] == fmt
        assert (_count(root, "node"), _count(root, "edge")) == (n, m)
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_export_to_standard_output(seeds, capsysbinary, monkeypatch):
    monkeypatch.setattr(actors.corpus, "load_corpus", lambda path, **kw: seeds)
    assert main(["export", "--corpus", str(SEEDS), "--format", "graphml", "--out", "-"]) == 0
    out = capsysbinary.readouterr().out
    root = ET.fromstring(out)
    assert (_count(root, "node"), _count(root, "edge")) == SEEDS_GRAPH
    r = actors_process("export", "--format", "json", "--out", "-")
    assert r.returncode == 0 and "Traceback" not in r.stderr
    j = json.loads(r.stdout)
    assert (len(j["nodes"]), len(j["edges"])) == SEEDS_GRAPH


def test_export_default_path(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("export", "--format", "json")
    assert code == 0 and out.startswith("wrote output/graph.json (38 actors")
    assert len(json.loads((tmp_path / "output" / "graph.json").read_text(encoding="utf-8"))["edges"]) == SEEDS_GRAPH[1]


def test_export_to_an_unwritable_path_exits_1(cli, tmp_path):
    (tmp_path / "file").write_text("a file, not a folder")
    code, out, err = cli("export", "--format", "gexf", "--out", str(tmp_path / "file" / "net.gexf"))
    assert code == 1 and out == ""
    assert f"actors: {tmp_path / 'file'}: " in err
    assert (tmp_path / "file").read_text() == "a file, not a folder"
    (tmp_path / "dir.json").mkdir()
    code, out, err = cli("export", "--format", "json", "--out", str(tmp_path / "dir.json"))
    assert code == 1 and out == "" and err.splitlines()[-1].startswith("actors: ")


def test_export_onto_a_folder_leaves_nothing_behind(cli, tmp_path):
    (tmp_path / "dir.json").mkdir()
    code, _, err = cli("export", "--format", "json", "--out", str(tmp_path / "dir.json"))
    assert code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir.json"]
    assert f"{tmp_path / 'dir.json'}:" in err


def test_export_bad_format_exits_2(tmp_path):
    r = actors_process("export", "--format", "xml", "--out", str(tmp_path / "x.xml"))
    assert r.returncode == 2 and "invalid choice: 'xml'" in r.stderr and "usage:" in r.stderr
    assert "Traceback" not in r.stderr and not (tmp_path / "x.xml").exists()


# ---------------------------------------------------------------------------
# Terminal safety

def test_document_text_cannot_drive_the_terminal(cli, tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("On 3 May 2014, MUJAO fighters ambushed Malian soldiers near \x1b[31mGao\x1b[0m "
                                  "\u202e\u202dlag. On 12 June 2014, the MNLA attacked MUJAO fighters near Kidal.\n",
                                  encoding="utf-8")
    code, out, err = cli("pair", "mujao", "mali", corpus=corpus)
    assert code == 0 and "1 event (fought-against 1)" in out
    assert "\x1b" not in out and "\u202e" not in out and "\u202d" not in out
    assert "\x1b" not in err and "\u202e" not in err
    assert "near \\x1b[31mGao\\x1b[0m \\u202e\\u202dlag." in out  # shown, escaped
    code, out, err = cli("actor", "mujao", corpus=corpus)
    assert code == 0 and "fought-against: Mali (mali) (1), MNLA (mnla) (1)" in out
    assert "\x1b" not in out + err and "\u202e" not in out + err


def test_name_of_an_actor_with_no_relation_cannot_drive_the_terminal(cli, tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("On 3 May 2014, MUJAO fighters ambushed Malian soldiers near Gao.\n")
    (corpus / "overrides.toml").write_text('[[actor]]\nid = "evil"\nname = "Evil\\u001b[2J Group"\nkind = "militia"\n'
                                           'aliases = ["Evil Group"]\nreason = "r"\n')
    code, out, err = cli("actor", "evil group", corpus=corpus)
    assert code == 0 and "no relation in this corpus" in out
    assert "\x1b" not in out


def test_file_names_cannot_drive_the_terminal(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("On 3 May 2014, MUJAO fighters ambushed Malian soldiers near Gao.\n")
    (corpus / "bad\x1b[2J.txt").write_text("")  # empty: skipped, and named on stderr
    r = actors_process("run", "--corpus", str(corpus), "--out", str(tmp_path / "out"), "-q")
    assert r.returncode == 0 and "empty file" in r.stderr
    assert "\x1b" not in r.stderr


# ---------------------------------------------------------------------------
# Help, usage errors, exit codes

@pytest.mark.parametrize("command", [[], ["run"], ["pair"], ["actor"], ["export"]])
def test_help_has_examples(command, capsys):
    with pytest.raises(SystemExit) as exc:
        main([*command, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: actors {' '.join(command)}".rstrip())
    examples = out.split("examples:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert examples and all(line.startswith("  actors ") for line in examples)
    if command:  # each command its own block: its examples, not the other commands'
        assert all(line.startswith(f"  actors {command[0]} ") for line in examples), examples
    else:
        assert {line.split()[1] for line in examples} == {"run", "pair", "actor", "export"}
    assert "Exit codes: 0 done" in " ".join(out.split())


@pytest.mark.parametrize("command", [[], ["run"], ["pair"], ["actor"], ["export"]])
def test_help_is_wrapped_to_the_terminal(command):
    for columns, widest in (("60", 60), ("200", 90)):  # at most 90 columns however wide the terminal
        r = subprocess.run([sys.executable, "-m", "actors.cli", *command, "--help"], capture_output=True, text=True,
                           cwd=ROOT, env=_env(COLUMNS=columns), timeout=120)
        assert r.returncode == 0
        lines = r.stdout.splitlines()
        examples = {line for line in lines if line.startswith("  actors ")}  # kept as written
        assert all(len(line) <= 90 for line in examples)
        long = [line for line in lines if len(line) > widest and line not in examples]
        assert not long, (columns, long)
    assert "Exit codes: 0 done (problems with single files are reported and skipped)" in " ".join(r.stdout.split())


def test_help_and_usage_in_a_real_process():
    r = actors_process("--help")
    assert r.returncode == 0 and "examples:" in r.stdout
    assert all(re.search(rf"^    {c} +\w", r.stdout, re.M) for c in ("run", "pair", "actor", "export"))
    r = actors_process("actor", "--help")
    assert r.returncode == 0 and "examples:" in r.stdout and "--periods" in r.stdout
    r = actors_process()
    assert r.returncode == 2 and "usage: actors" in r.stdout + r.stderr
    r = actors_process("pair", "--bogus", "mnla", "mia")  # the command's usage, not the program's
    assert r.returncode == 2 and r.stderr.startswith("usage: actors pair ") and "A B" in r.stderr
    assert "actors pair: error: unrecognized arguments: --bogus" in r.stderr
    r = actors_process("run", "--out", "/tmp/x", "--colour")
    assert r.returncode == 2 and r.stderr.startswith("usage: actors run ") and "--colour" in r.stderr
    r = actors_process("--bogus")
    assert r.returncode == 2 and r.stderr.startswith("usage: actors [-h]")
    r = actors_process("pair", "mnla")
    assert r.returncode == 2 and "the following arguments are required: B" in r.stderr
    r = actors_process("fight", "mnla")
    assert r.returncode == 2 and "invalid choice: 'fight'" in r.stderr


def test_no_command_exits_2(capsys):
    assert main([]) == 2
    assert "examples:" in capsys.readouterr().out


def test_no_traceback_from_any_usage_error():
    for argv in (["--bogus"], ["run", "--out"], ["actor"], ["export"], ["run", "--pair", "mnla"]):
        r = actors_process(*argv)
        assert r.returncode == 2, argv
        assert "Traceback" not in r.stderr and "usage:" in r.stderr, argv


# ---------------------------------------------------------------------------
# Pipes

def test_pipe_into_head():
    r = subprocess.run(["bash", "-c", f'"{sys.executable}" -m actors.cli pair mnla "ansar dine" | head -1; '
                       'echo "exit=${PIPESTATUS[0]}" >&2'], capture_output=True, text=True, cwd=ROOT, env=_env(),
                       timeout=120)
    assert r.stdout == "MNLA (mnla) and Ansar Dine (ansar-dine): 6 events (allied-with 3, fought-against 3)\n"
    assert "exit=0" in r.stderr
    assert "Traceback" not in r.stderr and "BrokenPipe" not in r.stderr


@pytest.mark.parametrize("argv", [["pair", "mnla", "ansar dine"], ["actor", "mujao"]])
def test_pipe_whose_reader_has_gone(argv):
    read, write = os.pipe()
    os.close(read)  # the reader has gone before anything was written
    try:
        r = subprocess.run([sys.executable, "-m", "actors.cli", *argv], stdout=write, stderr=subprocess.PIPE,
                           text=True, cwd=ROOT, env=_env(), timeout=120)
    finally:
        os.close(write)
    assert "BrokenPipe" not in r.stderr and "Traceback" not in r.stderr
    assert r.returncode == 0


def test_export_to_a_pipe_whose_reader_has_gone():
    read, write = os.pipe()
    os.close(read)
    try:
        r = subprocess.run([sys.executable, "-m", "actors.cli", "export", "--format", "json", "--out", "-"],
                           stdout=write, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=_env(), timeout=120)
    finally:
        os.close(write)
    assert r.returncode == 0 and "BrokenPipe" not in r.stderr and "Traceback" not in r.stderr


# ---------------------------------------------------------------------------
# A corpus with nothing to read

@pytest.mark.parametrize("argv", [["run", "--out", "OUT"], ["pair", "mnla", "mia"], ["actor", "mnla"],
                                  ["export", "--format", "json", "--out", "OUT/g.json"]])
def test_no_readable_document_exits_1_for_every_command(cli, tmp_path, argv):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_text("")
    (corpus / "binary.md").write_bytes(b"\x00\x01\x02" * 50)
    out = tmp_path / "out"
    code, stdout, err = cli(*[a.replace("OUT", str(out)) for a in argv], corpus=corpus)
    assert code == 1 and stdout == ""
    assert f"actors: no document could be read in {corpus}" in err and "empty.txt" in err
    assert not out.exists()
    code, _, err = cli(*[a.replace("OUT", str(out)) for a in argv], corpus=tmp_path / "missing")
    assert code == 1 and "missing" in err and not out.exists()
