"""Unit tests of kit/rubrics/plan_sections.py: locating the parts of a Vietnamese
administrative plan (header, Căn cứ lines, numbered sections, tables, Nơi nhận, signer)
under the numbering styles, capitalisations and layouts writers use. The plans here are
written for these tests, not taken from the scoring corpus."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit.rubrics.plan_sections import SpanSet, is_caps, is_total_row, parse_plan, tags_of

PLAN = """UBND TỈNH BẮC KẠN
SỞ GIÁO DỤC VÀ ĐÀO TẠO

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 410/KH-SGDĐT
Bắc Kạn, ngày 02 tháng 02 năm 2027

KẾ HOẠCH
Truyền thông về tuyển sinh đầu cấp năm học 2027-2028

Căn cứ Thông tư số 30/2024/TT-BGDĐT ngày 30/12/2024 của Bộ trưởng Bộ Giáo dục và Đào tạo;
Thực hiện Kế hoạch số 21/KH-UBND ngày 15/01/2027 của UBND tỉnh Bắc Kạn.

Sở Giáo dục và Đào tạo ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Giúp cha mẹ học sinh nắm rõ quy trình tuyển sinh.
2. Mục tiêu cụ thể
a) Trước ngày 30/5/2027, 100% trường công khai chỉ tiêu tuyển sinh.
b) Ít nhất 90% hồ sơ được nộp trực tuyến.
II. NỘI DUNG
1. Đối tượng và nhu cầu thông tin
- Cha mẹ học sinh: cần biết lịch đăng ký, hồ sơ.
2. Các hoạt động
a) Quý I/2027
- Tháng 02: họp báo công bố phương án tuyển sinh (chủ trì: Văn phòng Sở).
- Tháng 3: phát tờ gấp tại các xã.
b) Video hướng dẫn đăng ký trực tuyến
- Thời gian: tháng 4/2027.
- Chủ trì: Phòng Giáo dục Trung học.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng Sở: là đầu mối, chủ trì thực hiện Kế hoạch.
2. Phòng Kế hoạch - Tài chính
Bố trí kinh phí theo mục IV.
Theo dõi, đánh giá:
- Chỉ số: số hồ sơ trực tuyến; Văn phòng Sở báo cáo trước ngày 30/6/2027.
IV. KINH PHÍ
| TT | Nội dung | Số tiền (đồng) |
|---|---|---|
| 1 | In tờ gấp | 10.000.000 |
| | Tổng cộng | 10.000.000 |

