"""quality.fix_text and `quality fix`: only verified repairs, never worse, idempotent, pluggable."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quality import fix_text
from quality.cli import build_parser, main
from quality.fix import REPAIR_STEPS, RepairStep, fix_file, register_repair

# Genuine words in many scripts, to build genuine sentences from.
WORDS = [
    "the", "minister", "said", "on", "Monday", "café", "naïve", "Zürich", "Łódź", "São", "Paulo",
    "Ærø", "Dvořák", "İstanbul", "Москва", "переговоры", "Київ", "Αθήνα", "κυβέρνηση", "北京",
    "外交部", "東京", "カタカナ", "서울", "대통령", "القاهرة", "ירושלים", "“quoted”", "it’s",
    "—", "…", "€5", "45°", "½", "NESTLÉ®", "SÃO", "CÂMARA", "ПРАВДА", "🇨🇳🇷🇺", "😀", "¿Qué?",
    "Hà", "Nội", "Việt", "Þórsmörk", "x²", "√π", "(华春莹)",
]  # fmt: skip
genuine_sentences = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)
# Words of three letters or more: a lone symbol after a number is ambiguous once mis-decoded
# ("45°" read as GBK is "45掳", which is also Chinese: 45 and a character).
WORDS_3 = [w for w in WORDS if sum(ch.isalpha() for ch in w) >= 3]
word_sentences = st.lists(st.sampled_from(WORDS_3), min_size=1, max_size=12).map(" ".join)

# Characters that damaged text is made of, to throw odd mixtures at the repair.
DAMAGE_ALPHABET = "abcdeAB é’“”—ÃÂâ€™©¢œžÐÑ¿½ΞΟРСвЃ谩鈥檚茅ﾃ｡├╝√∂\x93\x94\x00\x1a\ufffd&;#amp"


@settings(max_examples=300, derandomize=True, deadline=None)
@given(genuine_sentences)
def test_clean_text_is_left_unchanged(sentence: str) -> None:
    assert fix_text(sentence) == sentence


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.text(alphabet=DAMAGE_ALPHABET, max_size=30))
def test_fixing_twice_equals_fixing_once(text: str) -> None:
    once = fix_text(text)
    assert fix_text(once) == once


@settings(max_examples=200, derandomize=True, deadline=None)
@given(word_sentences.filter(lambda s: not s.isascii()), st.sampled_from(["cp1252", "gbk"]))
def test_whole_sentences_mis_decoded_come_back(sentence: str, codec: str) -> None:
    try:
        damaged = sentence.encode("utf-8").decode(codec)
    except UnicodeDecodeError:
        return  # this sentence cannot be damaged this way
    assert fix_text(damaged) == sentence


REPAIRS = [
    ("The cafÃ© reopened.", "The café reopened."),
    ("Plaza del Maid谩n en Kiev", "Plaza del Maidán en Kiev"),
    ("It doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t close.", "It doesn’t close."),
    ("He said \x93no\x94.", "He said “no”."),
    ("Tom &amp;amp; Jerry&#8217;s", "Tom & Jerry’s"),
    ("10Î&frac14;s", "10μs"),
    ("Null\x00 and sub\x1a gone", "Null and sub gone"),
    ("Lost byte: caf\ufffd stays", "Lost byte: caf\ufffd stays"),  # nothing to restore it from
    ("He called it â€œexcellentâ€? then", "He called it “excellentâ€? then"),  # only the verified part
    ("ï»¿The cafÃ© reopened.", "The café reopened."),  # a byte-order mark read as text goes
    ("First file.\nï»¿Second file.", "First file.\nSecond file."),  # files joined
    ("FranA\u0303\x83A\u0302\xa7ois and cafe\u0301", "François and cafe\u0301"),  # decomposed (NFD) after the damage
]


@pytest.mark.parametrize(("damaged", "repaired"), REPAIRS)
def test_fix_text_examples(damaged: str, repaired: str) -> None:
    assert fix_text(damaged) == repaired


def test_steps_can_be_switched_off_and_unknown_steps_are_refused() -> None:
    assert fix_text("The cafÃ© reopened.", encoding=False) == "The cafÃ© reopened."
    with pytest.raises(TypeError, match="unknown repair step"):
        fix_text("text", no_such_step=True)


@pytest.fixture
def shouting_step():
    """An optional step plugged in the way boilerplate stripping will be."""
    step = register_repair(RepairStep("shout", str.upper, default=False, help="upper-case everything"))
    yield step
    del REPAIR_STEPS[step.name]


def test_an_optional_step_plugs_into_fix_text_and_the_cli(shouting_step, tmp_path, capsys) -> None:
    assert fix_text("the cafÃ©") == "the café"
    assert fix_text("the cafÃ©", shout=True) == "THE CAFÉ"
    assert build_parser().parse_args(["fix", "x.txt", "--shout"]).shout is True
    path = tmp_path / "a.txt"
    path.write_text("quiet\n", encoding="utf-8")
    assert main(["fix", str(path), "--shout", "--write"]) == 0
    assert path.read_text(encoding="utf-8") == "QUIET\n"


# ----------------------------------------------------------------------------------------- CLI


def test_boilerplate_stripping_is_an_optional_step(tmp_path) -> None:
    text = "Follow us on Telegram for the latest updates\nThe cafÃ© reopened on Monday, the mayor said in a statement.\n"
    assert fix_text(text) == text.replace("cafÃ©", "café")
    stripped = fix_text(text, strip_boilerplate=True)
    assert "Telegram" not in stripped and "The café reopened" in stripped
    assert fix_text(stripped, strip_boilerplate=True) == stripped
    assert build_parser().parse_args(["fix", "x.txt", "--strip-boilerplate"]).strip_boilerplate is True


def test_cli_prints_a_unified_diff_and_changes_nothing(tmp_path, capsys) -> None:
    path = tmp_path / "article.txt"
    original = "Headline\nPlaza del Maid谩n en Kiev\nclean line\n"
    path.write_text(original, encoding="utf-8")
    assert main(["fix", str(path)]) == 1  # a diff to apply fails the check, as ruff --diff
    out, err = capsys.readouterr()
    assert f"--- {path}" in out and f"+++ {path}" in out
    assert "-Plaza del Maid谩n en Kiev\n+Plaza del Maidán en Kiev\n" in out
    assert " clean line" in out
    assert "would fix 1 of 1 files" in err
    assert path.read_text(encoding="utf-8") == original


@pytest.mark.parametrize(
    ("text", "flags", "exit_code"),
    [
        ("The café reopened.\n", [], 0),  # nothing to repair
        ("The cafÃ© reopened.\n", [], 1),  # a diff to apply: a pre-commit check fails, as ruff --diff
        ("The cafÃ© reopened.\n", ["--write"], 0),  # repaired: nothing left to fail
    ],
    ids=["clean", "diff", "write"],
)
def test_fix_exit_code_says_whether_a_repair_is_pending(tmp_path, text: str, flags: list[str], exit_code: int) -> None:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["fix", str(path), *flags]) == exit_code


def test_cli_write_keeps_bom_and_line_endings(tmp_path, capsys) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(codecs.BOM_UTF8 + "The cafÃ© reopened.\r\nSecond line\r\n".encode("utf-8"))
    assert main(["fix", str(path), "--write"]) == 0
    assert path.read_bytes() == codecs.BOM_UTF8 + "The café reopened.\r\nSecond line\r\n".encode("utf-8")
    assert main(["fix", str(path)]) == 0
    assert capsys.readouterr().out == ""  # nothing left to fix


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8], ids=["no-bom", "bom"])
def test_a_file_starting_with_a_byte_order_mark_read_as_text_is_fixed(tmp_path, capsys, bom: bytes) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(bom + "ï»¿The cafÃ© reopened.\n".encode("utf-8"))
    assert main(["fix", str(path), "--write"]) == 0
    assert "fixed 1 of 1 files, errors 0" in capsys.readouterr().err
    assert path.read_bytes() == bom + "The café reopened.\n".encode("utf-8")


def test_cli_utf16_files_are_written_back_as_utf16(tmp_path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "Bogot谩 today\n".encode("utf-16-le"))
    assert main(["fix", str(path), "--write"]) == 0
    assert path.read_bytes() == codecs.BOM_UTF16_LE + "Bogotá today\n".encode("utf-16-le")


def test_cli_walks_folders_and_reports_unreadable_files(tmp_path, capsys) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("The cafÃ©", encoding="utf-8")
    (tmp_path / "b.txt").write_text("clean", encoding="utf-8")
    (tmp_path / "ignored.csv").write_text("cafÃ©", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    assert main(["fix", str(tmp_path)]) == 2  # the readable files are still fixed; see test_fix_hostile_input.py
    out, err = capsys.readouterr()
    assert "sub/a.md" in out and "ignored.csv" not in out
    assert "latin1.txt: cannot read: not valid UTF-8" in err
    assert "would fix 1 of 2 files, errors 1" in err
    assert main(["fix", str(tmp_path / "missing.txt")]) == 2


def test_fix_file_reports_without_writing(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("no newline at end: cafÃ©", encoding="utf-8")
    result = fix_file(path)
    assert result.changed and result.fixed == "no newline at end: café"
    assert "\\ No newline at end of file" in result.diff()
    assert path.read_text(encoding="utf-8") == "no newline at end: cafÃ©"


def test_repairs_take_the_detectors_options_from_the_configuration(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A repair is made where `quality score` reports the damage, under the same settings:
    a mojibake threshold set too high for this damage means no finding and no repair."""
    from quality.config import parse_config

    strict = parse_config({"detectors": {"mojibake": {"min_gain": 1000.0}}})
    assert fix_text("The cafÃ© reopened.") == "The café reopened."
    assert fix_text("The cafÃ© reopened.", config=strict) == "The cafÃ© reopened."
    config = tmp_path / "quality.toml"
    config.write_text("[detectors.mojibake]\nmin_gain = 1000.0\n", encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("The cafÃ© reopened.\n", encoding="utf-8")
    assert main(["fix", str(draft), "--config", str(config)]) == 0, "nothing to repair under these settings"
    assert main(["lint", str(draft), "--fix", "--config", str(config), "--select", "MOJ"]) == 0
    assert draft.read_text(encoding="utf-8") == "The cafÃ© reopened.\n"
    assert main(["fix", str(draft)]) == 1, "under the defaults, the same file has a repair to make"
    config.write_text("[detectors.mojibake]\nmin_gian = 1.0\n", encoding="utf-8")
    assert main(["fix", str(draft), "--config", str(config)]) == 2
    assert "min_gian" in capsys.readouterr().err
