"""Crisis simulation: scenario checks, deterministic headless plays, debrief exports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kit import crisis
from kit.commands.crisis import load_script
from kit.crisis.debrief import WEIGHTS
from kit.crisis.report import debrief_html, timeline_chart
from tests.conftest import ROOT

SCRIPTS = ROOT / "tests" / "crisis_scripts"
FIXTURES = ROOT / "tests" / "crisis_fixtures"
IDS = crisis.all_ids()


def _play(scenario_id: str, which: str, seed=None):
    sc = crisis.load(scenario_id)
    script_seed, actions = load_script(str(SCRIPTS / f"{scenario_id}.{which}.yaml"), sc)
    return crisis.play(sc, actions, seed if seed is not None else script_seed)


def _kit(*args, env=None):
    return subprocess.run([sys.executable, "-m", "kit", *args], cwd=ROOT, capture_output=True, text=True, env=env)


def test_there_are_six_scenarios_each_with_two_scripts():
    assert len(IDS) >= 6
    for sid in IDS:
        assert (SCRIPTS / f"{sid}.strong.yaml").exists() and (SCRIPTS / f"{sid}.weak.yaml").exists(), sid


@pytest.mark.parametrize("sid", IDS)
def test_bundled_scenario_passes_the_check(sid):
    problems, _data = crisis.check_file(crisis.scenario_dir() / f"{sid}.yaml")
    assert [p.text() for p in problems] == []


def test_check_command_on_the_bundled_scenarios():
    out = _kit("crisis", "check")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 lỗi" in out.stdout


@pytest.mark.parametrize("sid", IDS)
def test_strong_play_outscores_weak_play_on_every_criterion(sid):
    strong, weak = crisis.debrief(_play(sid, "strong")), crisis.debrief(_play(sid, "weak"))
    assert strong["total"] >= 85, strong["criteria"]
    assert weak["total"] <= 45, weak["criteria"]
    by_id = {c["id"]: c["score"] for c in weak["criteria"]}
    for c in strong["criteria"]:
        assert c["score"] >= by_id[c["id"]], (c["id"], c["score"], by_id[c["id"]])
    better = [c["id"] for c in strong["criteria"] if c["score"] > by_id[c["id"]]]
    assert len(better) >= 6, better
    assert [c["id"] for c in strong["criteria"]] == list(WEIGHTS)


@pytest.mark.parametrize("sid", IDS)
def test_weak_play_lets_the_public_pulse_sink_further(sid):
    strong, weak = crisis.debrief(_play(sid, "strong")), crisis.debrief(_play(sid, "weak"))
    assert strong["pulse"]["sentiment"] > weak["pulse"]["sentiment"]
    assert strong["pulse"]["peak_shares"] < weak["pulse"]["peak_shares"]


def test_play_is_deterministic_and_seeded():
    a = crisis.debrief(_play("video-danh-nhau", "strong"))
    b = crisis.debrief(_play("video-danh-nhau", "strong"))
    assert json.dumps(a, ensure_ascii=False) == json.dumps(b, ensure_ascii=False)
    c = crisis.debrief(_play("video-danh-nhau", "strong", seed=12345))
    assert c["pulse_history"] != a["pulse_history"]  # the seed drives the noise
    assert c["total"] == a["total"]  # but never the score


def test_timeouts_take_the_default_and_open_triggered_items():
    sc = crisis.load("video-danh-nhau")
    sim = crisis.play(sc, [])
    assert all(ch.by == "timeout" for ch in sim.choices.values())
    assert sim.choices["xu-ly-video"].option == "de-nguyen"
    assert any(f.ref == "video-lan-rong" for f in sim.feed)  # triggered by the default
    assert not any(f.ref == "video-da-go" for f in sim.feed)
    d = crisis.debrief(sim)
    assert d["criteria"][0]["score"] == 0 and "chưa được phát hành" in d["criteria"][0]["message"]


def test_state_round_trip_resumes_the_same_run():
    sc = crisis.load("video-danh-nhau")
    _seed, actions = load_script(str(SCRIPTS / "video-danh-nhau.strong.yaml"), sc)
    sim = crisis.Simulation(sc)
    for a in actions[:2]:
        sim.apply(a)
    sim.advance(24.5)
    saved = json.loads(json.dumps(sim.state()))
    again = crisis.Simulation.restore(sc, saved)
    assert again.now == sim.now and again.history == sim.history and again.feed == sim.feed
    for s in (sim, again):
        for a in actions[2:]:
            s.apply(a)
        s.finish()
    assert crisis.debrief(sim) == crisis.debrief(again)


def test_facilitator_moves_are_logged_and_replayed():
    sc = crisis.load("video-danh-nhau")
    sim = crisis.Simulation(sc)
    sim.advance(3)
    sim.fire("zalo-phu-huynh")
    sim.fire(source="Giảng viên", text="Một tờ báo lớn gọi điện hỏi về vụ việc.")
    sim.set_speed(10)
    sim.skip(40)
    who = [(e.who, e.what) for e in sim.log if e.who == "facilitator"]
    assert who == [("facilitator", "inject"), ("facilitator", "inject"), ("facilitator", "speed"), ("facilitator", "skip")]
    again = crisis.Simulation.restore(sc, sim.state())
    assert [f.text for f in again.feed] == [f.text for f in sim.feed]
    assert again.speed == 10


def test_errors_in_actions_are_worded_for_people():
    sc = crisis.load("video-danh-nhau")
    sim = crisis.Simulation(sc)
    with pytest.raises(crisis.CrisisError, match="chưa mở"):
        sim.choose("xu-ly-video", "de-nghi-go")
    sim.advance(21)
    with pytest.raises(crisis.CrisisError, match="không có lựa chọn"):
        sim.choose("xu-ly-video", "khong-co")
    with pytest.raises(crisis.CrisisError, match="đang để trống"):
        sim.publish("thong-tin-ban-dau", "  ")


# --------------------------------------------------------------------------- broken files


def _messages(name):
    return [p.text() for p in crisis.check_file(FIXTURES / name)[0]]


def test_broken_structure_gives_the_expected_messages():
    msgs = _messages("hong-cau-truc.yaml")
    assert any("trường lạ “txt”: có phải bạn định viết “text”?" in m for m in msgs)
    assert any("thiếu trường “text”" in m for m in msgs)
    assert any("“Tin_Dau” không phải mã hợp lệ" in m for m in msgs)
    assert any("không dùng được “tin-don” ở đây" in m and "rumour, incident, misconduct" in m for m in msgs)
    assert any("“29/11/2026 8:00” không đúng dạng" in m for m in msgs)
    assert all(m.startswith("hong-cau-truc.yaml: ") for m in msgs)


def test_broken_story_gives_the_expected_messages():
    msgs = _messages("hong-cot-truyen.yaml")
    text = "\n".join(msgs)
    assert "tin “tin-don”: Lỗi: mã này bị dùng hai lần" in text
    assert "quyết định “qua-gio”: Lỗi: lựa chọn mặc định “khong-ton-tai” không nằm trong các lựa chọn (mot, hai)" in text
    assert "tin “tin-mo-coi”: Lỗi: mục này xuất hiện khi chọn “khong-co.lua-chon”, nhưng không có quyết định “khong-co”" in text
    assert "tin “tin-muon”: Lỗi: tin đến ở phút 200, sau khi bài diễn tập kết thúc (phút 120)" in text
    assert "quyết định “vong-a”: Lỗi: mục này nằm trong một vòng lặp" in text
    assert "quyết định “qua-gio”: Lỗi: quyết định hết giờ ở phút 160" in text
    assert "bản thông tin cần viết “thong-tin”: Lỗi: mở ở phút 90 nhưng hạn là phút 60" in text
    assert "quyết định “qua-gio”: Lưu ý: không lựa chọn nào có quality: good" in text


def test_broken_text_gives_the_expected_messages():
    text = "\n".join(_messages("hong-chu-viet.yaml"))
    assert "trường “situation”: Lỗi: đoạn chữ không có dấu tiếng Việt" in text
    assert "tin “tin-don”, trường “text”: Lỗi: đoạn chữ chưa ở dạng Unicode NFC" in text


def test_check_command_exits_non_zero_with_vietnamese_lines():
    out = _kit("crisis", "check", str(FIXTURES / "hong-cot-truyen.yaml"), str(FIXTURES / "khong-co.yaml"))
    assert out.returncode == 1
    assert "Traceback" not in out.stdout + out.stderr
    assert "Không có tệp “" in out.stdout or "không tồn tại" in out.stdout
    assert "Đã kiểm tra 2 tệp" in out.stdout


def test_broken_yaml_layout_is_reported_with_its_line(tmp_path):
    bad = tmp_path / "hong.yaml"
    bad.write_text("id: hong\ntitle: [chưa đóng\n", encoding="utf-8")
    msgs = [p.text() for p in crisis.check_file(bad)[0]]
    assert len(msgs) == 1 and "bố cục YAML bị hỏng gần dòng" in msgs[0]


def test_injects_can_come_from_a_csv_sheet(tmp_path):
    src = (crisis.scenario_dir() / "video-danh-nhau.yaml").read_text(encoding="utf-8")
    (tmp_path / "video-danh-nhau.yaml").write_text(src.replace("injects:\n", "injects_csv: tin-them.csv\ninjects:\n", 1),
                                                    encoding="utf-8")
    (tmp_path / "tin-them.csv").write_text(
        "id;at;channel;source;text;shares\n"
        "bao-lon-goi;40;press;Phóng viên báo Thời Nay;Phóng viên hỏi Sở đã gặp gia đình em học sinh chưa.;300\n",
        encoding="utf-8-sig")
    sc = crisis.load(tmp_path / "video-danh-nhau.yaml")
    inj = sc.inject("bao-lon-goi")
    assert inj.at == 40 and inj.pulse.shares == 300 and inj.source == "Phóng viên báo Thời Nay"
    (tmp_path / "tin-them.csv").write_text("id;at;kenh\nx;1;social\n", encoding="utf-8")
    msgs = [p.text() for p in crisis.check_file(tmp_path / "video-danh-nhau.yaml")[0]]
    assert any("cột lạ “kenh”" in m for m in msgs)


# --------------------------------------------------------------------------- play command and exports


def test_play_command_prints_the_debrief_as_json():
    out = _kit("crisis", "play", "video-danh-nhau", "--actions", str(SCRIPTS / "video-danh-nhau.weak.yaml"), "--json")
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)
    assert d["scenario"] == "video-danh-nhau" and 0 <= d["total"] <= 100
    assert {c["id"] for c in d["criteria"]} == set(WEIGHTS)
    assert d["timeline"] and d["model_response"]


def test_play_command_bad_input_is_one_vietnamese_line(tmp_path):
    bad = tmp_path / "thao-tac.yaml"
    bad.write_text("- at: 3\n  choose: xu-ly-video.de-nghi-go\n", encoding="utf-8")
    out = _kit("crisis", "play", "video-danh-nhau", "--actions", str(bad))
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "chưa mở" in out.stderr
    out = _kit("crisis", "play", "khong-co-kich-ban", "--actions", str(bad))
    assert out.returncode == 2 and "Không có kịch bản “khong-co-kich-ban”" in out.stderr


def test_html_debrief_escapes_trainee_text_and_inlines_the_chart():
    sc = crisis.load("video-danh-nhau")
    sim = crisis.Simulation(sc)
    sim.advance(30)
    sim.publish("thong-tin-ban-dau", "<script>alert(1)</script> Sở GD&ĐT thông tin về sự việc.")
    sim.finish()
    d = crisis.debrief(sim)
    png = timeline_chart(d)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    html = debrief_html(d, png)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "data:image/png;base64," in html and "http://" not in html and "https://" not in html
    assert "Báo cáo sau diễn tập" in html


@pytest.mark.skipif(not (Path("/usr/bin/chromium").exists() or Path("/usr/bin/soffice").exists()),
                    reason="needs Chromium or LibreOffice")
def test_pdf_debrief(tmp_path):
    out = _kit("crisis", "play", "video-danh-nhau", "--actions", str(SCRIPTS / "video-danh-nhau.strong.yaml"),
               "--pdf", str(tmp_path / "bao-cao.pdf"), "--html", str(tmp_path / "bao-cao.html"))
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "bao-cao.pdf").read_bytes()[:5] == b"%PDF-"
    assert "Báo cáo sau diễn tập" in (tmp_path / "bao-cao.html").read_text(encoding="utf-8")
