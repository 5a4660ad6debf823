"""Paragraphs, sentences and syllables of Vietnamese office text (kit.text.segment)."""

from __future__ import annotations

import dataclasses

import pytest

from kit.text.segment import (
    ABBREVIATIONS,
    Document,
    Paragraph,
    Sentence,
    analyse,
    count_numbers,
    count_syllables,
    count_tokens,
    link_spans,
    longest_sentence,
    number_spans,
    split_paragraphs,
    split_sentences,
    syllable_spans,
    token_spans,
)


def sentences(text: str) -> list[str]:
    return [s.text for s in analyse(text).sentences]


def paragraphs(text: str) -> list[tuple[str, str | None, str]]:
    return [(p.kind, p.marker, p.text) for p in analyse(text).paragraphs]


def assert_offsets(doc: Document) -> None:
    for p in doc.paragraphs:
        assert doc.text[p.start:p.end] == p.text
        for s in p.sentences:
            assert doc.text[s.start:s.end] == s.text
            assert p.start <= s.start < s.end <= p.end


# --------------------------------------------------------------------------- syllables and tokens


class TestSyllables:
    def test_spaces_separate_syllables(self):
        # "giáo dục" is one word (từ) of two syllables (tiếng): we count syllables.
        assert count_syllables("Sở Giáo dục và Đào tạo") == 6

    def test_spans_are_offsets(self):
        text = "Bộ  GD&ĐT\tbáo cáo"
        spans = syllable_spans(text)
        assert [text[s:e] for s, e in spans] == ["Bộ", "GD", "ĐT", "báo", "cáo"]

    def test_numbers_are_one_token_and_not_syllables(self):
        text = "Có 21.340 học sinh, tăng 4,6%, kinh phí 1.250.000 đồng."
        assert [text[s:e] for s, e in number_spans(text)] == ["21.340", "4,6", "1.250.000"]
        assert count_syllables(text) == 7  # Có học sinh tăng kinh phí đồng
        assert count_numbers(text) == 3
        assert count_tokens(text) == 10

    def test_dates_times_and_mixed_tokens_are_numbers(self):
        text = "Sáng 3/6/2026 lúc 8h30, lớp 10A, ISO 9001:2015, ngày 01.3.2022"
        assert [text[s:e] for s, e in number_spans(text)] == ["3/6/2026", "8h30", "10A", "9001:2015", "01.3.2022"]
        assert [text[s:e] for s, e in syllable_spans(text)] == ["Sáng", "lúc", "lớp", "ISO", "ngày"]

    def test_hyphen_ampersand_apostrophe_and_dots_separate(self):
        assert _texts("Covid-19 GD&ĐT O'Neill TP.HCM v.v.") == [
            "Covid", "19", "GD", "ĐT", "O", "Neill", "TP", "HCM", "v", "v"
        ]
        assert count_numbers("Covid-19") == 1

    def test_acronym_is_one_syllable(self):
        assert count_syllables("UBND tỉnh") == 2

    def test_decomposed_marks_stay_inside_the_syllable(self):
        text = "Vie\u0323\u0302t Nam"  # NFD that slipped through
        assert count_syllables(text) == 2
        assert syllable_spans(text)[0] == (0, 6)

    def test_punctuation_only_and_empty(self):
        assert count_syllables("") == 0
        assert count_syllables("... !!! ### – ") == 0
        assert syllable_spans("") == []
        assert token_spans("  ") == []

    def test_count_equals_number_of_spans(self):
        text = open_seed_fragment()
        assert count_syllables(text) == len(syllable_spans(text))
        assert count_tokens(text) == len(token_spans(text))

    def test_not_a_string(self):
        assert count_syllables(None) == 0  # type: ignore[arg-type]
        assert syllable_spans(12) == []  # type: ignore[arg-type]


def _texts(text: str) -> list[str]:
    return [text[s:e] for s, e in token_spans(text)]


