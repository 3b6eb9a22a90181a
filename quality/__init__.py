"""quality: how trustworthy is the text of these news articles?

Public API::

    import quality
    scores = quality.score_frame(df, text="text", source="source")   # one row per input row
    report = quality.source_report(scores)                           # one row per source
    findings = quality.findings_frame(df)                            # one row per finding
    df.quality.score()                                               # the same, as an accessor
    clean = quality.strip_boilerplate(text)                          # the article without page furniture
    sentences = quality.attribution_frame(df["text"])                # one row per sentence: who says so
    fixed = quality.fix_text("The cafÃ© reopened")                  # verified repairs only
"""

from quality.config import Config, load_config
from quality.detectors.attribution import attribution_frame
from quality.detectors.boilerplate import strip_boilerplate, strip_findings
from quality.fix import fix_text
from quality.frame import findings_frame, rules_frame, score_frame
from quality.load import load_paths
from quality.model import Article, ArticleResult, DetectorResult, Finding, Severity
from quality.pipeline import analyze
from quality.rules import RULES
from quality.scoring import source_report

__all__ = [
    "RULES",
    "Article",
    "ArticleResult",
    "Config",
    "DetectorResult",
    "Finding",
    "Severity",
    "analyze",
    "attribution_frame",
    "findings_frame",
    "fix_text",
    "load_config",
    "load_paths",
    "rules_frame",
    "score_frame",
    "source_report",
    "strip_boilerplate",
    "strip_findings",
]
