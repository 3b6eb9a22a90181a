"""Task functions for the process-pool tests; they live in a module so spawned workers can import them."""

from __future__ import annotations

import os


def shout_or_die(chunk: list[str]) -> list[str]:
    """Upper-case each item; an item "die" kills its worker process outright, as the kernel's
    out-of-memory killer would (no exception, no clean-up)."""
    if "die" in chunk:
        os._exit(1)
    return [item.upper() for item in chunk]