def open_seed_fragment() -> str:
    return (
        "Thực hiện Kế hoạch số 68/KH-BGDĐT ngày 24/01/2022 của Bộ GD&ĐT, Sở Giáo dục và Đào tạo "
        "(GDĐT) ban hành Kế hoạch truyền thông năm 2022, cụ thể như sau:"
    )


# --------------------------------------------------------------------------- sentences


class TestSentenceSplitting:
    def test_simple(self):
        assert sentences("Sở đã họp. Sau đó báo cáo! Vì sao? Vì cần.") == [
            "Sở đã họp.", "Sau đó báo cáo!", "Vì sao?", "Vì cần."
        ]

    @pytest.mark.parametrize(
        "text",
        [
            "Sáng 3/6/2026, Sở GD&ĐT tổ chức hội nghị tại hội trường.",
            "Hạn nộp là 14/10 và 01.3.2022 theo kế hoạch.",
            "Hội nghị bắt đầu lúc 8h30 và kết thúc lúc 16 giờ 00 cùng ngày.",
            "Có 21.340 học sinh, tăng 4,6% với kinh phí 1.250.000 đồng mỗi em.",
            "Thực hiện Kế hoạch số 68/KH-BGDĐT ngày 24/01/2022 của Bộ.",
            "Số: 182/KH-SGDĐT",
            "Nhiệm vụ 1; nhiệm vụ 2; nhiệm vụ 3.",
            "Áp dụng ISO 9001:2015 và phiên bản 4.0 của phần mềm.",
        ],
    )
    def test_numbers_dates_and_symbols_do_not_split(self, text):
        assert sentences(text) == [text]

    @pytest.mark.parametrize(
        "text",
        [
            "GS.TS. Nguyễn Văn A phát biểu khai mạc.",
            "PGS.TS. Trần Thị B trình bày tham luận.",
            "ThS. Lê Văn C và TS. Phạm D tham dự.",
            "Th.S Nguyễn Văn E và BS. Hoàng F đến dự.",
            "Hội nghị tại TP. Hồ Chí Minh và TP.HCM có đông đại biểu.",
            "Trường ở Q. Bình Thạnh, P. Bến Nghé, Q. 1 đều tham gia.",
            "Xem Tr. 15 của tài liệu.",
            "Ông Nguyễn V. A. cho biết sẽ làm rõ.",
            "Em Nguyễn Văn H. (15 tuổi) bị thương nhẹ.",
            "Các loại sách, v.v., đều được cấp.",
        ],
    )
    def test_abbreviations_and_initials_do_not_split(self, text):
        assert sentences(text) == [text]

    def test_initial_at_sentence_end_splits(self):
        assert sentences("Người phát ngôn là ông Nguyễn Văn A. Hôm nay Sở họp.") == [
            "Người phát ngôn là ông Nguyễn Văn A.", "Hôm nay Sở họp."
        ]

    def test_etc_then_capital_splits(self):
        assert sentences("Gồm sách, vở, v.v. Sở sẽ tổng hợp.") == ["Gồm sách, vở, v.v.", "Sở sẽ tổng hợp."]

    def test_abbreviations_are_documented(self):
        for abbr in ("tp", "gs", "pgs", "ts", "ths", "bs", "q", "p", "tr", "st"):
            assert abbr in ABBREVIATIONS

    @pytest.mark.parametrize("ellipsis", ["…", "..."])
    def test_ellipsis(self, ellipsis):
        assert sentences(f"Các cơ sở giáo dục{ellipsis} Các Sở đã thực hiện.") == [
            f"Các cơ sở giáo dục{ellipsis}", "Các Sở đã thực hiện."
        ]
        assert sentences(f"Chuẩn bị{ellipsis} các điều kiện cần thiết.") == [
            f"Chuẩn bị{ellipsis} các điều kiện cần thiết."
        ]

    @pytest.mark.parametrize(
        "quote",
        [
            "“Chúng tôi sẽ làm rõ.” – ông Nguyễn Văn A, Giám đốc Sở, cho biết.",
            '"Chúng tôi sẽ làm rõ." - ông Nguyễn Văn A, Giám đốc Sở, cho biết.',
            "«Chúng tôi sẽ làm rõ.» – ông Nguyễn Văn A, Giám đốc Sở, cho biết.",
            "“Vì sao chậm trễ?” – phụ huynh đặt câu hỏi.",
            "“Chúng tôi sẽ làm rõ!” ông A khẳng định.",
        ],
    )
    def test_quote_followed_by_speaker_is_one_sentence(self, quote):
        assert sentences(quote + " Sở sẽ thông tin sau.") == [quote, "Sở sẽ thông tin sau."]

    def test_quote_then_new_sentence(self):
        assert sentences("Ông nói: “Chúng tôi sẽ làm rõ.” Sở đã vào cuộc.") == [
            "Ông nói: “Chúng tôi sẽ làm rõ.”", "Sở đã vào cuộc."
        ]

    def test_emails_and_urls_never_split(self):
        text = (
            "Liên hệ vanphong@gddt.quangngai.gov.vn. Xem tại https://moet.gov.vn/tin-tuc. "
            "Hoặc www.x.vn. Cổng moet.gov.vn/Tin-Tuc cũng có."
        )
        assert sentences(text) == [
            "Liên hệ vanphong@gddt.quangngai.gov.vn.",
            "Xem tại https://moet.gov.vn/tin-tuc.",
            "Hoặc www.x.vn.",
            "Cổng moet.gov.vn/Tin-Tuc cũng có.",
        ]

    def test_section_numbers_at_sentence_start(self):
        assert sentences("Điều 7. Trách nhiệm của Sở là rất lớn, cần chú ý.") == [
            "Trách nhiệm của Sở là rất lớn, cần chú ý."
        ]
        assert sentences("Nội dung gồm: 1. Truyền thông; 2. Tuyên truyền.") == [
            "Nội dung gồm: 1. Truyền thông; 2. Tuyên truyền."
        ]
        assert sentences("Hoàn thành năm 2022. 2. Truyền thông về tuyển sinh.") == [
            "Hoàn thành năm 2022.", "2. Truyền thông về tuyển sinh."
        ]

    def test_number_at_sentence_end_splits(self):
        assert sentences("Kết quả thi năm 2022. Sở đã công bố.") == ["Kết quả thi năm 2022.", "Sở đã công bố."]
        assert sentences("Theo khóa XI. Sở đã triển khai.") == ["Theo khóa XI.", "Sở đã triển khai."]

    def test_glued_sentences_are_split(self):
        assert sentences("Báo cáo kịp thời.Sở GDĐT đã họp.") == ["Báo cáo kịp thời.", "Sở GDĐT đã họp."]
        assert sentences("Vì sao?Tôi không rõ.") == ["Vì sao?", "Tôi không rõ."]

    def test_lowercase_after_period_does_not_split(self):
        assert sentences("Đạt 80 điểm. trở lên là tốt.") == ["Đạt 80 điểm. trở lên là tốt."]

    def test_spaces_and_tabs(self):
        doc = analyse("Sở   GD&ĐT\t\tđã họp.   Sau đó  báo cáo.  ")
        assert [s.text for s in doc.sentences] == ["Sở   GD&ĐT\t\tđã họp.", "Sau đó  báo cáo."]
        assert_offsets(doc)

    def test_office_ending(self):
        assert sentences("Yêu cầu các đơn vị triển khai thực hiện./.") == [
            "Yêu cầu các đơn vị triển khai thực hiện./."
        ]

    def test_stray_punctuation_joins_a_sentence(self):
        doc = analyse("Xong. . Tiếp tục.")
        assert [s.text for s in doc.sentences] == ["Xong. .", "Tiếp tục."]
        assert [s.text for s in analyse("...").sentences] == ["..."]

    def test_sentence_fields(self):
        doc = analyse("Đây là câu một.\n\nCó 21.340 học sinh dự thi.")
        s = doc.sentences[1]
        assert (s.text, s.syllables, s.tokens, s.paragraph) == ("Có 21.340 học sinh dự thi.", 5, 6, 1)
        assert doc.syllables == 9 and doc.tokens == 10
        assert dataclasses.is_dataclass(s)
        with pytest.raises(dataclasses.FrozenInstanceError):
            s.start = 3  # type: ignore[misc]

    def test_split_sentences_helper(self):
        assert [s.text for s in split_sentences("A ơi. B à.")] == ["A ơi.", "B à."]


