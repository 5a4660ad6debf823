"""Rules widened after measuring on drafts kept out of tuning (tests/corpus/*/heldout, fresh):
each case here is written anew, not taken from the corpus."""

from __future__ import annotations

from kit.rubrics import campaign_plan, hot_issue, press_release
from kit.scoring.draft import Draft
from kit.text import entities


def test_slogan_headline_is_not_news():
    d = Draft("Phát triển phong trào đọc sách tại Trường THCS Lê Lợi\n\nSáng 5/3/2027, Trường THCS Lê Lợi (phường "
              "An Hải, Đà Nẵng) mở tủ sách lớp học cho 24 lớp.")
    assert press_release.headline(d).fraction < 0.75


def test_number_in_a_school_name_is_not_a_figure():
    d = Draft("Trường Tiểu học Hòa Khánh 2 khai trương phòng đọc\n\nSáng 6/4/2027, Trường Tiểu học Hòa Khánh 2 "
              "khai trương phòng đọc mới.")
    assert "figure" in press_release.headline(d).message or press_release.headline(d).fraction < 1


def test_headline_figure_in_a_detail_list_is_not_buried_news():
    text = ("Trường Mầm non Hoa Sen mở vườn rau với 300 chậu cây\n\n"
            "Sáng 8/3/2027, Trường Mầm non Hoa Sen (xã Tân Phú, Đồng Nai) mở vườn rau sạch trên sân thượng "
            "để trẻ tự trồng và chăm cây.\n\nVườn có gì?\n\n• 300 chậu cây do phụ huynh góp.\n• 12 luống rau cải.")
    assert press_release.lead(Draft(text)).fraction >= 0.75


def test_acronym_on_a_contact_line_is_a_first_use():
    text = ("Trung tâm mở lớp tiếng Anh miễn phí\n\nSáng 2/6/2027, trung tâm mở 4 lớp tiếng Anh.\n\n"
            "Người liên hệ: bà Lê Thị Hoa, Phó Giám đốc Trung tâm GDNN-GDTX Phú Quốc, điện thoại 0297 3846 123.")
    assert [u.short for u in entities.undefined_acronyms(text)] == ["GDNN-GDTX"]


def test_release_time_given_as_the_statement_being_sent():
    d = Draft("Khoảng 14 giờ 10 ngày 9/3/2027, một bình gas ở bếp ăn Trường Tiểu học Bình Minh bị rò rỉ. "
              "Thông tin được gửi lúc 15 giờ 00 cùng ngày.")
    f = hot_issue.timeliness(d)
    assert f.judged and f.fraction >= 0.9


def test_release_time_in_an_update_header_or_a_bracketed_dateline():
    """Found on tests/corpus/hot_issue/blind (a fourth writer): "Cập nhật lần 2 – …" under the
    title, and a dateline in brackets, both give the release time."""
    body = ("Khoảng 6 giờ 30 sáng nay (14/3/2027), một cây phượng trong sân Trường THCS Hòa Bình bị gãy cành. "
            "Không có học sinh bị thương.")
    for head in ("THÔNG TIN VỀ CÂY GÃY TẠI TRƯỜNG THCS HÒA BÌNH\nCập nhật lần 2 – 8 giờ 15 ngày 14/3/2027\n\n",
                 "THÔNG TIN VỀ CÂY GÃY TẠI TRƯỜNG THCS HÒA BÌNH\n(Bắc Ninh, 8 giờ 15 ngày 14/3/2027)\n\n"):
        f = hot_issue.timeliness(Draft(head + body))
        assert f.judged and f.fraction >= 0.9, head


def test_cause_stated_as_fact_and_its_negation():
    flagged = Draft("Đề thi có một câu sai. Sai sót do giáo viên ra đề nhập nhầm đáp án. Sở đang rà soát quy trình.")
    assert hot_issue.verified_facts(flagged).fraction < 0.75
    fine = Draft("Các em không có lỗi: sai sót không phải do các em gây ra. Sở chưa kết luận nguyên nhân và đang xác minh.")
    assert hot_issue.verified_facts(fine).fraction >= 0.75


def _plan(body: str) -> Draft:
    return Draft("KẾ HOẠCH\nTruyền thông tuyển sinh năm 2027\n\n" + body)


def test_school_plan_may_skip_the_press():
    d = _plan("II. KÊNH TRUYỀN THÔNG\n- Trang thông tin điện tử của trường và Zalo OA của trường.\n"
              "- Họp cha mẹ học sinh; bảng tin tại cổng trường; loa phát thanh của xã.\n")
    assert campaign_plan.channels(d).fraction >= 0.75


