"""kit.rubrics.people: named people, attributed quotes and contact blocks."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit.rubrics.people import find_contact_block, find_people, find_quotes, quoted_spans


def _names(text):
    return [p.name for p in find_people(text)]


# --------------------------------------------------------------------------- people


class TestPeople:
    @pytest.mark.parametrize(
        "text, name, title",
        [
            ("ông Nguyễn Văn An, Giám đốc Sở GD&ĐT, cho biết.", "Nguyễn Văn An", "Giám đốc Sở GD&ĐT"),
            ("bà Lê Thị Bình – Phó Trưởng phòng Giáo dục Tiểu học – chia sẻ.", "Lê Thị Bình",
             "Phó Trưởng phòng Giáo dục Tiểu học"),
            ("Thầy Trần Cường (Hiệu trưởng Trường THCS Lê Lợi) nói.", "Trần Cường", "Hiệu trưởng Trường THCS Lê Lợi"),
            ("PGS.TS Nguyễn Đức Dũng, Thứ trưởng Bộ GD&ĐT, nhấn mạnh.", "Nguyễn Đức Dũng", "Thứ trưởng Bộ GD&ĐT"),
            ("Bà H’Năm Byă, Phó Giám đốc Sở GD&ĐT, nói:", "H’Năm Byă", "Phó Giám đốc Sở GD&ĐT"),
            ("Ông Trần Minh Khoa, Trưởng phòng Giáo dục Trung học, Sở GD&ĐT, cho biết:", "Trần Minh Khoa",
             "Trưởng phòng Giáo dục Trung học, Sở GD&ĐT"),
            ("chị Vàng Thị Dở, 34 tuổi, học viên ở xã Lũng Cú, kể", "Vàng Thị Dở", "học viên ở xã Lũng Cú"),
            ("Ông Phan Đức Lâm, Chánh Văn phòng Sở GD&ĐT Nghệ An\nĐiện thoại", "Phan Đức Lâm",
             "Chánh Văn phòng Sở GD&ĐT Nghệ An"),
        ],
    )
    def test_title_after_name(self, text, name, title):
        (p,) = find_people(text)
        assert (p.name, p.title) == (name, title)
        assert text[p.name_start:p.name_end] == name
        assert text[p.title_start:p.title_end] == title

    @pytest.mark.parametrize(
        "text, name",
        [
            ("Giám đốc Sở GD&ĐT Hà Nội Trần Thế Cương cho biết: “…”", "Trần Thế Cương"),
            ("Hiệu trưởng nhà trường, thầy Nguyễn Văn Bình, cho biết:", "Nguyễn Văn Bình"),
            ("Thứ trưởng Bộ Giáo dục và Đào tạo Phạm Ngọc Thưởng nhấn mạnh", "Phạm Ngọc Thưởng"),
        ],
    )
    def test_title_before_name(self, text, name):
        (p,) = find_people(text)
        assert p.name == name
        assert p.titled and p.official

    def test_official_and_descriptor(self):
        off, desc = find_people("ông Lê Văn Hưng, Giám đốc Sở, và cô Lê Thị Hoa, giáo viên lớp 5A, cùng dự.")
        assert off.official and not desc.official and desc.titled

    def test_short_reference_inherits_title(self):
        people = find_people("Theo ông Lê Văn Hưng, Giám đốc Sở GD&ĐT, việc này cần làm sớm. Ông Hưng nói thêm.")
        assert [p.name for p in people] == ["Lê Văn Hưng", "Hưng"]
        assert people[1].ref == 0 and people[1].title == "Giám đốc Sở GD&ĐT"

    @pytest.mark.parametrize(
        "text",
        [
            "Học sinh Cần Thơ tranh tài ở vòng chung kết.",
            "Tỉnh Bà Rịa - Vũng Tàu cũ nay thuộc TP.HCM.",
            "Tới dự có đồng chí Phó Chủ tịch UBND tỉnh.",
            "Giám đốc Sở GD&ĐT Hà Nội cho biết thêm.",
            "Em nào không dự lễ sẽ nhận qua tài khoản.",
            "Ông Hưng nói.",  # a lone syllable is only a short reference to an earlier full name
            "Huyện Anh Sơn có 12 trường.",
        ],
    )
    def test_not_people(self, text):
        assert find_people(text) == []


# --------------------------------------------------------------------------- quotes


def _quote(text):
    quotes = find_quotes(text)
    assert len(quotes) == 1, quotes
    return quotes[0]


class TestQuotes:
    @pytest.mark.parametrize(
        "text, speaker",
        [
            ("“Số tiền này đủ để các em mua sách vở”, bà Hồ Thị Minh Nguyệt, Phó Giám đốc Sở GD&ĐT, cho biết.",
             "Hồ Thị Minh Nguyệt"),
            ("Ông Lý Seo Chẩn, Phó Giám đốc Sở GD&ĐT, nói: “Giờ các em được ở, ăn và học trong một khuôn viên.”",
             "Lý Seo Chẩn"),
            ("“Một bữa trưa đủ chất giữ các em ở lại lớp” – bà Nguyễn Thị Bích Thủy, Phó Giám đốc Sở, chia sẻ.",
             "Nguyễn Thị Bích Thủy"),
            ('"Không gia đình nào phải lo tiền học cho con", PGS.TS Trần Văn Nam, Thứ trưởng Bộ GD&ĐT, nhấn mạnh.',
             "Trần Văn Nam"),
            ("«Các con ra chơi là chạy ra đây đọc sách», cô Lê Thị Hoa (Hiệu trưởng nhà trường) nói.", "Lê Thị Hoa"),
            ("Giám đốc Sở GD&ĐT Hà Nội Trần Thế Cương cho biết: “Chúng tôi ưu tiên người ở tại chỗ.”",
             "Trần Thế Cương"),
            ("Theo bà Nguyễn Thị Hạnh, Phó Giám đốc Sở, “tiền sẽ đến tay các em trước ngày 15/11”.",
             "Nguyễn Thị Hạnh"),
        ],
    )
    def test_titled_speaker(self, text, speaker):
        q = _quote(text)
        assert q.attribution == "titled" and q.speaker.name == speaker
        assert text[q.start] in "“\"«" and text[q.end - 1] in "”\"»"
        assert text[q.cue_start:q.cue_end].strip()

    def test_later_short_reference(self):
        text = ("Theo ông Lê Văn Hưng, Giám đốc Sở GD&ĐT, thời gian không dài. “Giáo viên cần biết bài nào mới và "
                "nên dạy thế nào”, ông Hưng nói.")
        q = _quote(text)
        assert q.attribution == "titled" and q.speaker.name == "Hưng"

    def test_split_quote_shares_speaker(self):
        text = ("“Có trường phải chuyển học sinh lên tầng hai”, bà Võ Thị Thanh, Giám đốc Sở GD&ĐT, cho biết. "
                "“Nhưng chúng tôi vẫn muốn các em trở lại lớp sớm.”")
        quotes = find_quotes(text)
        assert [q.attribution for q in quotes] == ["titled", "titled"]
        assert quotes[1].speaker.name == "Võ Thị Thanh"

    def test_pronoun_speaker(self):
        text = ("Chị Vàng Thị Dở, 34 tuổi, học viên ở xã Lũng Cú, kể chuyện cũ. "
                "“Giờ tôi tự đọc được, còn dạy lại cho chồng”, chị nói.")
        q = _quote(text)
        assert q.speaker.name == "Vàng Thị Dở" and q.attribution == "titled"

    @pytest.mark.parametrize(
        "text",
        [
            "Đại diện lãnh đạo Sở GD&ĐT cho biết: “Phát triển văn hóa đọc là nhiệm vụ lâu dài.”",
            "“Ngày hội rất bổ ích, giúp em hiểu rõ hơn về ngành nghề”, một em học sinh chia sẻ.",
            "Một cán bộ của Sở cho biết: “Khó nhất là giữ chân học viên mùa nương.”",
            "“Nhiều phụ huynh không phải xin nghỉ để đi nộp hồ sơ nữa”, lãnh đạo Sở cho biết.",
        ],
    )
    def test_role_speaker(self, text):
        assert _quote(text).attribution == "role"

    def test_unattributed_speech(self):
        q = _quote("Buổi lễ kết thúc lúc 10 giờ. “Chúng tôi rất vui, các em đã có trường mới.” Sau đó đoàn ra về.")
        assert q.attribution == "none" and q.speaker is None

    @pytest.mark.parametrize(
        "text",
        [
            "Chi tiết được đăng tại mục “Tuyển dụng” trên trang của Sở.",
            "Các vận động viên thi đấu với tinh thần “Đoàn kết - Trung thực - Cao thượng - Thượng võ”.",
            "Chương trình “Chung tay vì học sinh vùng lũ” đã trao 500 suất quà.",
        ],
    )
    def test_names_and_slogans_are_not_quotes(self, text):
        assert find_quotes(text) == []
        assert quoted_spans(text)  # but they are quoted passages


# --------------------------------------------------------------------------- contact block


class TestContactBlock:
    def test_multiline_block(self):
        text = ("Sở sẽ trao đợt hai vào tháng 11.\n\nThông tin liên hệ:\nÔng Phan Đức Lâm, Chánh Văn phòng Sở\n"
                "Điện thoại: 0238 3844 126\nEmail: vanphong@sgdnghean.edu.vn")
        b = find_contact_block(text)
        assert b.person.name == "Phan Đức Lâm"
        assert [c.value for c in b.phones] == ["02383844126"] and len(b.emails) == 1
        assert text[b.cue[0]:b.cue[1]] == "Thông tin liên hệ"
        assert b.start == text.index("Thông tin liên hệ") and b.end == len(text)

    def test_one_line_block(self):
        text = ("Sở công bố kết quả.\n\nLiên hệ báo chí: bà Lưu Thị Thanh Hà, Phó Chánh Văn phòng Bộ GD&ĐT; "
                "điện thoại 024 3869 4123; email baochi@bogddt-vn.edu.vn.")
        b = find_contact_block(text)
        assert b.person.name == "Lưu Thị Thanh Hà" and b.phones and b.emails

    def test_unit_only(self):
        text = ("Điểm thi công bố ngày 18/6.\n\nThông tin liên hệ: Phòng Quản lý chất lượng, Sở GD&ĐT Đà Nẵng; "
                "điện thoại 0236 3890 123; email qlcl@danang.edu.vn")
        b = find_contact_block(text)
        assert b.person is None and text[b.unit[0]:b.unit[1]] == "Phòng Quản lý chất lượng"

    def test_cue_without_details(self):
        text = "Ngày hội thu hút nhiều học sinh.\n\nMọi chi tiết xin liên hệ Văn phòng Sở GD&ĐT thành phố Huế."
        b = find_contact_block(text)
        assert b.phones == () and b.emails == () and b.unit is not None

    def test_sentence_before_is_not_the_contact(self):
        b = find_contact_block("Sở trao 500 suất học bổng. Điện thoại: 0238 3844 126.")
        assert b.person is None and b.unit is None and len(b.phones) == 1

    def test_placeholder_phone(self):
        b = find_contact_block("Liên hệ: bà Trần Thị Thu, Văn phòng Sở, ĐT 0255 3822 xxx, email vp@sgd.edu.vn")
        assert b.phones and b.phones[0].placeholder

    def test_none(self):
        assert find_contact_block("Sở trao 500 suất học bổng cho học sinh vùng lũ.") is None


# --------------------------------------------------------------------------- robustness

ALPHABET = list("aAđĐăâêôơưhHTtPpGgDUBNCcSsQqVvXx0123456789.,;:!?…/-–&@()“”«»\"' \t\n") + [
    "ông ", "bà ", "Nguyễn ", "Văn ", "Giám đốc ", "Phó ", "Sở GD&ĐT ", "cho biết", ": “", "”, ", "liên hệ ",
    "Điện thoại: 0238 3844 126 ", "vp@sgd.edu.vn ", "PGS.TS ", "Theo ", "chị nói", "Hà Nội ", "\n\n",
]
any_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(ALPHABET), max_size=120).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_never_raises_and_keeps_offsets(text):
    people = find_people(text)
    for p in people:
        assert text[p.name_start:p.name_end] == p.name
        assert 0 <= p.start <= p.name_start < p.name_end <= len(text)
        if p.title_start >= 0 and p.ref is None:
            assert text[p.title_start:p.title_end] == p.title
    for q in find_quotes(text, people):
        assert text[q.start + 1:q.end - 1] == q.text
        assert q.attribution in ("titled", "named", "role", "none")
    b = find_contact_block(text)
    if b is not None:
        assert 0 <= b.start <= b.end <= len(text)


def test_long_input_is_fast():
    import time

    text = ("Ông Nguyễn Văn An, Giám đốc Sở GD&ĐT, nói: “Các em được học trong trường mới.” " * 2000
            + "\nLiên hệ: bà Lê Thị B, ĐT 0238 3844 126, email vp@sgd.edu.vn")
    t0 = time.perf_counter()
    find_quotes(text)
    find_contact_block(text)
    assert time.perf_counter() - t0 < 3.0
