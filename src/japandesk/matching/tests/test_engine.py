from japandesk.matching.engine import Matcher
from japandesk.matching.engine.glossary import glossary

SUPPLIERS = [
    {
        "id": "vi-press",
        "language": "vi",
        "description": "Gia công CNC chính xác, dập kim loại tấm, sơn tĩnh điện cho linh kiện ô tô và xe máy.",
        "certifications": ["ISO 9001:2015", "IATF 16949"],
        "hs_codes": ["8708.29"],
    },
    {
        "id": "vi-press-no-iatf",
        "language": "vi",
        "description": "Dập kim loại tấm và sơn tĩnh điện giá đỡ cho ô tô.",
        "certifications": ["ISO9001"],
    },
    {"id": "vi-sewing", "language": "vi", "description": "May mặc quần áo đồng phục xuất khẩu."},
    {"id": "vi-plastic", "language": "vi", "description": "Ép phun nhựa ABS cho linh kiện điện tử."},
    {"id": "ja-plastic", "language": "ja", "description": "射出成形による樹脂部品の量産。"},
    {
        "id": "ja-press",
        "language": "ja",
        "description": "順送プレスと粉体塗装、自動車用ブラケット。",
        "certifications": ["ＩＳＯ９００１"],
    },
    {"id": "en-furniture", "language": "en", "description": "Solid wood furniture: tables and chairs."},
]


def ids(matches):
    return [m.supplier for m in matches]


def test_glossary_reads_concepts_across_scripts_and_without_diacritics():
    g = glossary()
    assert set(g.concepts_in("自動車用ブラケットのプレス加工と粉体塗装")) == {
        "automotive",
        "bracket",
        "press",
        "powder_coating",
    }
    assert set(g.concepts_in("dập kim loại, sơn tĩnh điện")) == {"press", "powder_coating"}
    assert set(g.concepts_in("dap kim loai, son tinh dien")) == {"press", "powder_coating"}
    # "Hàn Quốc" is Korea and "máy" a machine: neither welding nor sewing.
    assert g.concepts_in("Khách hàng Hàn Quốc, máy móc hiện đại") == {}


def test_japanese_need_finds_vietnamese_suppliers():
    # Given Vietnamese profiles only
    matcher = Matcher([s for s in SUPPLIERS if s["language"] == "vi"])
    # When a Japanese buyer asks for pressed and powder-coated automotive brackets
    matches = matcher.match({"id": "n1", "language": "ja", "description": "自動車用ブラケットのプレス加工と粉体塗装。"})
    # Then the two press shops come first, with reasons in English and Vietnamese
    assert ids(matches) == ["vi-press-no-iatf", "vi-press"]
    assert "press working / dập kim loại" in matches[0].reasons
    assert "powder coating / sơn tĩnh điện" in matches[0].reasons
    assert all(0 <= m.score <= 1 for m in matches)


def test_vietnamese_need_finds_japanese_suppliers():
    matcher = Matcher([s for s in SUPPLIERS if s["language"] == "ja"])
    matches = matcher.match({"id": "n2", "language": "vi", "description": "Cần đối tác ép nhựa linh kiện."})
    assert ids(matches)[0] == "ja-plastic"
    assert matches[0].reasons[0] == "injection moulding / 射出成形"


def test_supplier_lacking_a_required_certification_is_never_proposed():
    # Given the best press shop lacks IATF 16949 and another holds it
    matcher = Matcher(SUPPLIERS)
    need = {
        "id": "n3",
        "language": "ja",
        "description": "自動車用ブラケットのプレス加工と粉体塗装。",
        "required_certifications": ["IATF16949:2016"],
    }
    # When the need requires it, written in another way
    matches = matcher.match(need, top=10)
    # Then only the holder is proposed, and the reason says so
    assert ids(matches) == ["vi-press"]
    assert "holds IATF 16949" in matches[0].reasons


def test_required_certification_that_no_supplier_holds_gives_no_match():
    matcher = Matcher(SUPPLIERS)
    need = {"id": "n4", "description": "射出成形", "required_certifications": ["ISO 13485"]}
    assert matcher.match(need) == []


def test_hs_code_agreement_is_a_reason():
    matcher = Matcher(SUPPLIERS)
    matches = matcher.match({"id": "n5", "language": "en", "description": "Stamped parts", "hs_codes": ["8708.29"]})
    assert matches[0].supplier == "vi-press"
    assert "HS 8708 (parts of motor vehicles)" in matches[0].reasons


def test_language_is_detected_when_missing():
    matcher = Matcher(SUPPLIERS)
    prepared = matcher.prepare({"id": "n6", "description": "Cần nhà cung cấp dập kim loại và sơn tĩnh điện."})
    assert prepared.language == "vi"


def test_lexical_only_mode_does_not_cross_scripts():
    matcher = Matcher([s for s in SUPPLIERS if s["language"] == "vi"], mode="lexical")
    assert matcher.match({"id": "n7", "language": "ja", "description": "プレス加工と粉体塗装"}) == []


def test_matching_without_the_embedding_model_still_ranks(monkeypatch):
    # Given the embedding model cannot be loaded
    from japandesk.matching.engine import embeddings

    monkeypatch.setattr(embeddings, "embedder", lambda: None)
    # When embeddings are asked for
    matcher = Matcher([s for s in SUPPLIERS if s["language"] == "vi"], use_embeddings=True)
    # Then the engine ranks on the other signals
    matches = matcher.match({"id": "n8", "language": "ja", "description": "自動車用ブラケットのプレス加工と粉体塗装。"})
    assert matcher.vectors is None
    assert ids(matches) == ["vi-press-no-iatf", "vi-press"]
