"""An article's text cut into pieces, facts and linked names marked, for the templates."""


def segments(text: str, facts, mentions) -> list[dict]:
    """Pieces of `text` in order: plain ones, facts (which win over names), and names linked to a record."""
    marks = [(f.start, f.end, 0, "fact", f) for f in facts]
    marks += [(m.start, m.end, 1, "mention", m) for m in mentions if m.investor_id or m.zone_id]
    marks.sort(key=lambda mark: (mark[0], mark[2], -(mark[1] - mark[0])))
    pieces, position = [], 0
    for start, end, _rank, kind, obj in marks:
        if start < position or end > len(text):
            continue
        if start > position:
            pieces.append({"text": text[position:start]})
        pieces.append({"text": text[start:end], kind: obj})
        position = end
    if position < len(text):
        pieces.append({"text": text[position:]})
    return pieces