# --------------------------------------------------------------------------- paragraphs


class TestParagraphs:
    def test_single_newlines_separate_paragraphs(self):
        text = "Đẩy mạnh thông tin.\nNâng cao chất lượng.\n\n\nCó sự phối hợp."
        assert [p[2] for p in paragraphs(text)] == ["Đẩy mạnh thông tin.", "Nâng cao chất lượng.", "Có sự phối hợp."]

    def test_soft_wrapped_line_is_joined(self):
        text = "Trên đây là kế hoạch truyền thông, yêu cầu các đơn vị\ntriển khai thực hiện nghiêm túc."
        doc = analyse(text)
        assert len(doc.paragraphs) == 1
        assert doc.paragraphs[0].text == text
        assert [s.text for s in doc.sentences] == [text]

    def test_several_wrapped_lines(self):
        text = (
            "Thực hiện Kế hoạch số 68/KH-BGDĐT của Bộ giáo dục\nvà Đào tạo ban hành Kế hoạch truyền thông về\n"
            "giáo dục và đào tạo năm 2022, cụ thể như sau:\n1. Mục đích"
        )
        doc = analyse(text)
        assert [p.kind for p in doc.paragraphs] == ["body", "heading"]
        assert doc.paragraphs[0].text.count("\n") == 2

    @pytest.mark.parametrize(
        "text",
        [
            "Trên đây là kế hoạch truyền thông năm học mới.\ntriển khai thực hiện.",  # ends with a period
            "Trên đây là kế hoạch truyền thông năm học mới\n\ntriển khai thực hiện.",  # blank line
            "4803 img 6189\nông Trần Quang Nam phát biểu.",  # short line: a caption
            "Trên đây là kế hoạch truyền thông năm học mới\nTriển khai thực hiện.",  # capital
            "Trên đây là kế hoạch truyền thông năm học mới\na) triển khai thực hiện.",  # list marker
            "KẾ HOẠCH TRUYỀN THÔNG VỀ GIÁO DỤC VÀ ĐÀO TẠO\nnăm 2022 của Sở",  # heading above
        ],
    )
    def test_not_a_continuation(self, text):
        assert len(analyse(text).paragraphs) == 2

    @pytest.mark.parametrize(
        ("line", "kind", "marker"),
        [
            ("I. MỤC ĐÍCH, YÊU CẦU", "heading", "I."),
            ("KẾ HOẠCH", "heading", None),
            ("THÔNG CÁO BÁO CHÍ", "heading", None),
            ("UBND TỈNH QUẢNG NGÃI", "heading", None),
            ("1. Mục đích", "heading", "1."),
            ("2.1. Đối tượng truyền thông", "heading", "2.1."),
            ("II. Nội dung truyền thông", "heading", "II."),
            ("Điều 7. Trách nhiệm của Sở", "heading", "Điều 7."),
            ("1. Truyền thông về công tác tuyển sinh đầu cấp; chuẩn bị tốt cho kỳ thi.", "list_item", "1."),
            ("1) Tổ chức họp báo.", "list_item", "1)"),
            ("a) Nội dung thứ nhất", "list_item", "a)"),
            ("đ) Nội dung thứ sáu", "list_item", "đ)"),
            ("(1) Hội nghị", "list_item", "(1)"),
            ("- Bộ GDĐT;", "list_item", "-"),
            ("+ Lãnh đạo Sở;", "list_item", "+"),
            ("• Các phòng thuộc Sở", "list_item", "•"),
            ("– Lưu: VT, VP.", "list_item", "–"),
            ("A. MỤC TIÊU", "heading", "A."),
            ("B) Nội dung chính", "heading", "B)"),
            ("(a) Nội dung", "list_item", "(a)"),
            ("Truyền thông về Giáo dục và Đào tạo năm 2022", "body", None),
            ("Số: 182/KH-SGDĐT", "body", None),
            ("21.340 học sinh đã dự thi.", "body", None),
            ("-5°C là nhiệt độ thấp nhất.", "body", None),
            ("+84 912 345 678 là số máy.", "body", None),
            ("-", "body", None),
            ("Nơi nhận:", "body", None),
        ],
    )
    def test_kinds_and_markers(self, line, kind, marker):
        (p,) = analyse(line).paragraphs
        assert (p.kind, p.marker) == (kind, marker)
        assert p.text == line

    def test_marker_is_not_part_of_the_sentence(self):
        doc = analyse("a) Tổ chức họp báo định kỳ. Báo cáo kết quả.")
        p = doc.paragraphs[0]
        assert p.marker == "a)"
        assert [s.text for s in p.sentences] == ["Tổ chức họp báo định kỳ.", "Báo cáo kết quả."]
        assert p.sentences[0].syllables == 6  # "a" is not counted
        assert analyse("a) Tổ chức").syllables == 2

    def test_list_item_without_period_is_its_own_unit(self):
        text = "Nơi nhận:\n- Bộ GDĐT;\n- Lãnh đạo Sở\n- Lưu: VT, VP."
        assert sentences(text) == ["Nơi nhận:", "Bộ GDĐT;", "Lãnh đạo Sở", "Lưu: VT, VP."]

    def test_heading_is_one_sentence(self):
        doc = analyse("I. MỤC ĐÍCH. YÊU CẦU")
        assert doc.paragraphs[0].kind == "heading"
        assert [s.text for s in doc.sentences] == ["MỤC ĐÍCH. YÊU CẦU"]

    def test_plan_fragment(self):
        text = (
            "UBND TỈNH QUẢNG NGÃI\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n\nSố: 182/KH-SGDĐT\n\n"
            "Quảng Ngãi, ngày 01 tháng 3 năm 2022\n\nKẾ HOẠCH\nTruyền thông về giáo dục năm 2022\n\n"
            "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nĐẩy mạnh thông tin kịp thời. Nâng cao chất lượng.\n"
            "2. Yêu cầu\nPhối hợp chặt chẽ với cơ quan báo chí.\n"
            "Nơi nhận:\n- Bộ GDĐT;\n- Lưu: VT, VP.\n\nGIÁM ĐỐC\n\nNguyễn Văn A"
        )
        doc = analyse(text)
        assert_offsets(doc)
        kinds = [p.kind for p in doc.paragraphs]
        assert kinds == [
            "heading", "heading", "body", "body", "heading", "body", "heading", "heading", "body",
            "heading", "body", "body", "list_item", "list_item", "heading", "body",
        ]
        assert [s.text for s in doc.paragraphs[8].sentences] == ["Đẩy mạnh thông tin kịp thời.", "Nâng cao chất lượng."]
        assert all(s.paragraph == p.index for p in doc.paragraphs for s in p.sentences)
        assert doc.sentences == tuple(s for p in doc.paragraphs for s in p.sentences)

    def test_windows_line_break_is_one_break(self):
        text = "Trên đây là kế hoạch truyền thông, yêu cầu các đơn vị\r\ntriển khai thực hiện."
        assert len(analyse(text).paragraphs) == 1

    def test_other_line_breaks(self):
        doc = analyse("Dòng một.\u2028Dòng hai.\rDòng ba.")
        assert [p.text for p in doc.paragraphs] == ["Dòng một.", "Dòng hai.", "Dòng ba."]

    def test_split_paragraphs_helper(self):
        assert [p.text for p in split_paragraphs("Một.\nHai.")] == ["Một.", "Hai."]
        assert isinstance(split_paragraphs("Một.")[0], Paragraph)


