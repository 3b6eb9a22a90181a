"""How a compiled regex's cost grows on adversarial input; used by tests/test_resources.py.

Catastrophic backtracking needs a long run of something the pattern can match, often followed by
something that makes the match fail. So the inputs are built from the pattern itself: its literal
characters and literal words, one representative of each character class it uses, pairs of
those, each repeated to a length and ended by a "breaker" character. Every input is timed with
``finditer`` run to the end (what detectors do), as CPU time of this process.

The survey runs in a child process (see :func:`serve`) so that the test can stop a pattern that
never finishes; a growth check at tiny sizes catches exponential patterns before that.
"""

from __future__ import annotations

import itertools
import math
import re
import time
from re import _constants as C  # the parser's opcodes (sre_constants before 3.11)
from re import _parser as sre_parse
from typing import Any

# One character for each class a pattern may use; and characters commonly found in text.
CATEGORY_SAMPLES = {
    C.CATEGORY_DIGIT: "0", C.CATEGORY_NOT_DIGIT: "a", C.CATEGORY_SPACE: " ", C.CATEGORY_NOT_SPACE: "a",
    C.CATEGORY_WORD: "a", C.CATEGORY_NOT_WORD: "!", C.CATEGORY_LINEBREAK: "\n", C.CATEGORY_NOT_LINEBREAK: "a",
}  # fmt: skip
COMMON = ["a", "A", " ", "\n", "0", ".", ",", "'", "@", "中", "é", "-", "_"]
BREAKERS = ["", "!", "\n", "\x00"]

SCREEN = 12  # every family is timed at this length: 2^n patterns already stand out
TINY = (16, 22)  # exponential check: 2^n patterns grow 64x between these, quadratic 2x
MEDIUM = 300  # the most expensive families at SCREEN are timed again here
SMALL, LARGE = 500, 5_000  # polynomial check: linear grows 10x, quadratic 100x
LARGER = 50_000  # ... and LARGE→LARGER where SMALL→LARGE grew more than CONFIRM_ABOVE times
CONFIRM_ABOVE = 15


def _walk(tree: Any, chars: set[str], words: set[str]) -> None:
    run: list[str] = []
    for op, arg in tree:
        if op is C.LITERAL:
            run.append(chr(arg))
            chars.add(chr(arg))
            continue
        if len(run) > 1:
            words.add("".join(run))
        run = []
        if op is C.NOT_LITERAL:
            chars.add(chr(arg + 1) if arg < 0x10FFFF else "a")
        elif op is C.IN:
            for item_op, item_arg in arg:
                if item_op is C.LITERAL:
                    chars.add(chr(item_arg))
                elif item_op is C.RANGE:
                    chars.update({chr(item_arg[0]), chr(item_arg[1])})
                elif item_op is C.CATEGORY:
                    chars.add(CATEGORY_SAMPLES.get(item_arg, "a"))
        elif op is C.BRANCH:
            for branch in arg[1]:
                _walk(branch, chars, words)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            _walk(arg[2], chars, words)
        elif op is C.SUBPATTERN:
            _walk(arg[-1], chars, words)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            _walk(arg[1], chars, words)
        elif op is C.ATOMIC_GROUP:
            _walk(arg, chars, words)
        elif op is C.GROUPREF_EXISTS:
            for part in arg[1:]:
                if part is not None:
                    _walk(part, chars, words)
    if len(run) > 1:
        words.add("".join(run))


def units(pattern: re.Pattern[str]) -> list[str]:
    """Strings whose repetition may make ``pattern`` backtrack."""
    chars: set[str] = set()
    words: set[str] = set()
    _walk(sre_parse.parse(pattern.pattern, pattern.flags), chars, words)
    own = sorted(chars)[:24]
    singles = sorted(set(own) | set(COMMON))
    pairs = [a + b for a, b in itertools.permutations(own[:8], 2)]
    return singles + sorted(words) + pairs


def make(unit: str, breaker: str, length: int) -> str:
    return unit * max(1, length // len(unit)) + breaker


def cost(pattern: re.Pattern[str], text: str, budget: float = 0.002, mode: str = "finditer", min_runs: int = 3) -> float:
    """Best CPU seconds for one pass (``finditer`` to the end, or one ``match`` at the start, as
    the code uses the pattern), repeated until ``budget`` is spent; once when one pass is slow."""
    best, spent, runs = math.inf, 0.0, 0
    while runs < min_runs or (spent < budget and runs < 500):
        start = time.process_time()
        if mode == "match":
            pattern.match(text)
        else:
            for _ in pattern.finditer(text):
                pass
        elapsed = time.process_time() - start
        best, spent, runs = min(best, elapsed), spent + elapsed, runs + 1
        if elapsed > 0.02:
            break  # noise is small next to a pass this long
    return best


def survey(pattern: re.Pattern[str], mode: str = "finditer", bounded: bool = False, keep: int = 2, shortlist: int = 20) -> dict[str, Any]:
    """The worst inputs found for ``pattern`` and how their cost grows.

    Every family is timed at SCREEN characters; the ``shortlist`` most expensive get the
    exponential check at TINY sizes and, unless that already failed (larger sizes would never
    finish) or the code never gives the pattern long input (``bounded``), are timed at MEDIUM;
    the ``keep`` most expensive there get the SMALL→LARGE check.
    """
    families = [(u, b) for u in units(pattern) for b in BREAKERS]
    # one run each: screening only ranks the families, the checks below measure properly
    by_cost = sorted(families, key=lambda f: cost(pattern, make(*f, SCREEN), 0.0, mode, min_runs=1), reverse=True)[:shortlist]
    tiny = []
    report: dict[str, Any] = {"families": len(families), "tiny": tiny, "growth": []}
    for unit, breaker in by_cost:
        low, high = cost(pattern, make(unit, breaker, TINY[0]), mode=mode), cost(pattern, make(unit, breaker, TINY[1]), mode=mode)
        tiny.append({"unit": unit, "breaker": breaker, "low": low, "high": high})
        if exponential(tiny[-1]):
            return report  # larger sizes would never finish
    if bounded:
        return report
    worst = sorted(by_cost, key=lambda f: cost(pattern, make(*f, MEDIUM), 0.0005, mode), reverse=True)[:keep]
    for unit, breaker in worst:
        small, large = cost(pattern, make(unit, breaker, SMALL), mode=mode), cost(pattern, make(unit, breaker, LARGE), mode=mode)
        if large > CONFIRM_ABOVE * small:
            # Tens of microseconds at SMALL are within a shared machine's jitter: a growth that
            # looks superlinear is measured again one step up, where a quadratic pattern still
            # grows 100x and a linear one 10x whatever the noise was.
            small, large = large, cost(pattern, make(unit, breaker, LARGER), mode=mode)
        report["growth"].append({"unit": unit, "breaker": breaker, "small": small, "large": large})
    return report


def exponential(tiny: dict[str, Any]) -> bool:
    """Cost multiplied by more than 6 over six more characters, and measurable (over 20 µs):
    exponential growth (2^n gives 64x); polynomial patterns give 2x at most here."""
    return tiny["high"] > 20e-6 and tiny["high"] / max(tiny["low"], 1e-9) > 6


def serve(connection: Any, patterns: list[tuple[str, re.Pattern[str], str, bool]]) -> None:
    """Child process: announce each pattern, then send its survey, so the parent knows which
    pattern is running if it has to stop the child."""
    for name, pattern, mode, bounded in patterns:
        connection.send(("start", name, None))
        connection.send(("done", name, survey(pattern, mode, bounded)))
    connection.close()
