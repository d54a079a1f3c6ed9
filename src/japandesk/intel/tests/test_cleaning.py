from japandesk.intel.extraction import clean_text, html_to_text, read_article


def test_html_to_text_drops_scripts_styles_navigation_and_the_head():
    # given a page with navigation, a script, a style and a head
    markup = (
        "<!DOCTYPE html><html><head><title>Ignored</title><style>p{color:red}</style></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/news'>News</a></nav><script>var n = '12 dự án';</script>"
        "<article><h1>Quảng Ninh thu hút  45 triệu USD</h1><p>Tỉnh có <b>5 dự án</b> với&nbsp;vốn"
        "<br>đạt 45 triệu USD &amp; hơn.</p></article></body></html>"
    )
    # when cleaned
    text = html_to_text(markup)
    # then only the article remains, blocks on their own lines, entities decoded, no-break space kept
    assert text == "Quảng Ninh thu hút 45 triệu USD\n\nTỉnh có 5 dự án với\u00a0vốn\nđạt 45 triệu USD & hơn."


def test_clean_text_normalises_whitespace_only():
    # given Windows line endings, tabs, runs of spaces and of blank lines, trailing spaces
    text = "Title \r\n\r\n\r\n\r\nOne\t two  three \n\n\n\nfour\u00a0000 \u3000end\t\t"
    # when cleaned / then
    assert clean_text(text) == "Title\n\nOne two three\n\nfour\u00a0000 \u3000end"


def test_read_article_reads_text_markdown_and_html_files(tmp_path):
    # given the same article as .txt (with a byte-order mark), .md and .html
    (tmp_path / "a.txt").write_bytes("\ufeff12 dự án\n".encode())
    (tmp_path / "a.md").write_text("# Tin\n\n12 dự án\n", encoding="utf-8")
    (tmp_path / "a.html").write_text("<html><body><p>12 dự án</p></body></html>", encoding="utf-8")
    # when read / then
    assert read_article(tmp_path / "a.txt") == "12 dự án"
    assert read_article(tmp_path / "a.md") == "# Tin\n\n12 dự án"
    assert read_article(tmp_path / "a.html") == "12 dự án"
