"""Unit tests of the hot-issue statement rubric (kit/rubrics/hot_issue.py).

Each criterion is tried on short realistic snippets written for these tests (not the
corpus): phrasings, orders and formats other writers use, what must pass, what must
fail, and where the highlight lands. Then the whole rubric must never raise.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit.rubrics import hot_issue as hi
from kit.scoring import score
from kit.scoring.draft import Draft
from tests.conftest import highlighted  # noqa: F401  (and the vietnamese fixture)

CRITERIA = {c.id: c for c in hi.RUBRIC.criteria}


def check(cid: str, text: str):
    return CRITERIA[cid].check(Draft(text))


# --------------------------------------------------------------------------- rubric shape


def test_ids_and_weights():
    assert set(CRITERIA) == {"timeliness", "empathy", "verified_facts", "tone", "actions", "next_update",
                             "spokesperson", "privacy"}
    assert hi.RUBRIC.total_weight == 100
    for c in hi.RUBRIC.criteria:
        assert str(int(c.weight)) in c.check.__doc__, f"{c.id}: the docstring states its weight"


# --------------------------------------------------------------------------- timeliness

LEAD = "Khoảng 21 giờ ngày 12/11/2026, trên mạng xã hội xuất hiện video học sinh đánh nhau gần cổng trường. "


@pytest.mark.parametrize("text, frac", [
    # ≤ 1 h, release sentence at the end
    (LEAD + "Thông tin này được phát hành lúc 21 giờ 50 cùng ngày.", 1.0),
    # ≤ 6 h, dateline with the time in the header
    ("Hà Nội, 23 giờ 30 ngày 12/11/2026\n\n" + LEAD, 0.9),
    # "(cập nhật lúc …)" under a heading, time-only, "tối nay" in the lead
    ("THÔNG TIN BAN ĐẦU (cập nhật lúc 23 giờ 30)\n\nKhoảng 21 giờ tối nay, trên mạng xã hội lan truyền video.", 0.9),
    # "Phát hành:" header, the "h" format, release after midnight
    ("Phát hành: 0h30 ngày 13/11/2026\n\n" + LEAD, 0.9),
    # "hôm qua": the day before the release
    ("Hà Nội, 1 giờ 30 ngày 13/11/2026\n\nTối qua, lúc 22 giờ, một phụ huynh đăng bài phản ánh trên mạng xã hội.", 0.9),
    # the clock starts when the incident surfaced, not when it happened
    ("Khoảng 3 giờ sáng nay, 20/10/2026, tường rào của trường bị đổ. Lúc 6 giờ 10, hình ảnh được đăng "
     "trên mạng xã hội.\n\nThông tin được phát hành lúc 6 giờ 55 cùng ngày.", 1.0),
    # "vào hồi … phút" and a comma between time and date
    ("Vào hồi 14 giờ 05 phút ngày 3/4/2026, tại phòng thí nghiệm xảy ra cháy nhỏ.\n\n"
     "Thời gian phát hành: 15 giờ 20, ngày 3/4/2026.", 0.9),
    # only the release day and a part of the day: same morning
    ("Hà Nội, 10 giờ 40 ngày 3/6/2026\n\nSáng nay, trên mạng xã hội xuất hiện hình ảnh đề thi.", 0.9),
])
def test_timeliness_fast_enough(text, frac):
    f = check("timeliness", text)
    assert f.fraction == pytest.approx(frac), f
    assert f.judged


@pytest.mark.parametrize("text, frac", [
    # within the legal 24 h but beyond the Ministry's 6 h
    (LEAD + "Thông tin này được phát hành lúc 16 giờ ngày 13/11/2026.", 0.6),
    # days late, dateline without a time
    ("Hà Nội, ngày 16/11/2026\n\n" + LEAD, 0.1),
    ("Ngày 14/10/2026, trên mạng xã hội lan truyền bài viết phản ánh sữa học đường có mùi lạ.\n\n"
     "Sở GD&ĐT Vĩnh Long, ngày 18/10/2026", 0.1),
    # the evening before, released next morning
    ("Bản Lầu, 9 giờ 35 ngày 18/8/2026\n\nTối 17/8, một số người dân đăng hình ảnh vết nứt lên mạng xã hội.", 0.6),
])
def test_timeliness_late(text, frac):
    f = check("timeliness", text)
    assert f.fraction == pytest.approx(frac), f
    assert f.message
    assert f.fraction < 0.75


def test_timeliness_spans_point_at_both_times():
    text = LEAD + "Thông tin này được phát hành lúc 16 giờ ngày 13/11/2026."
    f = check("timeliness", text)
    assert highlighted(text, f) == ["21 giờ ngày 12/11/2026", "16 giờ ngày 13/11/2026"]


@pytest.mark.parametrize("text", [
    "Trên mạng xã hội xuất hiện video học sinh đánh nhau. Sở GD&ĐT đã chỉ đạo nhà trường xác minh.",
    LEAD + "Sở GD&ĐT đã chỉ đạo nhà trường xác minh.",  # no release time
    "Thời gian gần đây, mạng xã hội lan truyền tin đồn bắt cóc.\n\nTây Ninh, ngày 27/3/2026",  # no incident time
])
def test_timeliness_cannot_judge_without_both_times(text):
    f = check("timeliness", text)
    assert not f.judged and f.fraction == 0.5
    assert f.message


def test_timeliness_future_update_is_not_the_release():
    text = LEAD + "Sở sẽ cập nhật lúc 8 giờ ngày 13/11/2026 trên Cổng thông tin điện tử."
    assert not check("timeliness", text).judged


def test_timeliness_same_day_without_hours():
    text = "Ngày 12/11/2026, trên mạng xã hội xuất hiện video.\n\nHà Nội, ngày 12/11/2026"
    f = check("timeliness", text)
    assert f.fraction == pytest.approx(0.75) and f.message


# --------------------------------------------------------------------------- empathy


@pytest.mark.parametrize("text", [
    "Sở GD&ĐT rất tiếc vì sự việc đã xảy ra. Chúng tôi chia sẻ với em học sinh và gia đình em.",
    "Nhà trường thành thật xin lỗi quý phụ huynh và các em học sinh.",
    "Chúng tôi hiểu rằng thông tin này khiến nhiều thí sinh và phụ huynh lo lắng.",
    "Ban Giám hiệu hiểu nhiều gia đình đã rất hoang mang khi xem video.",
    "Sở GD&ĐT vô cùng đau xót trước sự ra đi của em và xin gửi lời chia buồn sâu sắc tới gia đình.",
    "Sở GD&ĐT chia sẻ nỗi lo của các gia đình có con học tại điểm trường.",
    "UBND xã thấu hiểu sự lo lắng của bà con và mong các cháu sớm bình phục.",
    "SỞ GD&ĐT CHIA SẺ VỚI CÁC EM VÀ GIA ĐÌNH.",
])
def test_empathy_passes(text):
    assert check("empathy", text).fraction == 1.0


@pytest.mark.parametrize("text, frac", [
    ("Sở GD&ĐT thông tin như sau. Nhà trường đã báo cáo sự việc.", 0.0),
    ("Đề nghị người dân không chia sẻ video. Chúng tôi không chia sẻ với báo chí khi chưa xác minh.", 0.0),
    ("Việc một bộ phận phụ huynh thiếu hiểu biết đã khiến nhiều người lo lắng.", 0.0),
    ("Tin đồn khiến nhiều phụ huynh hoang mang, lo lắng.", 0.0),
    ("Hiệu trưởng đã đến nhà em học sinh để thăm hỏi, động viên.", 0.5),
])
def test_empathy_fails(text, frac):
    f = check("empathy", text)
    assert f.fraction == frac
    assert f.message


def test_empathy_highlights_the_caring_actions():
    text = "Hiệu trưởng đã đến nhà em học sinh để thăm hỏi. Giáo viên tư vấn tâm lý sẽ gặp em."
    assert highlighted(text, check("empathy", text)) == ["thăm hỏi", "tư vấn tâm lý"]


# --------------------------------------------------------------------------- verified facts

OPEN = " Nguyên nhân đang được cơ quan công an làm rõ."


@pytest.mark.parametrize("text", [
    "Đã xác định: không có học sinh bị thương. Nguyên nhân vụ cháy đang được cơ quan chức năng điều tra.",
    "Sở chưa kết luận tường đổ do gió bão, do nền đất sũng nước hay do chất lượng công trình.",
    "Hiện chưa xác định được nguyên nhân. Chưa thể nói các em bị ngộ độc do món ăn nào.",
    "Theo kết luận ban đầu của Cảnh sát PCCC, nguyên nhân là do chập điện tại ổ cắm. Sở sẽ thông tin khi có "
    "kết luận chính thức.",
    "Bước đầu xác định nguyên nhân là do chập điện; cơ quan chức năng đang tiếp tục làm rõ.",
    "Các em nghỉ học hôm nay do bão số 13. Việc xác minh nguồn gốc văn bản giả đang được tiến hành.",
    "Sở xin lỗi phụ huynh. Đây là sơ suất của Sở trong khâu kiểm tra, chúng tôi nhận trách nhiệm." + OPEN,
    "Nhà trường không cố tình che giấu thông tin. Sở chưa có kết luận về trách nhiệm của bất kỳ ai.",
    "Những người cố tình chia sẻ video sẽ bị nhắc nhở. Sự việc đang được xác minh.",
    "Nguyên nhân là gì vẫn chưa được xác định.",
])
def test_verified_facts_passes(text):
    f = check("verified_facts", text)
    assert f.fraction == 1.0, f


@pytest.mark.parametrize("text", [
    "Nguyên nhân là do món thịt lợn kho để qua đêm." + OPEN,
    "Nguyên nhân tai nạn là do tài xế chạy quá tốc độ khi xuống dốc." + OPEN,
    "Các em đau bụng có thể do ăn uống ở ngoài cổng trường trước đó." + OPEN,
    "Nhiều khả năng một số hộp sữa bị hỏng là do học sinh để ngoài nắng quá lâu." + OPEN,
    "Giáo viên chủ nhiệm đã buông lỏng quản lý nên không nắm được mâu thuẫn." + OPEN,
    "Có thể đây là hành động của một số người có động cơ không trong sáng." + OPEN,
    "Sự việc xảy ra do học sinh nghịch ngợm, phụ huynh thiếu quan tâm." + OPEN,
    "Người đăng bài đã cố tình cắt ghép hình ảnh." + OPEN,
])
def test_verified_facts_flags_guesses(text):
    f = check("verified_facts", text)
    assert f.fraction < 0.75 and f.message
    first = highlighted(text, f)[0]
    assert "làm rõ" not in first  # the guess is highlighted, not the hedge after it


def test_verified_facts_without_unknowns_is_partial():
    f = check("verified_facts", "Sở GD&ĐT thông tin: 27 học sinh được đưa đi cấp cứu, hiện đã ổn định.")
    assert f.fraction == pytest.approx(0.6) and f.message and not f.spans


# --------------------------------------------------------------------------- tone


@pytest.mark.parametrize("text", [
    # a denial backed by evidence is fine
    "Sở GD&ĐT khẳng định không ban hành văn bản này. Cụ thể: sổ đăng ký văn bản đi của Sở không có văn bản số 1520.",
    "Thông tin học sinh bị bắt cóc là sai sự thật. Qua xác minh với Công an phường, video được chia sẻ là video cũ "
    "quay năm 2023 tại tỉnh khác.",
    # protective requests are not blaming the public or the press
    "Chúng tôi đề nghị cộng đồng không suy đoán và không chia sẻ hình ảnh của các em.",
    "Đề nghị các cơ quan báo chí không đưa tin về danh tính, hình ảnh của các em học sinh.",
    "Đề nghị phụ huynh không chia sẻ để không vô tình tiếp tay cho kẻ lừa đảo.",
    "Phụ huynh cảnh giác với kẻ xấu lợi dụng vụ việc để gọi điện lừa đảo.",
    "Chính phụ huynh là người phát hiện và báo cho nhà trường kịp thời, chúng tôi cảm ơn gia đình.",
    "Để tránh hiểu sai, Sở xin nói rõ: chỉ học sinh 14 xã ven biển được nghỉ học.",
    "Việc xác định người làm giả văn bản thuộc thẩm quyền của cơ quan công an.",
])
def test_tone_passes(text):
    f = check("tone", text)
    assert f.fraction == 1.0, (f, highlighted(text, f))


@pytest.mark.parametrize("text, bad", [
    ("Thông tin trên mạng là hoàn toàn bịa đặt, do các đối tượng xấu tung ra nhằm câu view.", "đối tượng xấu"),
    ("Một số trang mạng và tờ báo đã giật tít, thổi phồng sự việc.", "giật tít"),
    ("Việc nhiều phụ huynh vội vàng chia sẻ văn bản giả cho thấy sự thiếu tỉnh táo.", "thiếu tỉnh táo"),
    ("Chỉ vì sự cả tin của một số người mà tin giả lan rộng.", "cả tin"),
    ("Đề nghị báo chí không khai thác thông tin từ mạng xã hội.", "Đề nghị báo chí không khai thác"),
    ("Đây chỉ là va chạm nhỏ giữa các em, xảy ra ngoài cổng trường.", "chỉ là va chạm nhỏ"),
    ("Sự việc hoàn toàn không có như phản ánh. Nhà trường luôn làm tốt công tác quản lý.", "hoàn toàn không có"),
    ("Đây là trường hợp cá biệt, không thuộc trách nhiệm quản lý trực tiếp của Sở.", "trường hợp cá biệt"),
    ("Việc một số phụ huynh đưa hình ảnh lên mạng khi chưa có kết luận là chưa phù hợp. Đây là thông tin sai "
     "sự thật.", "thông tin sai sự thật"),
    ("Một số tờ báo chưa liên hệ với Sở để xác minh đã vội đưa tin.", "tờ báo"),
])
def test_tone_flags_defensive_lines(text, bad):
    f = check("tone", text)
    assert f.fraction < 0.75 and f.message
    assert any(bad in h or h in bad for h in highlighted(text, f)), highlighted(text, f)


def test_tone_mild_self_justification_alone_is_not_flagged():
    f = check("tone", "Bếp ăn của trường được vận hành đúng quy trình một chiều.")
    assert f.fraction == pytest.approx(0.75) and f.message


# --------------------------------------------------------------------------- actions

TIMELINE = ("Những việc đã làm:\n"
            "- 19 giờ 50: Giám đốc Sở yêu cầu Hiệu trưởng báo cáo bằng văn bản.\n"
            "- 20 giờ 00: Hiệu trưởng đến nhà em học sinh để thăm hỏi.\n"
            "- 20 giờ 15: Sở cử chuyên viên đến trường làm việc cùng công an phường.\n")


@pytest.mark.parametrize("text", [
    TIMELINE,
    TIMELINE.replace("- ", "• "),
    TIMELINE.replace("- ", ""),  # lines without bullets
    "| Thời gian | Việc đã làm |\n| 8 giờ 15 | Chủ tịch UBND xã có mặt tại điểm trường |\n"
    "| 8 giờ 40 | Chuyển 62 học sinh sang học tạm tại nhà văn hóa thôn |\n| 9 giờ 00 | Căng dây cảnh báo khu vực |",
    "Lúc 21 giờ 30, Giám đốc Sở đã yêu cầu Hiệu trưởng báo cáo. Lúc 21 giờ 45, Hiệu trưởng đã liên hệ với gia đình. "
    "Ngay trong đêm, Sở đã cử đoàn công tác xuống trường.",
])
def test_actions_with_times_pass(text):
    assert check("actions", text).fraction == 1.0


@pytest.mark.parametrize("text", [
    "Sở GD&ĐT đã chỉ đạo nhà trường báo cáo, giải trình và rút kinh nghiệm sâu sắc.",
    "Lúc 21 giờ 10, một phụ huynh đăng bài trên mạng xã hội. Sở sẽ cử đoàn kiểm tra vào ngày mai.",
    "Đường dây nóng của Sở (trực đến 22 giờ hằng ngày): 0225 3745 190.",
    "Sở chưa nhận được báo cáo của nhà trường lúc 9 giờ.",
])
def test_actions_without_timed_steps_fail(text):
    f = check("actions", text)
    assert f.fraction < 0.75 and f.message


def test_actions_two_timed_steps_are_partial():
    text = "Lúc 21 giờ 30, Sở đã cử cán bộ đến trường. Lúc 21 giờ 45, Hiệu trưởng đã gọi điện cho gia đình."
    f = check("actions", text)
    assert 0.5 <= f.fraction < 0.75
    assert len(f.spans) == 2


# --------------------------------------------------------------------------- next update


@pytest.mark.parametrize("text", [
    "Sở GD&ĐT sẽ thông tin kết quả xác minh trước 11 giờ ngày 10/10/2026 trên Cổng thông tin điện tử của Sở.",
    "Thông tin tiếp theo\n\nLúc 16 giờ hôm nay, Sở sẽ cập nhật tình hình. Thông tin được đăng trên trang Facebook "
    "chính thức của Sở.",
    "Họp báo sẽ diễn ra lúc 15 giờ ngày 5/6 tại trụ sở Sở GD&ĐT.",
    "Nhà trường sẽ thông báo lịch học ngày mai trước 20 giờ hôm nay qua tin nhắn cho phụ huynh.",
    "Mọi thông tin chính thức sẽ được đăng tải trên Cổng thông tin điện tử của Sở trước 17 giờ ngày 7/12.",
])
def test_next_update_passes(text):
    assert check("next_update", text).fraction == 1.0


@pytest.mark.parametrize("text, frac", [
    ("Sở GD&ĐT sẽ tiếp tục thông tin khi có kết quả.", 0.3),
    ("Sở sẽ tiếp tục cập nhật trên Cổng thông tin điện tử của Sở.", 0.5),
    ("Sở sẽ công bố kết quả trước 17 giờ ngày 7/12/2026.", 0.6),
    ("Sở GD&ĐT đề nghị phụ huynh yên tâm cho con đến trường.", 0.0),
    # a past time earlier in the paragraph is not the time of the next update
    ("Lúc 21 giờ, Sở đã cử cán bộ đến trường. Sở sẽ tiếp tục thông tin trên Cổng thông tin điện tử.", 0.5),
    ("Sở sẽ không kết luận trước khi có kết quả xét nghiệm.", 0.0),
])
def test_next_update_partial_or_missing(text, frac):
    f = check("next_update", text)
    assert f.fraction == pytest.approx(frac) and f.message


# --------------------------------------------------------------------------- spokesperson

SPOKES = ("Người phát ngôn: ông Bùi Quang Huy, Phó Giám đốc Sở GD&ĐT Hải Phòng. Điện thoại: 0225 3842 118. "
          "Email: phatngon@sgdhaiphong.edu.vn.\nĐường dây nóng của Sở: 0225 3745 190.")


@pytest.mark.parametrize("text", [
    SPOKES,
    # field lines under the name
    "Người phát ngôn: bà Lò Thị Xuân, Phó Giám đốc Sở GD&ĐT Điện Biên\nĐiện thoại: 0215 3825 131\n"
    "Email: phatngon@sgd-dienbien.edu.vn\nĐường dây nóng của nhà trường: 0215 3880 164",
    # the cue after the name and title
    "Thông tin liên hệ: bà Nguyễn Thị Hoa, Chánh Văn phòng Sở, người phát ngôn của Sở, điện thoại 0236 3822 165. "
    "Đường dây nóng: 0236 3888 115.",
    # a principal speaking for a school, a national child hotline
    "Người phát ngôn: thầy Trần Minh Tuấn – Hiệu trưởng – ĐT: 0239 3855 621. Phụ huynh cần hỗ trợ gọi Tổng đài "
    "quốc gia bảo vệ trẻ em 111.",
])
def test_spokesperson_passes(text):
    assert check("spokesperson", text).fraction == 1.0


@pytest.mark.parametrize("text, frac", [
    ("Mọi thắc mắc xin liên hệ nhà trường.", 0.0),
    ("Người phát ngôn: Phó Giám đốc Sở GD&ĐT.", 0.5),  # a title without a name or a phone
    ("Người phát ngôn: ông Bùi Quang Huy, Phó Giám đốc Sở GD&ĐT Hải Phòng.", 0.7),  # no phone, no hotline
    ("Đường dây nóng của Sở: 0225 3745 190.", 0.35),
    ("Mọi thông tin xin liên hệ ông Trần Văn Nam, Chánh Văn phòng Sở, điện thoại 0225 3842 118.", 0.55),
])
def test_spokesperson_partial(text, frac):
    f = check("spokesperson", text)
    assert f.fraction == pytest.approx(frac) and f.message


# --------------------------------------------------------------------------- privacy


@pytest.mark.parametrize("text", [
    "Em học sinh bị đánh có vết bầm ở tay. Hiệu trưởng, thầy Nguyễn Văn Hùng, đã đến nhà em N.V.A. để thăm hỏi.",
    "Một học sinh lớp 8 của trường đã được đưa đến trạm y tế.",
    "Cô giáo Trần Thị Mai, giáo viên chủ nhiệm, đã ở lại cùng các em.",
    "Các em học sinh Trường THPT Lý Thường Kiệt và Trường THCS Nguyễn Du vẫn đi học bình thường.",
    "Tệp không có số định danh cá nhân, địa chỉ nhà hay ảnh của thí sinh.",
    "Ông Nguyễn Văn Tùng, phụ huynh học sinh, cho biết gia đình đã nhận lại tiền.",
    "Trẻ từ 3 đến 5 tuổi học tại các lớp mẫu giáo được nghỉ học.",
    "Bà Lê Thị Hoa, Phó Giám đốc Sở, đã đến bệnh viện thăm các em.",
])
def test_privacy_passes(text):
    f = check("privacy", text)
    assert f.fraction == 1.0, (f, highlighted(text, f))


@pytest.mark.parametrize("text, name", [
    ("Em Phạm Quốc Bảo, học sinh lớp 7A3, bị gãy xương cẳng tay.", "Phạm Quốc Bảo"),
    ("Em là Đỗ Khánh Linh, 16 tuổi, học sinh lớp 11A4.", "Đỗ Khánh Linh"),
    ("Tài khoản đăng đầu tiên mang tên Lê Hoàng Nam, là học sinh lớp 12A5 của trường.", "Lê Hoàng Nam"),
    ("Anh Nguyễn Văn Tùng, bố của em học sinh bị đánh, đã đăng bài lên mạng.", "Nguyễn Văn Tùng"),
    ("Nữ sinh Vàng Thị Dở đã được đưa đi cấp cứu.", "Vàng Thị Dở"),
    ("Trong số đó có cháu Lò Văn Páo.", "Lò Văn Páo"),
])
def test_privacy_flags_pupil_names(text, name):
    f = check("privacy", text)
    assert f.fraction == 0.0 and f.message
    assert name in highlighted(text, f)


@pytest.mark.parametrize("text", [
    "Cháu N.G.H. (4 tuổi, lớp Chồi 2) bị bỏ quên trên xe đưa đón.",
    "Một em học sinh lớp 4B, nhà ở số 12 ngõ 5 phường Tân Mai, bị thương nhẹ.",
])
def test_privacy_flags_other_identifying_details(text):
    f = check("privacy", text)
    assert f.fraction < 0.75 and f.message and f.spans


# --------------------------------------------------------------------------- no false alarms

# Sentences a careful writer may put in a good statement: none is defensive, a guess or a
# privacy fault. (Written for these tests; not from the corpus.)
CAREFUL = [
    'Phụ huynh đã nhận được cả tin nhắn và cuộc gọi mạo danh nhà trường.',
    'Một số đối tượng gây mất trật tự tại cổng trường đã bị công an phường tạm giữ.',
    'Sở GD&ĐT đã yêu cầu nhà trường làm rõ trách nhiệm của tập thể, cá nhân liên quan và sẽ xử lý nghiêm nếu có sai phạm.',
    'Nhà trường đã tạm đình chỉ công tác đối với giáo viên trong thời gian xác minh; đây không phải là kết luận vi phạm.',
    'Qua kiểm tra ban đầu, Sở xác định văn bản lan truyền trên mạng là giả mạo: số văn bản không có trong sổ đăng ký.',
    'Theo các bác sĩ, các em có biểu hiện rối loạn tiêu hóa, hiện sức khỏe đã ổn định.',
    'Kết quả xét nghiệm cho thấy nguyên nhân là do vi khuẩn trong món gà. Sở đã đình chỉ đơn vị cung cấp suất ăn.',
    'Nguyên nhân ban đầu được Công an huyện xác định là do chập điện.',
    'Vụ việc xảy ra do mưa lớn kéo dài làm sạt taluy phía sau trường.',
    'Trường học đóng cửa vì bão, học sinh nghỉ học có phép.',
    'Sở GD&ĐT không né tránh trách nhiệm và sẽ công khai kết quả xác minh.',
    'Chúng tôi cảm ơn các cơ quan báo chí đã phản ánh kịp thời để Sở vào cuộc.',
    'Đề nghị các cơ quan báo chí, phụ huynh không đăng tải hình ảnh, tên, trường, lớp của các em.',
    'Sở khuyến cáo phụ huynh không chuyển tiền theo các tin nhắn giả mạo; hành vi giả mạo văn bản sẽ bị xử lý theo quy định của pháp luật.',
    'Hiện chưa có cơ sở để khẳng định có hay không việc lộ đề.',
    'Văn bản giả được làm nhằm lừa đảo phụ huynh chuyển tiền.',
    'Các em được đưa về nhà an toàn; nhà trường đã thông báo cho phụ huynh.',
    'Sở đang phối hợp với cơ quan công an để xác định người tung tin.',
    'Hình ảnh lan truyền là ảnh cũ chụp năm 2023 tại một trường ở tỉnh khác, Sở đã đối chiếu với hồ sơ của trường.',
    'Thông tin "học sinh tử vong" là không đúng: theo Bệnh viện Đa khoa tỉnh, cả 12 em đều đã ổn định.',
    'Nhà trường nhận thấy mình đã chậm trễ trong việc báo cáo và xin lỗi phụ huynh.',
    'Sở đánh giá đây là sự việc nghiêm trọng, cần xử lý dứt điểm.',
    'Những thông tin chưa được kiểm chứng có thể khiến phụ huynh lo lắng không cần thiết.',
    'Nhiều em còn hoảng sợ; giáo viên tư vấn tâm lý đang ở cùng các em.',
    'Hiệu trưởng cho biết nhà trường đã thực hiện quy trình kiểm thực ba bước; Sở đang kiểm tra lại hồ sơ.',
    'Việc lựa chọn nhà cung cấp do Ban đại diện cha mẹ học sinh đề xuất; Sở đang làm rõ quy trình này.',
    'Em N.T.H. hiện đã được gia đình đón về.',
    'Ông Trần Văn Bình, Chủ tịch UBND xã, đã có mặt tại hiện trường.',
    'Học sinh lớp 9A2 được học tạm tại phòng thư viện.',
    'Đoàn kiểm tra gồm bà Nguyễn Thị Lan, Trưởng phòng GDTrH, và ông Lê Văn Minh, chuyên viên.',
    'Các thí sinh Nguyễn Văn A, Trần Thị B trong danh sách mẫu chỉ là ví dụ minh họa.',
    'Sở sẽ kiểm tra toàn bộ bếp ăn bán trú; trường nào vi phạm sẽ bị xử lý nghiêm.',
    'Nhà trường cam kết không để lộ thông tin của các em.',
    'Giáo viên không được lơ là trong giờ trông trưa.',
    'Nguyên nhân ban đầu được xác định là do chập điện ở ổ cắm.',
    'Mong quý phụ huynh thông cảm vì sự bất tiện này.',
    'Sở nhận thấy khâu kiểm tra của ngành còn sơ suất và xin lỗi phụ huynh.',
]


@pytest.mark.parametrize("text", CAREFUL)
def test_careful_sentences_raise_no_alarm(text):
    d = Draft(text)
    for cid in ("verified_facts", "tone", "privacy"):
        f = CRITERIA[cid].check(d)
        if cid == "verified_facts":
            assert not f.spans, (cid, highlighted(text, f))  # no guess found (unknowns may be missing)
        else:
            assert f.fraction == 1.0, (cid, highlighted(text, f))


# --------------------------------------------------------------------------- whole drafts

VARIANT = """TRƯỜNG TRUNG HỌC PHỔ THÔNG NGUYỄN TRÃI
V/v thông tin ban đầu về sự cố cháy tại phòng học bộ môn Hóa học

