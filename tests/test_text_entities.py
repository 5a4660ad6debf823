"""Acronyms, dates, figures and contacts in Vietnamese office text (kit.text.entities)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit.text.entities import (
    COMMON,
    AcronymDefinition,
    AcronymUse,
    acronym_key,
    find_acronyms,
    find_contacts,
    find_dates,
    find_definitions,
    find_numbers,
    symbol_spans,
    undefined_acronyms,
)


def shorts(text: str) -> list[str]:
    uses = find_acronyms(text)
    for u in uses:
        assert text[u.start:u.end] == u.short
    return [u.short for u in uses]


def undefined(text: str, **kw) -> list[str]:
    return [u.short for u in undefined_acronyms(text, **kw)]


def one_date(text: str):
    found = find_dates(text)
    assert len(found) == 1, found
    d = found[0]
    assert text[d.start:d.end] == d.text
    return d


# --------------------------------------------------------------------------- acronyms


class TestFindAcronyms:
    def test_sector_acronyms_with_offsets(self):
        text = "Sở GD&ĐT, Phòng GDĐT, SGDĐT, UBND tỉnh, trường THPT và THCS, Bộ BGDĐT, ứng dụng CNTT."
        assert shorts(text) == ["GD&ĐT", "GDĐT", "SGDĐT", "UBND", "THPT", "THCS", "BGDĐT", "CNTT"]

    def test_compounds(self):
        text = "Tại TP.HCM, PGS.TS Trần B, Trung tâm GDNN-GDTX, dịch COVID-19, GD-ĐT, R&D."
        assert shorts(text) == ["TP.HCM", "PGS.TS", "GDNN-GDTX", "COVID-19", "GD-ĐT", "R&D"]

    def test_mixed_case_acronyms(self):
        assert shorts("ThS. Lê A, Vụ GDTrH và Th.S Trần B") == ["ThS", "GDTrH", "Th.S"]

    @pytest.mark.parametrize(
        "text",
        [
            "KẾ HOẠCH",
            "THÔNG CÁO BÁO CHÍ",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "II. NỘI DUNG TRUYỀN THÔNG",
            "IV. KINH PHÍ THỰC HIỆN",
            "GIÁM ĐỐC",
            "Số: 182/KH-SGDĐT",
            "Số: 182 /KH-SGDĐT",
            "Thực hiện Kế hoạch số 68/KH-BGDĐT ngày 24/01/2022",
            "Nghị quyết số 29-NQ/TW và 29- NQ/TW",
            "Nghị định 30/2020/NĐ-CP",
            "Quyết định số 628/QĐ-TTg",
            "theo QĐ-TTg",
            "Chương II, Mục IV, khóa XI",
            "Liên hệ: VANPHONG@GDDT.QUANGNGAI.GOV.VN hoặc https://MOET.GOV.VN/TIN-TUC",
            "- Lưu: VT, VP.",
            "bộ nhớ 16 GB",
            "Nguyễn T.T.T và N.V.A",
            "Covid-19 và iPhone",
        ],
    )
    def test_not_acronym_uses(self, text):
        assert shorts(text) == []

    def test_letterhead_and_headline_uses_are_flagged(self):
        text = (
            "UBND TỈNH QUẢNG NGÃI\nTRƯỜNG THPT DTNT TỈNH\n"
            "Sở GD&ĐT tổ chức hội nghị tập huấn truyền thông\n"
            "UBND tỉnh chỉ đạo các đơn vị thực hiện.\n- Bộ GDĐT;"
        )
        uses = find_acronyms(text)
        assert [(u.short, u.in_heading) for u in uses] == [
            ("UBND", True), ("THPT", True), ("DTNT", True), ("GD&ĐT", True), ("UBND", False), ("GDĐT", False)
        ]

    def test_caps_word_next_to_caps_word_is_a_word(self):
        assert shorts("VIỆT NAM") == []
        assert shorts("công nghệ AI") == ["AI"]

    def test_glued_word_is_cut(self):
        assert shorts("Văn phòng Bộ GD&ĐTVăn phòng Sở") == ["GD&ĐT"]

    def test_key(self):
        assert acronym_key("GD&ĐT") == acronym_key("GD-ĐT") == acronym_key("GDĐT") == acronym_key("GDDT") == "gddt"
        assert AcronymUse("ThS", 0, 3).key == "ths"

    def test_empty_and_not_a_string(self):
        assert find_acronyms("") == []
        assert find_acronyms(None) == []  # type: ignore[arg-type]


class TestDefinitions:
    def one(self, text: str) -> AcronymDefinition:
        defs = find_definitions(text)
        assert len(defs) == 1, defs
        d = defs[0]
        assert text[d.long_start:d.long_end] == d.long_form
        assert text[d.short_start:d.short_end] == d.short
        assert d.start <= min(d.long_start, d.short_start) and d.end >= max(d.long_end, d.short_end)
        return d

    def test_long_then_short(self):
        d = self.one("Sở Giáo dục và Đào tạo (GD&ĐT) tỉnh Quảng Ngãi ban hành kế hoạch.")
        assert (d.short, d.long_form, d.form, d.initials_match) == ("GD&ĐT", "Giáo dục và Đào tạo", "long_short", True)
        assert d.end == d.short_end + 1  # the closing bracket

    @pytest.mark.parametrize(
        ("text", "short", "long"),
        [
            ("Sở Giáo dục và Đào tạo (GDĐT) ban hành.", "GDĐT", "Giáo dục và Đào tạo"),
            ("Sở Giáo dục và Đào tạo (SGDĐT) ban hành.", "SGDĐT", "Sở Giáo dục và Đào tạo"),
            ("Sở Giáo dục và Đào tạo (Sở GD&ĐT) ban hành.", "Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
            ("Ủy ban nhân dân (UBND) tỉnh chỉ đạo.", "UBND", "Ủy ban nhân dân"),
            ("Hội đồng nhân dân (HĐND) tỉnh họp.", "HĐND", "Hội đồng nhân dân"),
            ("trường trung học phổ thông (THPT) và", "THPT", "trung học phổ thông"),
            ("Công nghệ thông tin (CNTT) giúp.", "CNTT", "Công nghệ thông tin"),
            ("Thành phố Hồ Chí Minh (TP.HCM) có", "TP.HCM", "Thành phố Hồ Chí Minh"),
            ("Bộ Văn hóa, Thể thao và Du lịch (VHTTDL) phối hợp.", "VHTTDL", "Văn hóa, Thể thao và Du lịch"),
            ("Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên (GDNN-GDTX) huyện", "GDNN-GDTX",
             "Giáo dục nghề nghiệp - Giáo dục thường xuyên"),
            ("Thạc sĩ (ThS) Lê Văn A", "ThS", "Thạc sĩ"),
            ("Giáo dục & Đào tạo (GD&ĐT) tỉnh", "GD&ĐT", "Giáo dục & Đào tạo"),
            ("Giáo dục và Đào tạo (GDDT) tỉnh", "GDDT", "Giáo dục và Đào tạo"),
        ],
    )
    def test_initials_are_matched_the_vietnamese_way(self, text, short, long):
        d = self.one(text)
        assert (d.short, d.long_form, d.initials_match) == (short, long, True)

    def test_short_then_long(self):
        d = self.one("UBND (Ủy ban nhân dân) các huyện đã chỉ đạo.")
        assert (d.short, d.long_form, d.form) == ("UBND", "Ủy ban nhân dân", "short_long")
        assert (d.start, d.end) == (0, len("UBND (Ủy ban nhân dân)"))

    def test_dash_form(self):
        d = self.one("Ứng dụng Công nghệ thông tin – CNTT trong quản lý.")
        assert (d.short, d.long_form, d.form) == ("CNTT", "Công nghệ thông tin", "dash")

    def test_dash_without_matching_initials_is_not_a_definition(self):
        assert find_definitions("Ông Trịnh Thế Truyền - GĐ Sở dự họp.") == []

    @pytest.mark.parametrize(
        ("text", "short", "long"),
        [
            ("Sở Giáo dục và Đào tạo (sau đây gọi tắt là Sở) ban hành.", "Sở", "Sở Giáo dục và Đào tạo"),
            ("Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi (gọi tắt là Sở) ban hành.", "Sở",
             "Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi"),
            ("Sở Giáo dục và Đào tạo (sau đây viết tắt là GD&ĐT) ban hành.", "GD&ĐT", "Giáo dục và Đào tạo"),
            ("Sở Giáo dục và Đào tạo (viết tắt: SGDĐT) ban hành.", "SGDĐT", "Sở Giáo dục và Đào tạo"),
            ("Ban Chỉ đạo truyền thông năm 2026, sau đây gọi tắt là Ban Chỉ đạo, có nhiệm vụ.", "Ban Chỉ đạo",
             "Ban Chỉ đạo truyền thông năm 2026"),
            ("Trung tâm Truyền thông giáo dục (sau đây gọi tắt là “Trung tâm”) phối hợp.", "Trung tâm",
             "Trung tâm Truyền thông giáo dục"),
        ],
    )
    def test_called_form(self, text, short, long):
        d = self.one(text)
        assert (d.short, d.long_form, d.form) == (short, long, "called")

    def test_foreign_name_then_acronym(self):
        d = self.one("do Đài Phát thanh - Truyền hình Trung ương Trung Quốc (CMG) tổ chức")
        assert (d.short, d.initials_match) == ("CMG", False)
        assert d.long_form == "Đài Phát thanh - Truyền hình Trung ương Trung Quốc"

    @pytest.mark.parametrize(
        "text",
        [
            "Học sinh (khoảng 200 em) tham gia.",
            "Văn phòng Bộ (Trung tâm Truyền thông giáo dục) phối hợp.",
            "Nội dung (xem phụ lục) kèm theo.",
            "Ông A (bên phải) tặng hoa.",
        ],
    )
    def test_brackets_that_define_nothing(self, text):
        assert find_definitions(text) == []


class TestUndefinedAcronyms:
    def test_defined_at_first_use(self):
        text = "Sở Giáo dục và Đào tạo (GD&ĐT) tổ chức. Sở GD&ĐT cho biết. Ngành GD-ĐT cũng vậy."
        assert undefined(text) == []

    def test_used_before_its_definition(self):
        text = "Tăng cường CNTT trong quản lý. Công nghệ thông tin (CNTT) giúp giảm giấy tờ."
        (u,) = undefined_acronyms(text)
        assert (u.short, u.start) == ("CNTT", text.index("CNTT"))

    def test_never_defined(self):
        text = "Sở GD&ĐT phối hợp với Trung tâm GDNN-GDTX và ứng dụng CNTT. Sở GD&ĐT sẽ báo cáo."
        assert undefined(text) == ["GD&ĐT", "GDNN-GDTX", "CNTT"]  # one result per acronym

    def test_common_acronyms_need_no_definition(self):
        text = "UBND tỉnh, HĐND, trường THPT và THCS, GS.TS. Nguyễn A, PGS.TS Trần B, ThS. Lê C, TP.HCM, COVID-19."
        assert undefined(text) == []
        for a in ("UBND", "THPT", "THCS", "TP.HCM", "COVID-19"):
            assert a in COMMON
        for a in ("GD&ĐT", "GDĐT", "SGDĐT", "BGDĐT", "CNTT", "GDPT"):
            assert a not in COMMON

    def test_custom_known_set(self):
        text = "UBND tỉnh và Sở GD&ĐT."
        assert undefined(text, known={"GD&ĐT"}) == ["UBND"]
        assert undefined(text, known=set()) == ["UBND", "GD&ĐT"]

    def test_headline_use_before_the_lead_definition(self):
        text = (
            "Sở GD&ĐT tổ chức tập huấn truyền thông cho cán bộ văn phòng\n"
            "Sáng 3/6/2026, Sở Giáo dục và Đào tạo (GD&ĐT) tỉnh Quảng Ngãi tổ chức tập huấn."
        )
        assert undefined(text) == []
        assert undefined("Sở GD&ĐT tổ chức tập huấn\nSở GD&ĐT cho biết sẽ tổ chức.") == ["GD&ĐT"]

    def test_letterhead_and_symbols_are_ignored(self):
        text = (
            "UBND TỈNH QUẢNG NGÃI\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 182/KH-SGDĐT\nKẾ HOẠCH\n"
            "Thực hiện Kế hoạch số 68/KH-BGDĐT, Sở Giáo dục và Đào tạo (GDĐT) ban hành.\n"
            "Nơi nhận:\n- Bộ GDĐT;\n- Lưu: VT, VP."
        )
        assert undefined(text) == []

    def test_called_definition_counts(self):
        text = "Sở Giáo dục và Đào tạo (sau đây viết tắt là SGDĐT) ban hành. SGDĐT sẽ tổ chức."
        assert undefined(text) == []

    def test_empty(self):
        assert undefined_acronyms("") == []


def test_symbol_spans():
    text = "Số: 182 /KH-SGDĐT; 30/2020/NĐ-CP; 29- NQ/TW; năm 2019 - Ban; lớp 10- học"
    assert [text[s:e] for s, e in symbol_spans(text)] == ["182 /KH-SGDĐT", "30/2020/NĐ-CP", "29- NQ/TW"]


# --------------------------------------------------------------------------- dates


class TestDates:
    def test_morning_date(self):
        d = one_date("Sáng 3/6/2026, Sở GD&ĐT tổ chức hội nghị.")
        assert (d.text, d.kind, d.day, d.month, d.year, d.part_of_day) == ("Sáng 3/6/2026", "date", 3, 6, 2026, "sáng")

    def test_datetime_forms(self):
        d = one_date("Hạn chót 16 giờ 00, ngày 14/10/2025.")
        assert (d.text, d.kind, d.hour, d.minute, d.day, d.month, d.year) == (
            "16 giờ 00, ngày 14/10/2025", "datetime", 16, 0, 14, 10, 2025)
        d = one_date("trước 16h00 ngày 14/10")
        assert (d.kind, d.hour, d.minute, d.day, d.month, d.year, d.qualifier) == (
            "datetime", 16, 0, 14, 10, None, "before")
        d = one_date("Họp lúc 8h30 sáng 3/6.")
        assert (d.text, d.kind, d.part_of_day, d.hour, d.minute) == ("8h30 sáng 3/6", "datetime", "sáng", 8, 30)
        d = one_date("ngày 14/10/2025 (thứ Ba), lúc 8 giờ")
        assert (d.kind, d.hour, d.minute) == ("datetime", 8, None)
        d = one_date("15:05 ngày 04/07/2020")
        assert (d.kind, d.hour, d.minute, d.year) == ("datetime", 15, 5, 2020)

    @pytest.mark.parametrize(
        ("text", "hour", "minute", "pod"),
        [
            ("Bắt đầu lúc 8h30.", 8, 30, None),
            ("khai mạc 16h.", 16, None, None),
            ("lúc 8 giờ 30 phút", 8, 30, None),
            ("lúc 8 giờ sáng", 8, None, "sáng"),
            ("vào 7g30 hằng ngày", 7, 30, None),
            ("cập nhật 15:05", 15, 5, None),
        ],
    )
    def test_times(self, text, hour, minute, pod):
        d = [d for d in find_dates(text) if d.kind == "time"][0]
        assert (d.hour, d.minute, d.part_of_day) == (hour, minute, pod)

    def test_textual_date(self):
        d = one_date("Quảng Ngãi, ngày 12 tháng 01 năm 2026")
        assert (d.text, d.kind, d.day, d.month, d.year) == ("ngày 12 tháng 01 năm 2026", "date", 12, 1, 2026)
        d = one_date("Ngày 1 tháng 3, Sở ban hành")
        assert (d.day, d.month, d.year) == (1, 3, None)

    def test_month_ranges(self):
        d = one_date("Tháng 02–3/2026 triển khai.")
        assert (d.kind, d.month, d.end_month, d.year, d.end_year) == ("range", 2, 3, 2026, 2026)
        d = one_date("từ tháng 3 đến tháng 5/2026")
        assert (d.text, d.kind, d.month, d.end_month, d.year, d.end_year) == (
            "tháng 3 đến tháng 5/2026", "range", 3, 5, 2026, 2026)
        d = one_date("từ tháng 11 đến tháng 2/2026")
        assert (d.year, d.end_year) == (2025, 2026)  # the start year is inferred across the new year

    def test_day_ranges(self):
        d = one_date("từ ngày 1/9 đến 15/9/2026")
        assert (d.text, d.kind, d.day, d.month, d.year, d.end_day, d.end_month, d.end_year) == (
            "ngày 1/9 đến 15/9/2026", "range", 1, 9, 2026, 15, 9, 2026)
        d = one_date("trong hai ngày 3 – 4/7/2020")
        assert (d.kind, d.day, d.end_day, d.month, d.year) == ("range", 3, 4, 7, 2020)
        d = one_date("từ 8h đến 11h30")
        assert (d.kind, d.hour, d.end_hour, d.end_minute) == ("range", 8, 11, 30)
        d = one_date("(02/12/1960 - 02/12/2025)")
        assert (d.year, d.end_year) == (1960, 2025)

    @pytest.mark.parametrize(
        ("text", "kind", "fields"),
        [
            ("tối 13/10", "date", {"day": 13, "month": 10, "part_of_day": "tối"}),
            ("Chiều ngày 3/7/2020, tại", "date", {"day": 3, "month": 7, "year": 2020, "part_of_day": "chiều"}),
            ("Quý II/2026", "quarter", {"quarter": 2, "year": 2026}),
            ("quý 3 năm 2026", "quarter", {"quarter": 3, "year": 2026}),
            ("trong quý IV", "quarter", {"quarter": 4, "year": None, "qualifier": "during"}),
            ("năm học 2025–2026", "school_year", {"year": 2025, "end_year": 2026}),
            ("Năm học 2017 - 2018", "school_year", {"year": 2017, "end_year": 2018}),
            ("tháng 9/2026", "month", {"month": 9, "year": 2026}),
            ("tháng 10 năm 2026", "month", {"month": 10, "year": 2026}),
            ("nộp trước 30/6", "date", {"day": 30, "month": 6, "qualifier": "before"}),
            ("áp dụng từ 15/8", "date", {"day": 15, "month": 8, "qualifier": "from"}),
            ("hằng tháng", "periodic", {"period": "month"}),
            ("hàng năm", "periodic", {"period": "year"}),
            ("định kỳ", "periodic", {"period": None}),
            ("ngày 01/3/2022", "date", {"day": 1, "month": 3, "year": 2022}),
            ("ngày 1.3.2022", "date", {"day": 1, "month": 3, "year": 2022}),
            ("ngày 29/2/2024", "date", {"day": 29, "month": 2, "year": 2024}),
            ("năm 2022", "year", {"year": 2022}),
            ("giai đoạn 2021–2025", "range", {"year": 2021, "end_year": 2025}),
            ("Thời tiết hôm nay (18/8): mưa", "date", {"day": 18, "month": 8}),
            ("Thứ Hai, 14/10", "date", {"day": 14, "month": 10}),
            ("đến hết 9/2026", "month", {"month": 9, "year": 2026, "qualifier": "until"}),
        ],
    )
    def test_forms(self, text, kind, fields):
        d = one_date(text)
        assert d.kind == kind
        for k, v in fields.items():
            assert getattr(d, k) == v, k

    def test_list_of_dates(self):
        found = find_dates("họp ngày 3/6 và 5/6")
        assert [(d.text, d.day) for d in found] == [("ngày 3/6", 3), ("5/6", 5)]

    @pytest.mark.parametrize(
        "text",
        [
            "Có 21.340 học sinh",
            "tăng 4,6%",
            "phiên bản 1.2.3 và 2.10",
            "Số: 182/KH-SGDĐT",
            "Kế hoạch 68/KH-BGDĐT",
            "3/4 số trường đạt chuẩn",
            "3/4 số trường và 1/2 số lớp",
            "110/212 điều kiện",
            "lớp 10/3",
            "ngày 31/2",
            "ngày 30/2/2024",
            "ngày 29/2/2023",
            "25 giờ",
            "24h30",
            "8h75",
            "trong 24 giờ",
            "trong vòng 24h",
            "tối đa 2 giờ",
            "ISO 9001:2015",
            "0912.345.678",
            "1.250.000 đồng",
            "3 tháng",
            "năm học 2019 – 2022",
        ],
    )
    def test_not_dates(self, text):
        assert find_dates(text) == []

    def test_fraction_with_support_is_a_date(self):
        assert one_date("hạn 3/4 số trường").day == 3  # "hạn" supports it: precision over recall

    def test_mention_offsets_in_a_paragraph(self):
        text = (
            "Chiều ngày 3/7/2020, tại tỉnh Phú Thọ, hội nghị diễn ra trong hai ngày 3 – 4/7 "
            "và tổng kết năm học 2019 – 2020; tính đến 11h ngày 22/8 đã quyên góp 365,6 tỷ đồng."
        )
        found = find_dates(text)
        assert [d.text for d in found] == ["Chiều ngày 3/7/2020", "ngày 3 – 4/7", "năm học 2019 – 2020", "11h ngày 22/8"]
        for d in found:
            assert text[d.start:d.end] == d.text


# --------------------------------------------------------------------------- figures


class TestNumbers:
    def test_figures_with_units(self):
        text = "Năm nay có 21.340 học sinh dự thi, tăng 4,6%; kinh phí 1,2 tỷ đồng và 150 triệu đồng, 50.000đ."
        found = find_numbers(text)
        assert [(n.text, n.value, n.unit, n.kind) for n in found] == [
            ("21.340 học sinh", 21340.0, "học sinh", "count"),
            ("4,6%", 4.6, "%", "percent"),
            ("1,2 tỷ đồng", 1.2e9, "đồng", "money"),
            ("150 triệu đồng", 150e6, "đồng", "money"),
            ("50.000đ", 50000.0, "đ", "money"),
        ]
        for n in found:
            assert text[n.start:n.end] == n.text

    @pytest.mark.parametrize(
        ("text", "value", "unit", "kind"),
        [
            ("1.250.000 đồng", 1250000.0, "đồng", "money"),
            ("chiếm 51,9%", 51.9, "%", "percent"),
            ("5.000 m2", 5000.0, "m2", "measure"),
            ("trong 30 ngày", 30.0, "ngày", "duration"),
            ("12 bộ, ngành", 12.0, "bộ", "count"),
            ("khoảng 3,5 triệu", 3.5e6, "triệu", "amount"),
            ("200 em", 200.0, "em", "count"),
            ("đạt 80 điểm", 80.0, "điểm", "count"),
            ("còn 7 trường", 7.0, "trường", "count"),
            ("1.250.000,5 đồng", 1250000.5, "đồng", "money"),
        ],
    )
    def test_values(self, text, value, unit, kind):
        (n,) = find_numbers(text)
        assert (n.value, n.unit, n.kind) == (value, unit, kind)

    @pytest.mark.parametrize(
        "text",
        [
            "ngày 3/6/2026 lúc 8h30",
            "năm 2022",
            "Số: 182/KH-SGDĐT",
            "lớp 10, Điều 7, khoản 2, số 182, khóa XI",
            "Kế hoạch 142 và Nghị định 30",
            "Chương trình GDPT 2018 và ISO 9001:2015",
            "dịch Covid-19",
            "1. Truyền thông về công tác",
            "ĐT: 0255 3822 123",
            "xem https://moet.gov.vn/tin-tuc/2026",
            "năm 2026 vẫn vậy",
            "Luật Giáo dục 2019",
            "thứ 2 hằng tuần",
        ],
    )
    def test_not_figures(self, text):
        assert find_numbers(text) == []

    def test_plain_count(self):
        (n,) = find_numbers("Có 6 nhiệm vụ và 2026.")
        assert n.text == "6 nhiệm vụ"


# --------------------------------------------------------------------------- contacts


class TestContacts:
    def test_forms(self):
        text = (
            "ĐT: 0255 3822 123; DĐ: 0912.345.678; (0255) 3.822.xxx; +84 912 345 678; (+84) 255 3822 123; "
            "Tel: 024.3869.4795 - Fax: 024 3869 4085; đường dây nóng 1900 1234; "
            "Email: vanphong@gddt.quangngai.gov.vn; web: https://moet.gov.vn/tin-tuc, www.x.vn."
        )
        found = find_contacts(text)
        assert [(c.text, c.kind, c.value, c.placeholder) for c in found] == [
            ("0255 3822 123", "phone", "02553822123", False),
            ("0912.345.678", "phone", "0912345678", False),
            ("(0255) 3.822.xxx", "phone", "02553822xxx", True),
            ("+84 912 345 678", "phone", "0912345678", False),
            ("(+84) 255 3822 123", "phone", "02553822123", False),
            ("024.3869.4795", "phone", "02438694795", False),
            ("024 3869 4085", "phone", "02438694085", False),
            ("1900 1234", "phone", "19001234", False),
            ("vanphong@gddt.quangngai.gov.vn", "email", "vanphong@gddt.quangngai.gov.vn", False),
            ("https://moet.gov.vn/tin-tuc", "url", "https://moet.gov.vn/tin-tuc", False),
            ("www.x.vn", "url", "www.x.vn", False),
        ]
        for c in found:
            assert text[c.start:c.end] == c.text

    def test_trailing_year_is_not_part_of_the_number(self):
        found = find_contacts("Gọi 0912 345 678 2026 để biết.")
        assert [c.text for c in found] == ["0912 345 678"]

    @pytest.mark.parametrize(
        "text",
        [
            "ngày 01.3.2022",
            "21.340 học sinh",
            "1.250.000 đồng",
            "năm 2025 2026",
            "Số: 182/KH-SGDĐT",
            "123 456",
            "0255",
            "xxx xxx xxxx",
        ],
    )
    def test_not_contacts(self, text):
        assert find_contacts(text) == []

    def test_mailto(self):
        (c,) = find_contacts("mailto:VanPhong@MOET.gov.vn")
        assert (c.kind, c.value) == ("email", "vanphong@moet.gov.vn")


# --------------------------------------------------------------------------- robustness

ALPHABET = list(
    "aAđĐăâêôơưƯÂÊÔĐhHTtPpGgDUBNDCcSsQqVvXxIi0123456789"
    ".,;:!?…/\\-–&@()“”\"'%+ \t\nİ"
) + ["ngày ", "tháng ", "quý ", "năm học ", "sáng ", "giờ ", "h", "GD&ĐT", "(", ")", "gọi tắt là ", "Lưu: "]

any_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(ALPHABET), max_size=150).map("".join),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_entities_never_raise_and_keep_offsets(text):
    for use in find_acronyms(text):
        assert text[use.start:use.end] == use.short
    for d in find_definitions(text):
        assert text[d.long_start:d.long_end] == d.long_form
        assert text[d.short_start:d.short_end] == d.short
        assert 0 <= d.start <= d.end <= len(text)
    for u in undefined_acronyms(text):
        assert text[u.start:u.end] == u.short
    prev = -1
    for d in find_dates(text):
        assert text[d.start:d.end] == d.text
        assert d.start >= prev
        prev = d.end
        if d.month is not None:
            assert 1 <= d.month <= 12
        if d.hour is not None:
            assert 0 <= d.hour <= 24
        if d.minute is not None:
            assert 0 <= d.minute <= 59
    for n in find_numbers(text):
        assert text[n.start:n.end] == n.text
    for c in find_contacts(text):
        assert text[c.start:c.end] == c.text


@pytest.mark.parametrize(
    "text",
    [
        "UBND THPT " * 2000,
        "(UBND) " * 2000,
        "gọi tắt là " * 2000,
        "1 " * 5000,
        "ngày 1/" * 3000,
        "a@b." * 3000,
        "(" * 20000,
        "0" * 20000,
        "." * 20000,
        "KẾ HOẠCH " * 2000,
    ],
)
def test_degenerate_inputs(text):
    find_acronyms(text)
    find_definitions(text)
    undefined_acronyms(text)
    find_dates(text)
    find_numbers(text)
    find_contacts(text)
