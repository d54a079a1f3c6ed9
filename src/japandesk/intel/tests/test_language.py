import pytest

from japandesk.intel.extraction import language
from japandesk.intel.extraction.language import detect_language, script_language

SAMPLES = {
    "vi": "Tính đến năm 2016, Nhật Bản có 3.292 dự án với tổng số vốn đăng ký lên tới 42 tỷ USD tại Việt Nam.",
    "en": "Quang Ninh province has attracted 172 foreign direct investment projects from 20 countries and territories.",
    "de": "Von insgesamt 228 aktiven ausländischen Direktinvestitionsprojekten stammen nur 16 Projekte aus Japan.",
    "fr": "Le groupe énergétique a présenté un projet d'hydrogène vert dans la province, avec des emplois à la clé.",
    "id": "Kawasan industri tersebut telah menarik 18 perusahaan dengan nilai investasi sekitar dua miliar dolar.",
    "ja": "クアンニン省は北海道およびジェトロと共同で投資促進会議を開いた。",
    "zh": "中国纺织企业将在巴基斯坦拉沙卡伊特区投资，项目分两期实施。",
    "ko": "베트남 북부 박닌성 인민위원회는 한원전자 베트남법인에 투자 조정 증명서를 발급했다.",
    "th": "สำนักงานคณะกรรมการส่งเสริมการลงทุนเปิดเผยยอดขอรับการส่งเสริมการลงทุน",
    "ur": "چین کے ایک ٹیکسٹائل گروپ نے اقتصادی زون میں سرمایہ کاری کے معاہدے پر دستخط کر دیے ہیں۔",
}


@pytest.mark.parametrize(("expected", "text"), SAMPLES.items(), ids=list(SAMPLES))
def test_detects_each_language_offline_with_the_bundled_model(no_network, expected, text):
    # given the model is loaded afresh while the network is blocked
    language._detector.cache_clear()
    # when detecting / then the language, and the bundled lite model was what answered
    assert detect_language(text) == expected
    assert language._detector() is not None


def test_the_detector_reads_the_model_file_shipped_inside_the_package(no_network):
    language._detector.cache_clear()
    detector = language._detector()
    # then it is configured for the lite model only (the full one would be downloaded)
    assert detector.config.model == "lite"
    assert detector._models.keys() == {"low_memory"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("北海道の知事が出席した", "ja"),
        ("海防市经济区管理委员会", "zh"),
        ("투자 조정 증명서", "ko"),
        ("โครงการลงทุน", "th"),
        ("سرمایہ کاری میں اضافہ ہوا", "ur"),
        ("الاستثمار الأجنبي المباشر", "ar"),
        ("The province and the investors", None),
    ],
)
def test_script_rules(text, expected):
    assert script_language(text) == expected


def test_without_the_model_the_rules_still_answer(monkeypatch):
    # given the model cannot be had
    monkeypatch.setattr(language, "_detector", lambda: None)
    # when detecting / then scripts and function words decide
    assert detect_language(SAMPLES["vi"]) == "vi"
    assert detect_language(SAMPLES["de"]) == "de"
    assert detect_language(SAMPLES["ja"]) == "ja"
    assert detect_language(SAMPLES["ur"]) == "ur"
    assert detect_language("") == "en"
