"""The registry of rule packs, one module per jurisdiction, imported on first use."""

from __future__ import annotations

import importlib

from foi.law.errors import UnknownLaw
from foi.law.rules import RulePack

#: Pack code -> module under foi.law.packs.
_MODULES = {"az": "az", "uk": "uk", "us": "us", "de": "de", "in": "in_"}


def pack_codes() -> tuple[str, ...]:
    """Return the codes of every available law."""
    return tuple(_MODULES)


def get_pack(code: str) -> RulePack:
    """Return the rule pack of a law by its code, or raise UnknownLaw (a LookupError)."""
    module = _MODULES.get(str(code).strip().lower())
    if module is None:
        raise UnknownLaw(
            f"No law {code!r}; known laws: {', '.join(_MODULES)}.",
            params={"law": code, "known": tuple(_MODULES)},
        )
    pack: RulePack = importlib.import_module(f"foi.law.packs.{module}").PACK
    return pack


def available_packs() -> list[RulePack]:
    """Return every rule pack, in a stable order."""
    return [get_pack(code) for code in _MODULES]