# --------------------------------------------------------------------------- documents


class TestDocument:
    @pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n"])
    def test_empty(self, text):
        doc = analyse(text)
        assert doc.paragraphs == () and doc.sentences == () and doc.syllables == 0
        assert longest_sentence(doc) is None

    def test_not_a_string(self):
        assert analyse(None).text == ""  # type: ignore[arg-type]
        assert analyse(42).sentences[0].text == "42"  # type: ignore[arg-type]

    def test_longest_sentence(self):
        doc = analyse("KẾ HOẠCH TRUYỀN THÔNG VỀ GIÁO DỤC VÀ ĐÀO TẠO\nCâu ngắn. Câu này dài hơn một chút. Câu vừa vừa thôi.")
        assert longest_sentence(doc).text == "Câu này dài hơn một chút."
        assert longest_sentence(doc, include_headings=True).text.startswith("KẾ HOẠCH")
        assert longest_sentence(analyse("KẾ HOẠCH")) is None

    def test_longest_sentence_by_tokens_and_chars(self):
        doc = analyse("Có 21.340 em và 1.250 lớp. Các trường học đều tham gia.")
        assert longest_sentence(doc).text == "Các trường học đều tham gia."
        assert longest_sentence(doc, by="tokens").text == "Có 21.340 em và 1.250 lớp."
        assert longest_sentence(doc, by="chars").text == "Các trường học đều tham gia."

    def test_sentence_is_dataclass_with_fields(self):
        names = [f.name for f in dataclasses.fields(Sentence)]
        assert names == ["start", "end", "text", "syllables", "paragraph", "tokens"]
        names = [f.name for f in dataclasses.fields(Paragraph)]
        assert names == ["start", "end", "text", "kind", "marker", "sentences", "index"]

    def test_fast_constructor_gives_equal_objects(self):
        s = analyse("Sở họp.").sentences[0]
        assert s == Sentence(0, 7, "Sở họp.", 2, 0, 2)
        assert hash(s) == hash(Sentence(0, 7, "Sở họp.", 2, 0, 2))