def test_budget_breakdown_by_source_is_not_another_line():
    d = _plan("IV. KINH PHÍ\n| STT | Nội dung | Thành tiền (đồng) | Nguồn |\n|---|---|---|---|\n"
              "| 1 | In tờ rơi | 6.000.000 | Ngân sách xã |\n| 2 | Hội nghị | 4.000.000 | Ngân sách xã |\n"
              "| | Tổng cộng | 10.000.000 | |\n\nTrong đó: ngân sách xã năm 2027: 10.000.000 đồng.\n")
    assert campaign_plan.budget(d).fraction == 1.0


def test_objectives_heading_with_an_aside_in_brackets():
    d = _plan("1. BỐI CẢNH VÀ MỤC TIÊU\n1.1. Mục tiêu năm 2027 (chỉ tiêu được giao: 450)\n"
              "a) Nhận ít nhất 900 hồ sơ trước ngày 31/7/2027.\nb) Tuyển đủ 450 học sinh trước ngày 15/9/2027.\n")
    assert campaign_plan.objectives(d).fraction >= 0.75


def test_named_lead_after_chu_tri_counts_even_in_lower_case():
    d = _plan("III. HOẠT ĐỘNG\n1. Phát thanh song ngữ\n- Thời gian: từ tháng 12/2026 đến tháng 5/2027.\n"
              "- Chủ trì: công chức Văn hóa - Xã hội.\n2. Họp bản chuyên đề\n- Thời gian: tháng 3/2027.\n"
              "- Chủ trì: trưởng các bản.\n")
    assert campaign_plan.owners(d).fraction >= 0.75


def test_fold_keeps_offsets_and_unifies_tone_placement():
    from kit.scoring.fold import fold

    text = "İstanbul HOÀ Hòa thuỷ"
    assert len(fold(text)) == len(text)
    assert fold("HOÀ") == fold("hòa") == "hòa"


def test_arrow_lines_carry_an_activitys_owner_and_time():
    """Found on tests/corpus/campaign_plan/blind: activities grouped by quarter, each followed by
    a line "→ Chủ trì: …; phối hợp: …; <time>"."""
    from kit.plan import import_text

    text = ("KẾ HOẠCH\nTruyền thông năm 2027\n\nI. HOẠT ĐỘNG\n\nQuý I/2027\n"
            "a) In tờ gấp hướng dẫn tuyển sinh cho phụ huynh.\n"
            "→ Chủ trì: Văn phòng Sở; phối hợp: Phòng Giáo dục Trung học; xong trước 15/01/2027.\n"
            "b) Họp báo công bố phương án tuyển sinh.\n"
            "→ Chủ trì: Văn phòng Sở; phối hợp: các trường; ngày 20/3/2027.\n")
    d = Draft(text)
    assert campaign_plan.timeline(d).fraction == 1 and campaign_plan.owners(d).fraction >= 0.9
    plan, _ = import_text(text)
    assert plan.activities == [
        {"name": "In tờ gấp hướng dẫn tuyển sinh cho phụ huynh.", "timing": "Quý I/2027, xong trước 15/01/2027",
         "lead": "Văn phòng Sở", "support": "Phòng Giáo dục Trung học"},
        {"name": "Họp báo công bố phương án tuyển sinh.", "timing": "Quý I/2027, ngày 20/3/2027",
         "lead": "Văn phòng Sở", "support": "các trường"}]


def test_an_action_done_this_morning_is_timed():
    """Found on tests/corpus/hot_issue/blind: "… đã rà soát … trong sáng nay" is a time."""
    d = Draft("Những việc đã làm:\n- 8 giờ 10: Sở cử cán bộ đến trường.\n- 9 giờ: Hiệu trưởng họp với phụ huynh.\n"
              "Sở đã kiểm tra toàn bộ 12 phòng học của trường trong sáng nay.")
    assert hot_issue.actions(d).fraction == 1


def test_source_of_infection_stated_as_fact():
    flagged = Draft("Đã xác nhận: 31 học sinh sốt. Nguồn lây là một học sinh đi học về từ vùng có dịch.")
    assert hot_issue.verified_facts(flagged).fraction < 0.75
    fine = Draft("Đã xác nhận: 31 học sinh sốt. Nguồn lây là gì thì chưa xác định; Trung tâm Y tế đang điều tra.")
    assert hot_issue.verified_facts(fine).fraction >= 0.75


def test_a_harm_played_down_is_defensive():
    """Found by playing the crisis scenarios: "cô chỉ nhắc nhở hơi mạnh tay" plays a complaint down."""
    assert hot_issue.tone(Draft("Thầy chỉ góp ý hơi nặng lời với em trong giờ học.")).fraction < 1
    assert hot_issue.tone(Draft("Thầy đã nhận mình nặng lời với em và xin lỗi gia đình.")).fraction == 1
