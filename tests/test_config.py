"""Configuration from pyproject.toml or quality.toml."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from quality import Article, analyze
from quality.config import Config, ConfigError, load_config
from quality.model import Severity

LONG = " ".join(["The ministry said the visit would go ahead"] * 9) + "."


def test_pyproject_table_is_found_from_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.quality]\nignore = ["RDB"]\n[tool.quality.weights]\nreadability = 0\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    config = load_config(start=tmp_path / "sub")
    assert config.ignore == ("RDB",) and config.weights["readability"] == 0.0


def test_quality_toml_wins_over_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.quality]\nignore = ["RDB"]\n', encoding="utf-8")
    (tmp_path / "quality.toml").write_text('ignore = ["LNG"]\n', encoding="utf-8")
    assert load_config(start=tmp_path).ignore == ("LNG",)


BAD = [
    ('colour = "red"\n', "unknown key"),
    ("[weights]\nfluffiness = 1\n", "unknown dimension"),
    ("[weights]\nreadability = -1\n", ">= 0"),
    ('[severity]\nRDB001 = "fatal"\n', "error, warning or info"),
    ("this is = not toml [", "cannot read"),
]


@pytest.mark.parametrize(("content", "message"), BAD)
def test_bad_configuration_is_refused_with_a_reason(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "quality.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(path)


def test_config_controls_rules_severity_and_detector_thresholds(tmp_path: Path) -> None:
    path = tmp_path / "quality.toml"
    path.write_text('[severity]\nRDB002 = "warning"\n[detectors.readability]\nmax_sentence_words = 100\n', encoding="utf-8")
    article = Article("a", "s", LONG)
    assert {f.rule for f in analyze([article])[0].findings} >= {"RDB002"}
    assert "RDB002" not in {f.rule for f in analyze([article], load_config(path))[0].findings}
    path.write_text('[severity]\nRDB002 = "warning"\n', encoding="utf-8")
    [finding] = [f for f in analyze([article], load_config(path))[0].findings if f.rule == "RDB002"]
    assert finding.severity is Severity.WARNING


def test_unknown_detector_option_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "quality.toml"
    path.write_text("[detectors.readability]\nmax_sentance_words = 100\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="readability"):
        analyze([Article("a", "s", "Text.")], load_config(path))


# Settings the CLI refuses before reading any article: (command, arguments, quality.toml, message).
REFUSED_UP_FRONT = [
    ("score", ["--format", "parquet"], None, "--format parquet needs --output FILE"),
    ("findings", ["--format", "parquet"], None, "--format parquet needs --output FILE"),
    ("score", [], "[detectors.readablity]\nmin_words = 3\n", "detectors.readablity: no such detector; did you mean 'readability'?"),
    ("findings", [], "[detectors.readability]\nmin_wrds = 3\n", "detectors.readability.min_wrds: no such option; did you mean 'min_words'?"),
    ("score", [], '[severity]\nMOJ01 = "info"\n', "severity.MOJ01: no such rule; did you mean 'MOJ001'?"),
    ("findings", [], '[severity]\nMOJ001 = "high"\n', "severity: 'high' is not a valid Severity; want error, warning or info"),
    ("score", ["--select", "MOJ01X"], None, "no rule matches 'MOJ01X'; did you mean 'MOJ001'?"),
]


@pytest.mark.parametrize(("command", "arguments", "toml", "message"), REFUSED_UP_FRONT, ids=[c[3][:40] for c in REFUSED_UP_FRONT])
def test_settings_are_refused_before_any_article_is_read(tmp_path: Path, capsys, monkeypatch, command: str, arguments: list[str], toml: str | None, message: str) -> None:
    import quality.cli

    config = []
    if toml is not None:
        (tmp_path / "quality.toml").write_text(toml, encoding="utf-8")
        config = ["--config", str(tmp_path / "quality.toml")]
    monkeypatch.setattr(quality.cli, "load_paths", lambda *a, **k: pytest.fail("articles were read before the settings were checked"))
    code = quality.cli.main([command, str(tmp_path), *config, *(a.format(tmp=tmp_path) for a in arguments)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("quality: " + message.format(tmp=tmp_path)), err


@pytest.mark.parametrize(("suffix", "first_bytes"), [(".csv", b"source,"), (".jsonl", b'{"source"'), (".parquet", b"PAR1"), (".md", b"| source")])
def test_the_output_suffix_chooses_the_format(tmp_path: Path, suffix: str, first_bytes: bytes) -> None:
    from quality.cli import main

    article = tmp_path / "corpus" / "a.txt"
    article.parent.mkdir()
    article.write_text(LONG, encoding="utf-8")
    report = tmp_path / f"report{suffix}"
    assert main(["score", str(article.parent), "-o", str(report)]) == 0
    assert report.read_bytes().startswith(first_bytes)


# ------------------------------------------------------------------------ quality config


def show_config(capsys, *arguments: str) -> tuple[int, str, str]:
    from quality.cli import main

    code = main(["config", *arguments])
    out, err = capsys.readouterr()
    return code, out, err


def test_quality_config_shows_every_value_and_where_it_came_from(tmp_path: Path, capsys) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(
        '[tool.quality]\nignore = ["RDB002"]\n[tool.quality.severity]\nBPL003 = "info"\n'
        '[tool.quality.detectors.readability]\nmax_sentence_words = 70\n[tool.quality.lint]\nfail_on = "warning"\n',
        encoding="utf-8",
    )
    code, out, _ = show_config(capsys, "--config", str(path))
    assert code == 0 and f"read from {path}" in out
    shown = tomllib.loads(out)["tool"]["quality"]
    assert shown["ignore"] == ["RDB002"] and shown["severity"] == {"BPL003": "info"} and "select" not in shown
    assert shown["detectors"]["readability"]["max_sentence_words"] == 70  # configured
    assert shown["detectors"]["readability"]["min_words"] == 30  # a default, shown too
    assert shown["lint"]["fail_on"] == "warning" and shown["lint"]["min_severity"] == "info"
    assert shown["weights"] == dict(Config().weights)


def test_the_printed_configuration_reads_back_as_itself(tmp_path: Path, capsys) -> None:
    """What `quality config` prints is a valid configuration that means the same."""
    (tmp_path / "quality.toml").write_text('select = ["MOJ", "TRN"]\nexpected_language = "fr"\n', encoding="utf-8")
    _, first, _ = show_config(capsys, "--config", str(tmp_path / "quality.toml"))
    again = tmp_path / "again" / "pyproject.toml"
    again.parent.mkdir()
    again.write_text(first, encoding="utf-8")
    _, second, _ = show_config(capsys, "--config", str(again))
    assert tomllib.loads(second) == tomllib.loads(first)
    assert tomllib.loads(first)["tool"]["quality"]["detectors"]["language"]["expected"] == "fr"


def test_quality_config_as_json_and_refusing_a_bad_file(tmp_path: Path, capsys) -> None:
    code, out, _ = show_config(capsys, "--config", str(tmp_path / "nosuch.toml"), "--format", "json")
    assert code == 2
    (tmp_path / "quality.toml").write_text("[detectors.readablity]\nmin_words = 3\n", encoding="utf-8")
    code, _, err = show_config(capsys, "--config", str(tmp_path / "quality.toml"))
    assert code == 2 and "did you mean 'readability'?" in err
    (tmp_path / "quality.toml").write_text("max_article_chars = 0\n", encoding="utf-8")
    code, out, _ = show_config(capsys, "--config", str(tmp_path / "quality.toml"), "--format", "json")
    assert code == 0 and json.loads(out)["tool"]["quality"]["max_article_chars"] == 0  # 0: no limit