# --------------------------------------------------------------------------- links


class TestLinks:
    def test_kinds_and_trailing_punctuation(self):
        text = "Gửi vanphong@gddt.quangngai.gov.vn, xem https://moet.gov.vn/tin-tuc. Hoặc www.x.vn!"
        assert [(text[s:e], k) for s, e, k in link_spans(text)] == [
            ("vanphong@gddt.quangngai.gov.vn", "email"),
            ("https://moet.gov.vn/tin-tuc", "url"),
            ("www.x.vn", "url"),
        ]

    @pytest.mark.parametrize("text", ["TP.HCM", "v.v.", "Sở.Vn", "21.340", "GD&ĐT", "a@b", "@"])
    def test_no_link(self, text):
        assert link_spans(text) == []


# --------------------------------------------------------------------------- robustness (not timed)


class TestLargeAndOddInputs:
    @pytest.mark.parametrize(
        "text",
        [
            "học sinh " * 20_000,  # one endless sentence without punctuation
            "." * 100_000,
            "a. " * 20_000,
            "A. " * 20_000,
            "Nguyễn V. " * 10_000,
            "\n" * 50_000,
            "a@b." * 10_000,
            "www." * 10_000,
            "1." * 30_000,
            "“a.” – " * 10_000,
            "(" * 50_000,
            "- a\n" * 10_000,
        ],
    )
    def test_degenerate_inputs_are_handled(self, text):
        doc = analyse(text)
        assert_offsets(doc)
        assert doc.syllables == count_syllables(" ".join(s.text for s in doc.sentences))

    def test_lone_surrogates_and_controls(self):
        doc = analyse("Sở\ud800 họp.\x00 Xong.\x1c Mới.")
        assert_offsets(doc)
