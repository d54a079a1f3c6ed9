from japandesk.intel.evaluation import EVALUATION_DIR, load_cases
from japandesk.intel.extraction import analyse, read_article
from japandesk.intel.extraction.clustering import cluster, signals


def stories(*names: str) -> list[list[str]]:
    documents = []
    for name in names:
        text = read_article(EVALUATION_DIR / name)
        article = analyse(text)
        documents.append(signals(article.facts, article.entities, text))
    return [[names[i] for i in group] for group in cluster(documents)]


def test_the_2023_conference_told_in_japanese_and_vietnamese_goes_with_the_english_article():
    assert stories("ja-conference-2023.txt", "en-conference-2023.txt", "vi-conference-2023.txt") == [
        ["ja-conference-2023.txt", "en-conference-2023.txt", "vi-conference-2023.txt"]
    ]


def test_the_three_press_articles_with_their_other_versions_make_three_stories():
    # given the German, English and Vietnamese press articles and our versions of the same stories
    names = (
        "en-conference-2023.txt",
        "de-quang-ninh-fdi-2025.txt",
        "vi-japan-desk-2017.txt",
        "vi-conference-2023.txt",
        "en-quang-ninh-fdi-2025.txt",
        "ja-conference-2023.txt",
        "en-japan-desk-2017.txt",
    )
    # when clustered / then one group per story, each article in exactly one
    assert stories(*names) == [
        ["en-conference-2023.txt", "vi-conference-2023.txt", "ja-conference-2023.txt"],
        ["de-quang-ninh-fdi-2025.txt", "en-quang-ninh-fdi-2025.txt"],
        ["vi-japan-desk-2017.txt", "en-japan-desk-2017.txt"],
    ]


def test_two_stories_about_the_same_province_and_partner_stay_apart():
    # both name Quang Ninh, Japan, JETRO and Hokkaido, but their figures differ
    assert stories("en-conference-2023.txt", "de-quang-ninh-fdi-2025.txt") == [
        ["en-conference-2023.txt"],
        ["de-quang-ninh-fdi-2025.txt"],
    ]


def test_the_whole_evaluation_set_clusters_by_story():
    # given every article of the evaluation set (10 languages, several stories told in two or three)
    cases = load_cases()
    documents = []
    for case in cases:
        article = analyse(case.text, case.language)
        documents.append(signals(article.facts, article.entities, case.text))
    # when clustered
    groups = cluster(documents)
    # then the groups are exactly the stories
    expected = {}
    for index, case in enumerate(cases):
        expected.setdefault(case.story, []).append(index)
    assert sorted(groups) == sorted(expected.values())
    assert sorted(i for group in groups for i in group) == list(range(len(cases)))


def test_a_single_article_and_no_signal_at_all():
    assert cluster([{"m:USD:1E+9"}]) == [[0]]
    assert cluster([set(), set()]) == [[0], [1]]
