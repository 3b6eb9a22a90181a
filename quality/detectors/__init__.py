"""All detectors, in the order their findings are listed. Importing a module registers its rules."""

from __future__ import annotations

from quality.detectors.base import Detector
from quality.detectors.input import InputDetector
from quality.detectors.language import LanguageDetector
from quality.detectors.readability import ReadabilityDetector
from quality.detectors.translation import TranslationDetector

DETECTOR_CLASSES: tuple[type[Detector], ...] = (
    InputDetector,
    TranslationDetector,
    LanguageDetector,
    ReadabilityDetector,
)

__all__ = ["DETECTOR_CLASSES", "Detector"]