Nơi nhận:
- UBND tỉnh (để b/c);
- Lưu: VT, VP.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Hoàng Văn Bình
"""


def span_text(lay, span):
    return None if span is None else lay.text[span[0]:span[1]]


# --------------------------------------------------------------------------- header, basis, end


def test_header_elements():
    lay = parse_plan(PLAN)
    assert span_text(lay, lay.issuer) == "UBND TỈNH BẮC KẠN\nSỞ GIÁO DỤC VÀ ĐÀO TẠO"
    assert span_text(lay, lay.national_title) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert span_text(lay, lay.motto) == "Độc lập - Tự do - Hạnh phúc"
    assert span_text(lay, lay.number) == "Số: 410/KH-SGDĐT"
    assert span_text(lay, lay.dateline) == "Bắc Kạn, ngày 02 tháng 02 năm 2027"
    assert span_text(lay, lay.doc_type) == "KẾ HOẠCH" and lay.doc_type_ok
    assert span_text(lay, lay.summary) == "Truyền thông về tuyển sinh đầu cấp năm học 2027-2028"


def test_basis_recipients_signer():
    lay = parse_plan(PLAN)
    basis = [span_text(lay, s) for s in lay.basis]
    assert len(basis) == 2
    assert basis[0].startswith("Căn cứ Thông tư số 30/2024") and basis[1].startswith("Thực hiện Kế hoạch số 21")
    assert span_text(lay, lay.recipients).startswith("Nơi nhận:\n- UBND tỉnh")
    assert span_text(lay, lay.recipients).endswith("Lưu: VT, VP.")
    assert span_text(lay, lay.signer_title) == "KT. GIÁM ĐỐC"
    assert span_text(lay, lay.signer_name) == "Hoàng Văn Bình"
    # the body runs from the first section to "Nơi nhận"
    assert lay.text[lay.body[0]:].startswith("I. MỤC ĐÍCH")
    assert lay.text[:lay.body[1]].rstrip().endswith("| | Tổng cộng | 10.000.000 |")


def test_side_by_side_header_and_signature():
    text = ("UBND TỈNH HÀ GIANG                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "SỞ GIÁO DỤC VÀ ĐÀO TẠO                        Độc lập - Tự do - Hạnh phúc\n\n"
            "Số: 77/KH-SGDĐT                              Hà Giang, ngày 10 tháng 3 năm 2027\n\n"
            "KẾ HOẠCH\nTruyền thông năm 2027\n\nI. MỤC ĐÍCH, YÊU CẦU\nNội dung.\n\n"
            "Nơi nhận:                                          GIÁM ĐỐC\n"
            "- UBND tỉnh (để b/c);\n"
            "- Lưu: VT, VP.                                     Vàng Thị Mai\n")
    lay = parse_plan(text)
    assert span_text(lay, lay.issuer).startswith("UBND TỈNH HÀ GIANG")
    assert "SỞ GIÁO DỤC" in span_text(lay, lay.issuer)
    assert lay.national_title and lay.motto
    assert span_text(lay, lay.number) == "Số: 77/KH-SGDĐT"
    assert span_text(lay, lay.dateline) == "Hà Giang, ngày 10 tháng 3 năm 2027"
    assert span_text(lay, lay.signer_title) == "GIÁM ĐỐC"
    assert span_text(lay, lay.signer_name) == "Vàng Thị Mai"
    assert span_text(lay, lay.recipients).startswith("Nơi nhận:")


def test_blank_number_and_date_of_a_draft():
    text = ("ỦY BAN NHÂN DÂN\nPHƯỜNG AN BIÊN\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n"
            "Số:      /KH-UBND\nAn Biên, ngày    tháng 4 năm 2027\nKẾ HOẠCH\nTruyền thông tuyển sinh\n")
    lay = parse_plan(text)
    assert lay.number and span_text(lay, lay.number).startswith("Số:")
    assert lay.dateline and "ngày" in span_text(lay, lay.dateline)
    assert lay.national_title and lay.motto  # HOÀ and en dashes


def test_misspelt_document_type_is_found_but_marked():
    lay = parse_plan("SỞ GIÁO DỤC VÀ ĐÀO TẠO\nKÊ HOẠCH\nTruyền thông năm 2022\nI. MỤC ĐÍCH\n")
    assert span_text(lay, lay.doc_type) == "KÊ HOẠCH" and not lay.doc_type_ok


def test_title_and_summary_on_one_line():
    lay = parse_plan("TRƯỜNG THCS AN PHÚ\nKẾ HOẠCH TRUYỀN THÔNG NĂM HỌC 2026-2027\nA. MỤC ĐÍCH\nNội dung.\n")
    assert span_text(lay, lay.doc_type) == "KẾ HOẠCH"
    assert span_text(lay, lay.summary) == "TRUYỀN THÔNG NĂM HỌC 2026-2027"


def test_signer_with_tm_prefix():
    text = "KẾ HOẠCH\nX\nI. MỤC ĐÍCH\nA.\nNơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Thị Hồng Nhung\n"
    lay = parse_plan(text)
    assert span_text(lay, lay.signer_title) == "TM. ỦY BAN NHÂN DÂN"
    assert span_text(lay, lay.signer_name) == "Nguyễn Thị Hồng Nhung"


def test_basis_as_a_section_and_numbered_basis_lines():
    text = ("KẾ HOẠCH\nTruyền thông\nI. CĂN CỨ\n- Luật Giáo dục năm 2019;\n- Kế hoạch số 5/KH-UBND ngày 02/4/2027.\n"
            "II. MỤC TIÊU\n- 100% trường.\n")
    lay = parse_plan(text)
    assert [span_text(lay, s) for s in lay.basis] == ["- Luật Giáo dục năm 2019;", "- Kế hoạch số 5/KH-UBND ngày 02/4/2027."]
    text2 = "KẾ HOẠCH\nTruyền thông\n1. Căn cứ Luật Trẻ em năm 2016;\n2. Căn cứ Kế hoạch số 9/KH-UBND.\nI. MỤC ĐÍCH\nA.\n"
    assert len(parse_plan(text2).basis) == 2


def test_basis_lines_are_not_taken_from_the_body():
    text = "KẾ HOẠCH\nX\nI. TỔ CHỨC THỰC HIỆN\nCăn cứ chức năng, nhiệm vụ, các phòng chủ động thực hiện.\n"
    assert parse_plan(text).basis == ()


# --------------------------------------------------------------------------- sections


def test_section_tree_and_tags():
    lay = parse_plan(PLAN)
    tops = [(s.marker, s.style, s.level) for s in lay.sections]
    assert tops == [("I.", "roman", 1), ("II.", "roman", 1), ("III.", "roman", 1), ("IV.", "roman", 1)]
    assert [c.title for c in lay.sections[0].children] == ["Mục đích", "Mục tiêu cụ thể"]
    assert lay.first("objectives").title == "Mục tiêu cụ thể" and lay.first("objectives").level == 2
    assert lay.first("audiences").title == "Đối tượng và nhu cầu thông tin"
    assert lay.first("activities").title == "Các hoạt động"
    assert lay.first("organisation").marker == "III."
    assert lay.first("budget").marker == "IV."
    # a label line is a sub-section of where it stands
    ev = lay.first("evaluation")
    assert ev.style == "label" and ev.title == "Theo dõi, đánh giá"
    assert any(p is lay.first("organisation") for p in lay.path_at(ev.start))
    # a unit's name is a unit, not a budget section ("Phòng Kế hoạch - Tài chính")
    unit = [s for s in lay.find("unit") if "Tài chính" in s.title][0]
    assert unit.tags == frozenset({"unit"})
    # section spans cover their body
    obj = lay.first("objectives")
    assert lay.text[obj.start:obj.end].startswith("2. Mục tiêu cụ thể\na) Trước")
    assert "b) Ít nhất 90%" in lay.text[obj.title_end:obj.end]


def test_numbering_styles_are_interchangeable():
    variants = [
        "A. MỤC ĐÍCH, YÊU CẦU\n1. Mục tiêu\n- 100% trường.\nB. TỔ CHỨC THỰC HIỆN\n1. Văn phòng\n",
        "Phần I. MỤC ĐÍCH, YÊU CẦU\n1) Mục tiêu\n- 100% trường.\nPhần II. TỔ CHỨC THỰC HIỆN\n",
        "1. MỤC ĐÍCH, YÊU CẦU\n1.1. Mục tiêu\n- 100% trường.\n2. TỔ CHỨC THỰC HIỆN\n",
        "MỤC ĐÍCH, YÊU CẦU\nMục tiêu:\n- 100% trường.\nTỔ CHỨC THỰC HIỆN\n",
        "I - Mục đích, yêu cầu\n1/ Mục tiêu\n- 100% trường.\nII - Tổ chức thực hiện\n",
    ]
    for v in variants:
        lay = parse_plan("KẾ HOẠCH\nTruyền thông\n" + v)
        tops = lay.sections
        assert len(tops) == 2, v
        assert tops[0].has("purpose") and tops[1].has("organisation"), v
        obj = lay.first("objectives")
        assert obj is not None and obj.level == 2, v
        assert "100% trường" in lay.text[obj.title_end:obj.end], v


def test_plain_and_inline_headings():
    text = ("KẾ HOẠCH\nX\nNỘI DUNG\nĐối tượng và nhu cầu\n- Học sinh – cần gợi ý sách.\nCác hoạt động\n"
            "Họp báo ngày 21/4/2027.\nTỔ CHỨC THỰC HIỆN\nTheo dõi, báo cáo: chỉ số gồm số trường; báo cáo trước 20/5/2027.\n")
    lay = parse_plan(text)
    assert lay.first("audiences").title == "Đối tượng và nhu cầu"
    assert lay.first("activities").title == "Các hoạt động"
    ev = lay.first("evaluation")
    assert ev.style == "inline" and ev.title == "Theo dõi, báo cáo"
    [item] = lay.items(ev)
    assert item.text == "chỉ số gồm số trường; báo cáo trước 20/5/2027."


def test_lettered_items_are_not_sections():
    lay = parse_plan("KẾ HOẠCH\nX\nII. NỘI DUNG\n1. Đối tượng\na) Cha mẹ học sinh: cần biết lịch thi.\nb) Học sinh\n")
    assert [s.title for s in lay.walk()] == ["NỘI DUNG", "Đối tượng"]


def test_tags_of():
    assert tags_of("I. MỤC ĐÍCH, YÊU CẦU") >= {"purpose", "aims", "requirements"}
    assert "objectives" in tags_of("2. Mục tiêu đo lường được")
    assert "objectives" in tags_of("2. Chỉ tiêu cụ thể")
    assert tags_of("4. Kênh truyền thông") == frozenset({"channels"})
    assert "evaluation" in tags_of("6. Theo dõi, đánh giá và chế độ báo cáo")
    assert tags_of("3. Phòng Kế hoạch - Tài chính") == frozenset({"unit"})
    assert tags_of("III. TỔ CHỨC THỰC HIỆN") == frozenset({"organisation"})
    assert "budget" in tags_of("V. KINH PHÍ THỰC HIỆN")


# --------------------------------------------------------------------------- tables, items


def test_pipe_table():
    lay = parse_plan(PLAN)
    [t] = lay.tables
    assert [c.text for c in t.header] == ["TT", "Nội dung", "Số tiền (đồng)"]
    assert len(t.rows) == 2
    assert t.column(r"tiền") == 2 and t.column(r"thời gian") is None
    assert [is_total_row(it) for it in lay.items(lay.first("budget"))] == [False, True]
    c = t.rows[0][1]
    assert lay.text[c.start:c.end] == "In tờ gấp"


def test_tab_separated_table():
    text = ("KẾ HOẠCH\nX\nI. CÁC HOẠT ĐỘNG\nTT\tHoạt động\tThời gian\tNgười thực hiện\n"
            "1\tHọp phụ huynh\tTháng 9/2026\tGiáo viên chủ nhiệm\n2\tKhảo sát\tTháng 5/2027\tTổ Văn phòng\n")
    lay = parse_plan(text)
    [t] = lay.tables
    assert [c.text for c in t.header] == ["TT", "Hoạt động", "Thời gian", "Người thực hiện"]
    items = lay.items(lay.first("activities"))
    assert [it.kind for it in items] == ["row", "row"]
    assert items[0].cell(r"thời gian").text == "Tháng 9/2026"
    assert items[1].cell(r"người thực hiện").text == "Tổ Văn phòng"


def test_table_without_separator_row():
    text = "KẾ HOẠCH\nX\nI. KINH PHÍ\n| Nội dung | Số tiền |\n| Họp báo | 5.000.000 |\n| In tờ rơi | 3.000.000 |\n"
    [t] = parse_plan(text).tables
    assert len(t.rows) == 2 and t.rows[1][1].text == "3.000.000"


def test_items_merge_attribute_lines_and_inherit_group_labels():
    lay = parse_plan(PLAN)
    items = lay.items(lay.first("activities"))
    assert len(items) == 3
    assert items[0].text.startswith("- Tháng 02: họp báo") and items[0].label.endswith("a) Quý I/2027")
    assert items[1].label.endswith("a) Quý I/2027")
    # "b) Video…" with its "- Thời gian:" and "- Chủ trì:" lines is one unit
    assert items[2].text.startswith("b) Video hướng dẫn")
    assert "Thời gian: tháng 4/2027" in items[2].text and "Chủ trì: Phòng Giáo dục Trung học" in items[2].text
    assert lay.text[items[2].head[0]:items[2].head[1]] == "b) Video hướng dẫn đăng ký trực tuyến"
    for it in items:
        assert lay.text[it.start:it.end] == it.text
        assert lay.folded[it.start:it.end] == it.folded


def test_items_exclude_subsections_and_headings_label_what_follows():
    text = ("KẾ HOẠCH\nX\nII. NỘI DUNG\n1. Đối tượng\n- Học sinh: cần biết.\n2. Hoạt động\n"
            "2.1. Giai đoạn chuẩn bị\n- Tháng 3/2027: họp báo.\n2.2. Giai đoạn triển khai\n- Tháng 5/2027: phát tờ gấp.\n")
    lay = parse_plan(text)
    content = lay.first("content")
    items = lay.items(content, exclude=("audiences",))
    assert [it.text for it in items] == ["- Tháng 3/2027: họp báo.", "- Tháng 5/2027: phát tờ gấp."]
    assert "Giai đoạn chuẩn bị" in items[0].label and "Giai đoạn triển khai" in items[1].label


def test_helpers():
    assert is_caps("KẾ HOẠCH") and not is_caps("Kế hoạch") and not is_caps("1.")
    s = SpanSet([(10, 20), (15, 30), (40, 50)])
    assert 10 in s and 29 in s and 30 not in s and 45 in s and 5 not in s


# --------------------------------------------------------------------------- robustness


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.text(max_size=500),
    st.lists(st.sampled_from(["I.", "1.", "a)", "-", "|", "\t", ":", "\n", "KẾ HOẠCH", "Nơi nhận:", "GIÁM ĐỐC",
                              "Mục tiêu", "Căn cứ", "Số:", "ngày", "tháng", "năm 2027", "| TT |", "Tổng cộng",
                              "Nguyễn Văn A", "   ", "Theo dõi, đánh giá:", "(1)", "1.1.", "Phần I."]),
             max_size=60).map(" ".join),
))
def test_never_raises_and_spans_are_in_bounds(text):
    lay = parse_plan(text)
    n = len(lay.text)
    spans = [lay.header, lay.issuer, lay.national_title, lay.motto, lay.number, lay.dateline, lay.doc_type,
             lay.summary, lay.closing, lay.recipients, lay.signer_title, lay.signer_name, lay.body, *lay.basis]
    for sp in spans:
        if sp is not None:
            assert 0 <= sp[0] <= sp[1] <= n
    for s in lay.walk():
        assert 0 <= s.start <= s.title_end <= s.end <= n or s.style == "inline"
        for it in lay.items(s):
            assert 0 <= it.start <= it.end <= n and it.text == lay.text[it.start:it.end]


def test_degenerate_inputs():
    for text in ["", "\n\n", "KẾ HOẠCH", "|" * 5000, "I. A\n" * 3000, ":" * 3000, "\t\t\n" * 1000,
                 "Nơi nhận:\n" + "- a;\n" * 2000, "(" * 2000]:
        lay = parse_plan(text)
        list(lay.walk())
        for s in lay.walk():
            lay.items(s)
