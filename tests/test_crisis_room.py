"""The crisis room without a browser: drive the clock by hand, check what the trainee sees."""

from __future__ import annotations

import json

import pytest

from kit import crisis
from kit.widgets.crisis_room import CrisisRoom


def _room(**kw):
    return CrisisRoom("video-danh-nhau", key="thu-phong", tick=60, **kw)  # the timer thread barely ticks


def test_clock_brings_injects_and_decisions(kit_home):
    room = _room()
    assert "19:30" in room.clock.value
    room.advance_by(7)
    assert "Bà Lê Thu Hằng" in room.feed.value
    heads = [box.children[0].value for box in room.decisions.children]
    assert any("Hiệu trưởng vừa báo cáo" in h for h in heads)
    room.stop_clock()


def test_choices_statement_debrief_and_submit(kit_home):
    room = _room()
    room.advance_by(7)
    box = room.decisions.children[0]
    box.children[1].click()  # the first option: send someone to the school
    assert room.sim.choices["xac-minh"].option == "cu-nguoi-den-truong"
    assert "Chuyên viên có mặt ở trường" in room.feed.value
    sc = crisis.load("video-danh-nhau")
    room.editor.value = sc.model_response
    room.flush()
    assert "kit-total-num" in room.score.value
    room.advance_by(40)
    before = room.pulse.value
    room.publish_button.click()
    assert room.pulse.value != before  # the public reacts at once, not at the next minute
    assert "thong-tin-ban-dau" in room.sim.published
    room.finish_button.click()
    assert room.sim.ended
    assert "srcdoc=" in room.debrief_view.value and room.after.layout.display == ""
    room.name.value = "Nguyễn Thị Lan"
    path = room.submit()
    rec = json.loads(path.read_text(encoding="utf-8"))
    assert rec["kind"] == "hot_issue" and rec["debrief"]["scenario"] == "video-danh-nhau"
    assert rec["debrief"]["total"] == room.debrief()["total"]
    html = room.export("html")
    assert html and html.endswith(".html")
    room.replay.value = 10
    assert "19:40" in room.replay_view.value
    room.stop_clock()


def test_run_survives_a_restart_of_the_kernel(kit_home):
    room = _room()
    room.advance_by(22)
    room.choose("xu-ly-video", "de-nghi-go")
    room.editor.value = "Bản nháp đang viết dở."
    room.flush()
    room.stop_clock()
    again = _room()  # a new kernel: the same key restores the run and the draft
    assert again.sim.choices["xu-ly-video"].option == "de-nghi-go"
    assert abs(again.sim.now - room.sim.now) < 0.01
    assert again.editor.value == "Bản nháp đang viết dở."
    assert "khôi phục" in again.status.value
    again.stop_clock()


def test_facilitator_controls_are_logged(kit_home):
    room = _room(facilitator=True)
    room.fac_text.value = "Một phóng viên truyền hình đang đứng trước cổng trường."
    room.fac_fire_text.click()
    room.fac_skip_to.value = 30
    room.fac_skip.click()
    room.speed.value = 10.0
    assert "Một phóng viên truyền hình" in room.feed.value
    assert room.sim.now == 30 and room.sim.speed == 10.0
    assert "Đồng hồ chuyển tới 20:00" in room.fac_log.value and "10 phút mỗi giây" in room.fac_log.value
    room.stop_clock()


def test_trainee_text_is_escaped(kit_home):
    room = _room(facilitator=True)
    room.fac_text.value = "<script>alert(1)</script> Tin bổ sung."
    room.fac_fire_text.click()
    assert "<script>" not in room.feed.value and "&lt;script&gt;" in room.feed.value
    room.stop_clock()


def test_real_clock_thread_advances(kit_home):
    import time

    room = CrisisRoom("video-danh-nhau", key="thu-dong-ho", tick=0.05, speed=60)
    room.start()
    time.sleep(0.5)
    room.pause()
    assert room.sim.now >= 5
    room.stop_clock()


def test_pdf_export_of_a_finished_run(kit_home):
    import shutil

    import pytest

    if not (shutil.which("chromium") or shutil.which("soffice")):
        pytest.skip("needs Chromium or LibreOffice")
    room = _room()
    assert room.export("pdf") is None and "kết thúc lượt chơi" in room.status.value  # not before the end
    room.finish()
    path = room.export("pdf")
    assert path and open(path, "rb").read(5) == b"%PDF-"
    assert 'download="bao-cao-video-danh-nhau.pdf"' in room.downloads.value
    room.stop_clock()


def _play_in_room(room, actions):
    """Play a script through the room's own buttons and editor, as a trainee would."""
    for a in actions:
        room.advance_by(a["at"] - room.sim.now)
        if a["type"] == "choose":
            box = next(b for b in room.decisions.children if getattr(b, "_kit_decision", None) == a["decision"])
            dec = room.sc.decision(a["decision"])
            index = [o.id for o in dec.options].index(a["option"])
            box.children[1 + index].click()
        elif a["type"] == "publish":
            room.which.value = a["statement"]
            room.editor.value = a["text"]
            room.flush()
            room.publish_button.click()
            assert a["statement"] in room.sim.published, room.status.value
    room.finish_button.click()


@pytest.mark.parametrize("sid", crisis.all_ids())
def test_every_scenario_plays_to_its_debrief_in_the_room(kit_home, sid):
    from kit.commands.crisis import load_script
    from tests.conftest import ROOT

    room = CrisisRoom(sid, key=f"thu-{sid}", tick=60)
    _seed, actions = load_script(str(ROOT / "tests" / "crisis_scripts" / f"{sid}.strong.yaml"), room.sc)
    _play_in_room(room, actions)
    d = room.debrief()
    assert room.sim.ended and d["total"] >= 85
    assert "srcdoc=" in room.debrief_view.value
    room.stop_clock()