Kính gửi: Cha mẹ học sinh và các cơ quan báo chí

Vào hồi 14 giờ 05 phút ngày 3/4/2026, tại phòng học bộ môn Hóa học xảy ra cháy nhỏ ở tủ hóa chất.

Nhà trường thành thật xin lỗi quý phụ huynh và các em học sinh vì sự cố đã gây hoảng sợ.

Những thông tin đã được xác định:
• Không có học sinh, giáo viên nào bị thương.
• Đám cháy được dập tắt hoàn toàn lúc 14 giờ 25.

Những nội dung đang xác minh:
• Nguyên nhân gây cháy. Cơ quan Cảnh sát phòng cháy, chữa cháy đang làm rõ; nhà trường không suy đoán.

Các việc nhà trường đã làm:
• 14 giờ 07: giáo viên bộ môn hướng dẫn học sinh ra khỏi phòng theo lối thoát hiểm.
• 14 giờ 08: bảo vệ dùng bình chữa cháy khống chế đám cháy, đồng thời gọi 114.
• 14 giờ 40: nhà trường nhắn tin cho toàn bộ phụ huynh.

Nhà trường sẽ thông báo lịch học ngày mai trước 20 giờ hôm nay qua tin nhắn và trên trang Facebook của trường.

Người phát ngôn: thầy Trần Minh Tuấn, Hiệu trưởng, điện thoại 0239 3855 621.
Đường dây nóng của trường: 0239 3855 600.

