"""The matching engine: glossary concepts, certifications, lexical and embedding similarity, and a scalable index.

``Matcher(suppliers).match(need, top=10)`` ranks supplier profiles for a buyer's need. Profiles and needs are
plain mappings in the exchange format (docs: shared formats, ``matching.md``); nothing here touches the database,
so the same engine serves the command line, the screens and the API.
"""

from .index import Match, Matcher

__all__ = ["Match", "Matcher"]
