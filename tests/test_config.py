"""Configuration from pyproject.toml or quality.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from quality import Article, analyze
from quality.config import ConfigError, load_config
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
