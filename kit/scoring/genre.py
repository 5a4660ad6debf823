"""Which genre a draft is: a campaign plan, a hot-issue statement or a press release.

Cues are counted in the folded text; the genre with the most weighted cues wins.
Plans have a fixed administrative skeleton, statements talk about an incident and its
verification, releases announce news with a quote and a contact.
"""

from __future__ import annotations

import re

from .draft import Draft

_CUES: dict[str, list[tuple[str, float]]] = {
    # A plan's skeleton is decisive: its title line and its numbered section headings.
    "campaign_plan": [
        (r"^\W*kế hoạch\W*$", 4), (r"^\W*(?:[ivx]+\.|[a-d]\.|\d+\.)?\s*tổ chức thực hiện", 4),
        (r"^\W*(?:[ivx]+\.|\d+\.)?\s*(?:mục đích,? yêu cầu|mục tiêu)", 2), (r"^\W*(?:[ivx]+\.)?\s*kinh phí", 2),
        (r"^\W*nơi nhận", 2), (r"^\W*(?:căn cứ|thực hiện (?:kế hoạch|chỉ thị|công văn|nghị quyết))", 1),
        (r"chủ trì", 0.5), (r"chỉ tiêu|chỉ số", 0.5),
    ],
    "hot_issue": [
        (r"vụ việc|sự việc|sự cố", 2), (r"xác minh|làm rõ", 2), (r"mạng xã hội|clip|video|tin đồn|thông tin sai", 1.5),
        (r"thông tin ban đầu", 2), (r"xin lỗi|chia sẻ (?:với|sâu sắc)|thành thật", 1.5),
        (r"đường dây nóng|người phát ngôn", 1.5), (r"phản ánh|bức xúc", 1), (r"cập nhật|thông tin tiếp", 1),
        (r"ngộ độc|tai nạn|bạo lực|hành hung|lộ đề|thu sai|lạm thu|sập|đuối nước", 1.5),
    ],
    "press_release": [
        (r"thông cáo báo chí|tin báo chí", 1.5), (r"thông tin liên hệ|liên hệ báo chí|đầu mối liên hệ|người liên hệ", 2),
        (r"[“\"«][^”\"»\n]{20,}[”\"»]", 1.5), (r"cho biết|chia sẻ|nhấn mạnh|khẳng định", 1),
        (r"^\s*(?:###|-\s*hết\s*-)\s*$", 1.5), (r"tổ chức|khai mạc|trao|công bố|ra mắt|khánh thành", 1),
    ],
}
_COMPILED = {k: [(re.compile(p, re.M), w) for p, w in v] for k, v in _CUES.items()}


def cue_scores(draft: Draft) -> dict[str, float]:
    head = draft.folded[:20_000]
    return {kind: sum(w for rx, w in cues if rx.search(head)) for kind, cues in _COMPILED.items()}


def mismatch(draft: Draft, kind: str) -> str | None:
    """The genre the draft clearly is when that is not ``kind`` (twice the cues, and enough of them)."""
    scores = cue_scores(draft)
    best = max(scores, key=scores.get)
    if best != kind and scores[best] >= 6 and scores[best] >= 2 * scores.get(kind, 0):
        return best
    return None


def detect(draft: Draft) -> tuple[str, float]:
    """(kind, confidence 0–1). An empty or cue-less text is a press release with confidence 0."""
    scores = cue_scores(draft)
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top <= 0:
        return "press_release", 0.0
    return best, round((top - second) / top, 2)
