"""All detectors, in the order their findings are listed. Importing a module registers its rules."""

from __future__ import annotations

from quality.detectors.attribution import AttributionDetector
from quality.detectors.base import Detector
from quality.detectors.boilerplate import BoilerplateDetector
from quality.detectors.input import InputDetector
from quality.detectors.language import LanguageDetector
from quality.detectors.mojibake import MojibakeDetector
from quality.detectors.readability import ReadabilityDetector
from quality.detectors.stories import StoryDetector
from quality.detectors.translation import TranslationDetector

DETECTOR_CLASSES: tuple[type[Detector], ...] = (
    InputDetector,
    MojibakeDetector,
    TranslationDetector,
    BoilerplateDetector,
    AttributionDetector,
    StoryDetector,
    LanguageDetector,
    ReadabilityDetector,
)

__all__ = ["DETECTOR_CLASSES", "Detector"]
