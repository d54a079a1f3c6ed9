from japandesk.intel.extraction import find_entities


def ids(text: str) -> list[str]:
    return [entity.id for entity in find_entities(text)]


def test_the_same_zone_is_found_in_every_language():
    assert ids("a project in the Van Don Economic Zone") == ["zone:van-don-ez"]
    assert ids("dự án tại Khu kinh tế Vân Đồn") == ["zone:van-don-ez"]
    assert ids("ein Projekt in der Wirtschaftszone Van Don") == ["zone:van-don-ez"]
    assert ids("ヴァンドン経済区に立地する") == ["zone:van-don-ez"]


def test_spans_point_into_the_text_and_prefer_the_longest_name():
    text = "Tổ chức Xúc tiến thương mại Nhật Bản (JETRO) và tỉnh Hokkaido, Quảng Ninh"
    entities = find_entities(text)
    assert [(e.id, e.text) for e in entities] == [
        ("org:jetro", "Tổ chức Xúc tiến thương mại Nhật Bản"),
        ("org:jetro", "JETRO"),
        ("place:hokkaido", "Hokkaido"),
        ("place:quang-ninh", "Quảng Ninh"),
    ]
    assert all(text[e.start : e.end] == e.text for e in entities)


def test_names_match_whole_words_and_whole_katakana_words():
    # "Seiko" inside another word, "タイ" inside タイトル are not the names
    assert ids("Seikostar Ltd. and the タイトル page") == []
    assert ids("タイに新工場") == ["place:thailand"]
    assert ids("ジェトロ（日本貿易振興機構）と北海道") == ["org:jetro", "org:jetro", "place:hokkaido"]


def test_dashes_and_spaces_between_words_do_not_matter():
    assert ids("Bà Rịa – Vũng Tàu và Ba Ria-Vung Tau") == ["place:ba-ria-vung-tau", "place:ba-ria-vung-tau"]
