"""Names in articles linked to investors, zones and origin economies."""

import pytest

from japandesk.intel.linking import FoldedText, without


def links(article):
    return [
        (m.kind, m.text, m.investor_id, m.zone_id, getattr(m.country, "code", None)) for m in article.mentions.all()
    ]


def test_folded_text_keeps_offsets():
    text = "Ｔｏｙｏ ＨＥＡＶＹ in Đông Mai"
    folded = FoldedText(text)
    assert [text[s:e] for s, e in folded.find_all("toyo heavy")] == ["Ｔｏｙｏ ＨＥＡＶＹ"]
    assert [text[s:e] for s, e in folded.find_all("dong mai")] == ["Đông Mai"]
    assert list(folded.find_all("ong")) == []


def test_legal_forms_and_zone_kinds_are_dropped():
    assert without("toyo heavy industries co., ltd.", ("co., ltd.",)) == "toyo heavy industries"
    assert without("東洋重工株式会社", ("株式会社",)) == "東洋重工"
    assert without("kcn dong mai", ("kcn",)) == "dong mai"


def test_investors_are_linked_in_any_script(japanese_projects, ingest):
    investor = japanese_projects["toyo_investor"]
    article = ingest(
        "TOYO HEAVY INDUSTRIES will expand; 東洋重工 said the plant in Dong Mai opens in 2026.", language="en"
    )
    linked = [(kind, text, inv) for kind, text, inv, _z, _c in links(article) if kind == "investor"]
    assert linked == [("investor", "TOYO HEAVY INDUSTRIES", investor.pk), ("investor", "東洋重工", investor.pk)]
    zone = [(kind, text, z) for kind, text, _i, z, _c in links(article) if kind == "zone"]
    assert zone == [("zone", "Dong Mai", japanese_projects["sample"].zone_id)]


def test_zones_are_linked_by_name_without_diacritics_and_by_gazetteer(zones, ingest):
    article = ingest("Nhà đầu tư vào KCN Dong Mai và Khu kinh tế Vân Đồn; die Wirtschaftszone Van Don wächst.")
    found = [(text, z) for kind, text, _i, z, _c in links(article) if kind == "zone"]
    assert found == [
        ("KCN Dong Mai", zones["dong_mai"].pk),
        ("Khu kinh tế Vân Đồn", zones["van_don"].pk),
        ("Wirtschaftszone Van Don", zones["van_don"].pk),
    ]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("16 Projekte von japanischen Investoren", "japanischen"),
        ("có 5 dự án của Nhật Bản", "Nhật Bản"),
        ("日系企業が12件の投資", "日系"),
        ("12 Japanese investment projects", "Japanese"),
    ],
)
def test_origin_adjectives_are_found(countries, ingest, text, word):
    article = ingest(text)
    assert [(t, c) for kind, t, _i, _z, c in links(article) if kind == "origin"] == [(word, "JP")]


def test_the_host_country_and_words_inside_names_are_no_origin(countries, ingest):
    article = ingest("Vietnam and the Japan External Trade Organization (JETRO) met in Ha Long; Japanese firms came.")
    kinds = [(kind, text, c) for kind, text, _i, _z, c in links(article)]
    assert ("origin", "Vietnam", "VN") not in kinds
    assert [k for k in kinds if k[0] == "origin"] == [("origin", "Japanese", "JP")]
    assert ("organisation", "Japan External Trade Organization", None) in kinds


def test_crm_organisations_are_linked_with_their_investor(officer, japanese_projects, ingest):
    from japandesk.crm import services as crm

    investor = japanese_projects["toyo_investor"]
    organisation = crm.create_organisation(officer, name="Kansai Robotics Co., Ltd.", investor=investor)
    article = ingest("Kansai Robotics will open an office in Ha Long next year.", language="en")
    mention = article.mentions.get(kind="organisation")
    assert (mention.text, mention.organisation, mention.investor) == ("Kansai Robotics", organisation, investor)