Thông tin được phát hành lúc 15 giờ 20 ngày 3/4/2026.
"""


def test_unseen_good_draft_scores_high():
    rep = score(VARIANT, "hot_issue")
    lost = {c.id: c.score for c in rep.criteria if c.score < c.max}
    assert rep.total >= 90, lost


def test_messages_are_vietnamese(vietnamese):
    rep = score("Sở GD&ĐT thông tin như sau. Em Nguyễn Văn An, học sinh lớp 7A3, bị thương. Thông tin trên mạng là "
                "hoàn toàn bịa đặt. Sở sẽ tiếp tục thông tin.", "hot_issue")
    flagged = [c for c in rep.criteria if c.score < c.max]
    assert len(flagged) == len(rep.criteria)
    for c in flagged:
        assert re.search(r"[ạảãàáâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]", c.message.lower()), (c.id, c.message)
        assert "bạn" in c.message.lower(), (c.id, c.message)
        assert "Sentence" not in c.message and "draft" not in c.message, (c.id, c.message)


def test_rubric_is_fast():
    good = sorted((Path(__file__).parent / "corpus" / "hot_issue" / "good").glob("*.txt"))
    text = max((p.read_text(encoding="utf-8") for p in good), key=len) * 3
    score(text, "hot_issue")  # warm caches
    t0 = time.perf_counter()
    for _ in range(5):
        d = Draft(text)
        for c in hi.RUBRIC.criteria:
            c.check(d)
    assert (time.perf_counter() - t0) / 5 < 0.25


# --------------------------------------------------------------------------- never raises

_ALPHABET = st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxy àáảãạ ÀẠĐƯ 0123456789 .,;:!?()–-/\n\t“”\"'|•*<>&"))
_WORDS = st.sampled_from([
    "ngày", "giờ", "lúc", "phát hành", "cập nhật", "sáng nay", "tối qua", "cùng ngày", "12/11/2026", "21 giờ 30",
    "6h30", "Hà Nội,", "em", "Nguyễn Văn An", "học sinh lớp 7A3", "16 tuổi", "nhà ở số 12", "người phát ngôn:",
    "ông", "Phó Giám đốc", "0225 3842 118", "đường dây nóng", "sẽ", "thông tin", "Cổng thông tin điện tử",
    "nguyên nhân là do", "chưa xác định", "xin lỗi", "chia sẻ với", "hoàn toàn không có", "cụ thể", "\n", "- ",
    "| ", "19 giờ 50:", "đối tượng xấu", "Sở", "đã", "cử", "(", ")", ".", ",",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), st.lists(_WORDS, max_size=80).map(" ".join),
                 st.text(alphabet=_ALPHABET, max_size=300)))
def test_never_raises(text):
    d = Draft(text)
    for c in hi.RUBRIC.criteria:
        f = c.check(d)
        assert 0.0 <= f.fraction <= 1.0
        for s, e in f.spans:
            assert 0 <= s <= e <= len(d.text)


@pytest.mark.parametrize("text", [
    "", " ", "\n\n\n", "a" * 200_000, "Sở " * 50_000, "<html><body><p>Sở GD&ĐT</p></body></html>" * 200,
    "lúc 21 giờ, " * 5000, "em Nguyễn Văn An, " * 3000, "\u0301\u0300" * 1000,
])
def test_degenerate_inputs(text):
    d = Draft(text)
    t0 = time.perf_counter()
    for c in hi.RUBRIC.criteria:
        c.check(d)
    assert time.perf_counter() - t0 < 10
