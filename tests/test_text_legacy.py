"""kit.text.legacy and kit.text.vnsyllable: exact legacy decoding, careful paste repair."""

from __future__ import annotations

import json
import unicodedata
from importlib import resources

import pytest

from kit.text.legacy import (
    convert_run,
    decode_tcvn3,
    decode_vni,
    detect_scheme,
    fix_pasted,
    font_scheme,
    from_viqr,
    looks_like_viqr,
)
from kit.text.vnsyllable import (
    VIETNAMESE_ONLY_LETTERS,
    is_common_syllable,
    is_vietnamese_syllable,
    plausibility,
    syllable_class,
)

# ------------------------------------------------------------------ the table, read here
# Test bytes are built from the JSON table directly, not through the code under test.

LETTERS = json.loads(
    resources.files("kit.text").joinpath("data", "legacy_mapping.json").read_text(encoding="utf-8")
)["letters"]


def tcvn3_bytes(text: str) -> bytes:
    """Unicode → TCVN3 bytes; a capital TCVN3 has no code for gets its small letter's byte."""
    out = bytearray()
    for c in unicodedata.normalize("NFC", text):
        if c in LETTERS:
            out += bytes.fromhex(LETTERS[c]["tcvn3"])
        else:
            out += c.encode("ascii")
    return bytes(out)


def vni_bytes(text: str) -> bytes:
    out = bytearray()
    for c in unicodedata.normalize("NFC", text):
        out += bytes.fromhex(LETTERS[c]["vni"]) if c in LETTERS else c.encode("ascii")
    return bytes(out)


def tcvn3_expected(text: str) -> str:
    """What exact TCVN3 decoding gives back: capitals without their own code come back small."""
    return "".join(
        c.lower() if c in LETTERS and not LETTERS[c]["tcvn3_own_code"] else c
        for c in unicodedata.normalize("NFC", text)
    )


def pasted(data: bytes) -> str:
    """Legacy bytes as a user sees them pasted without the font (Windows-1252)."""
    return data.decode("cp1252", errors="strict")


# Office sentences; between them every tone on every vowel, ă â ê ô ơ ư đ, capitals.
OFFICE = [
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
    "Sở Giáo dục và Đào tạo đề nghị các trường khẩn trương triển khai, bảo đảm an toàn tuyệt đối cho học sinh.",
    "Đề nghị Thủ trưởng các cơ quan, đơn vị nghiêm túc thực hiện; báo cáo kết quả về Sở trước ngày 15/9/2026.",
    "Ông Nguyễn Văn Hưởng, Phó Giám đốc, chủ trì buổi họp báo; Ban biên tập gửi thông cáo lúc 14 giờ.",
    "Học sinh được nghỉ học để phòng, chống bão; phụ huynh theo dõi thông báo trên cổng thông tin điện tử.",
    "Ưu tiên những em có hoàn cảnh khó khăn: miễn học phí, hỗ trợ sách vở, áo quần và xe đạp.",
    "Ăn uống hợp vệ sinh, rửa tay bằng xà phòng; giữ gìn trường lớp xanh, sạch, đẹp, an toàn.",
    "Ê-kíp trẻ ở Ơ Đông kể chuyện lạ: ngẫm nghĩ mãi, cuối cùng thuở ấy mới hiểu rõ khuỷu tay đau.",
    "Ỏn ẻn, ỉ ôi, ủ rũ, ỷ lại, ẵm bồng, ẳng ẳng, ẫm ờ, uyển chuyển, quyết liệt, nguệch ngoạc.",
]


# ------------------------------------------------------------------ syllables


@pytest.mark.parametrize("word", [
    "nghiêng", "thuở", "quốc", "giữa", "ban", "Nam", "NGHĨA", "hoà", "hòa", "thuỷ", "thủy", "UỶ",
    "khuỷu", "người", "được", "gì", "gìn", "giếng", "quỳnh", "khuya", "ngoặc", "xoong", "Đắk",
])
def test_vietnamese_syllables(word):
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize("word", [
    "Université", "café", "dôc", "ngưòi", "hòan", "nhaỷ", "qúy", "ge", "ci", "coa", "kô", "Straße",
    "", "a b", "ừừ", "thăi", "cafộ", "Gi¸o",
])
def test_not_vietnamese_syllables(word):
    assert not is_vietnamese_syllable(word)


def test_syllable_class_and_plausibility():
    assert syllable_class("Số") == 3 and syllable_class("sè") == 1 and syllable_class("Sè") == 1
    assert syllable_class("giờ") == 2 and syllable_class("xyz") == 0
    assert is_common_syllable("hoà") and is_common_syllable("hòa")
    assert plausibility("Sở Giáo dục và Đào tạo".split()) == pytest.approx(4 / 6)
    assert plausibility("Së Gi¸o dôc vµ §µo t¹o".split()) == 0.0
    assert plausibility([]) == 0.0
    assert "ơ" in VIETNAMESE_ONLY_LETTERS and "ô" not in VIETNAMESE_ONLY_LETTERS


# ------------------------------------------------------------------ raw bytes, exact


@pytest.mark.parametrize("letter", sorted(LETTERS))
def test_every_letter_decodes_exactly(letter):
    entry = LETTERS[letter]
    tcvn3 = bytes.fromhex(entry["tcvn3"])
    assert decode_tcvn3(tcvn3) == (letter if entry["tcvn3_own_code"] else letter.lower())
    assert decode_vni(bytes.fromhex(entry["vni"])) == letter
    # the letter inside a word, next to ASCII
    assert decode_vni(b"x" + bytes.fromhex(entry["vni"]) + b"y") == f"x{letter}y"


@pytest.mark.parametrize("sentence", OFFICE)
def test_office_sentences_decode_exactly(sentence):
    assert decode_tcvn3(tcvn3_bytes(sentence)) == tcvn3_expected(sentence)
    assert decode_vni(vni_bytes(sentence)) == unicodedata.normalize("NFC", sentence)


def test_literal_legacy_bytes():
    assert decode_tcvn3("Së Gi¸o dôc vµ §µo t¹o".encode("cp1252")) == "Sở Giáo dục và Đào tạo"
    assert decode_tcvn3(b"B\xb6o Th\xbeng") == "Bảo Thắng"
    assert decode_tcvn3(b"n\xadoc") == "nưoc"  # 0xAD is ư, never a soft hyphen to drop
    assert decode_vni("Sôû Giaùo duïc vaø Ñaøo taïo".encode("cp1252")) == "Sở Giáo dục và Đào tạo"
    assert decode_vni("chaøo caùc baïn".encode("cp1252")) == "chào các bạn"
    assert decode_vni("TRÖÔØNG ÑAÏI HOÏC".encode("cp1252")) == "TRƯỜNG ĐẠI HỌC"  # capital marks


def test_raw_decoding_passes_ascii_and_other_bytes():
    ascii_text = bytes(range(32, 127))
    assert decode_tcvn3(ascii_text) == ascii_text.decode()
    assert decode_vni(ascii_text) == ascii_text.decode()
    assert decode_tcvn3(b"\x93TCVN3\x94") == "\u201cTCVN3\u201d"  # cp1252 quotes stay quotes
    for data in (bytes(range(256)), b"\xff\xfe\x81"):
        for decode in (decode_tcvn3, decode_vni):
            out = decode(data)
            assert isinstance(out, str) and unicodedata.is_normalized("NFC", out)


def test_tcvn3_restore_case_for_raw_files():
    data = tcvn3_bytes("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 215/KH-SGDĐT")
    assert decode_tcvn3(data) == "CộNG HòA Xã HộI CHủ NGHĩA VIệT NAM\nSố: 215/KH-SGDĐT"
    assert decode_tcvn3(data, restore_case=True) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 215/KH-SGDĐT"


# ------------------------------------------------------------------ pasted text


@pytest.mark.parametrize("garbled, expected, scheme", [
    ("Së Gi¸o dôc vµ §µo t¹o", "Sở Giáo dục và Đào tạo", "tcvn3"),
    ("Sôû Giaùo duïc vaø Ñaøo taïo", "Sở Giáo dục và Đào tạo", "vni"),
    ("CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "tcvn3"),
    ("§éC LËP - Tù DO - H¹NH PHóC", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC", "tcvn3"),
    ("Sè: 215/KH", "Số: 215/KH", "tcvn3"),
    ("Sè: 215/KH-SGD§T", "Số: 215/KH-SGDĐT", "tcvn3"),
    ("Hµ Néi, ngµy 5 th¸ng 9 n¨m 2026", "Hà Nội, ngày 5 tháng 9 năm 2026", "tcvn3"),
    ("KÕ HO¹CH", "KẾ HOẠCH", "tcvn3"),
    ("TR¦êNG THPT Chu V¨n An", "TRƯỜNG THPT Chu Văn An", "tcvn3"),
    ("Tr\xadêng häc cÇn chuÈn bÞ ®ñ s¸ch gi¸o khoa",
     "Trường học cần chuẩn bị đủ sách giáo khoa", "tcvn3"),
    ("Ngoân ngöõ vaø vaên hoùa Vieät Nam", "Ngôn ngữ và văn hóa Việt Nam", "vni"),
    ("Khoâng toàn taïi", "Không tồn tại", "vni"),
])
def test_fix_pasted_examples(garbled, expected, scheme):
    text, found, count = fix_pasted(garbled)
    assert (text, found) == (expected, scheme)
    assert count == sum(a != b for a, b in zip(garbled.split(), expected.split()))


@pytest.mark.parametrize("sentence", OFFICE)
def test_fix_pasted_office_sentences(sentence):
    nfc = unicodedata.normalize("NFC", sentence)
    tcvn3, found, count = fix_pasted(pasted(tcvn3_bytes(sentence)))
    assert found == "tcvn3" and count > 0
    # capitals TCVN3 cannot encode come back small in running text ("Ưu" → "ưu")
    assert tcvn3 == tcvn3_expected(sentence)
    vni, found, _count = fix_pasted(pasted(vni_bytes(sentence)))
    assert (vni, found) == (nfc, "vni")


def test_fix_pasted_through_latin1_view():
    """C1 controls instead of cp1252 punctuation (a Latin-1 paste) do not get in the way."""
    data = b"\x93" + tcvn3_bytes("Sở Giáo dục") + b"\x94 \x96 " + tcvn3_bytes("thông báo")
    text, found, _ = fix_pasted(data.decode("latin-1"))
    assert (text, found) == ("\x93Sở Giáo dục\x94 \x96 thông báo", "tcvn3")
    text, found, _ = fix_pasted(data.decode("cp1252"))
    assert (text, found) == ("“Sở Giáo dục” – thông báo", "tcvn3")


def test_fix_pasted_keeps_the_soft_hyphen_letter():
    garbled = pasted(tcvn3_bytes("nước sạch cho trường học"))
    assert "\xad" in garbled
    assert fix_pasted(garbled)[0] == "nước sạch cho trường học"


GENUINE = [
    "Université",
    "café",
    "Café Phố",
    "L'Université de Montréal a été fondée en 1878; elle compte treize facultés.",
    "Crème brûlée, pâté, œuvre, naïve façade, coöperation, déjà vu.",
    "Herr Müller wohnt in der Großen Straße in Zürich; Österreich ist schön.",
    "José Martínez García nació en Bogotá; el niño está aquí, señor.",
    "Ångström, Øresund, Ærø, på en gård så nær.",
    "São Paulo e Florianópolis são cidades do Brasil; você não está só.",
    "Björn Borg, Zoë Saldaña, Renée Zellweger, Chloé, Noël, Hélène.",
    "5 µm × 3 µm ÷ 2 = 7,5 µm² ± 0,1 — © 2026, ® and § 3 ¶ 2, «quoted», ½ ¼ ¾.",
    "Tôi là giáo viên",
    "Cô giáo và em bé",
    "Bà Hà có áo dài",
    "Sở Giáo dục và Đào tạo Hà Nội",
    "Hoà bình, thuỷ lợi, UỶ BAN NHÂN DÂN, khoẻ mạnh",
    "Kính gửi: các trường THPT, THCS trên địa bàn tỉnh.",
    "An-giê-ri và Ni-giê-ri-a",
    "He said: I'm fine, don't worry. Go.",
    "",
    "   \n\t",
]


@pytest.mark.parametrize("text", GENUINE)
def test_genuine_text_is_left_alone(text):
    assert fix_pasted(text) == (text, None, 0)
    assert detect_scheme(text) is None


def test_nfd_vietnamese_is_not_taken_for_legacy():
    nfd = unicodedata.normalize("NFD", "Nghị định của Chính phủ về công tác văn thư")
    assert fix_pasted(nfd) == (nfd, None, 0)


def test_mixed_paste_is_fixed_where_garbled_only():
    unicode_par = "Kính gửi: Sở Giáo dục và Đào tạo các tỉnh, thành phố."
    english = "See the Université de Montréal report (café meeting, 5 µm samples)."
    latin1_vn = "Tôi là giáo viên"
    garbled = pasted(tcvn3_bytes("Thực hiện Công văn số 615/BGDĐT ngày 20 tháng 8 năm 2026 của Bộ Giáo dục"))
    text = "\n".join([unicode_par, garbled, english, latin1_vn, garbled])
    out, scheme, count = fix_pasted(text)
    lines = out.split("\n")
    assert scheme == "tcvn3" and count > 0
    assert lines[0] == unicode_par and lines[2] == english and lines[3] == latin1_vn
    assert lines[1] == lines[4] == "Thực hiện Công văn số 615/BGDĐT ngày 20 tháng 8 năm 2026 của Bộ Giáo dục"


def test_long_french_paragraph_next_to_a_garbled_one():
    french = " ".join(["L'Université de Montréal a été fondée en 1878; elle compte treize facultés."] * 4)
    garbled = "Së Gi¸o dôc vµ §µo t¹o th«ng b¸o: n¨m häc míi b¾t ®Çu tõ ngµy 5/9/2026."
    out, scheme, _count = fix_pasted("\n".join([french, garbled, french]))
    assert scheme == "tcvn3"
    assert out.split("\n") == [french, "Sở Giáo dục và Đào tạo thông báo: năm học mới bắt đầu từ ngày 5/9/2026.", french]


def test_lucky_words_in_a_western_document_are_not_converted():
    # Each line alone might pass ("më" → "mở"), the document as a whole does not.
    doc = "\n".join([
        "Gabim gjatë krijimit të pamjes së parë së printimit",
        "X më i madh",
        "Njoftime të informacioneve dhe pronësisë së kondicionit të daljes",
        "Kan ikke gå over sidste fil",
    ])
    assert fix_pasted(doc) == (doc, None, 0)


def test_unicode_letter_in_the_run_means_unicode():
    # One Vietnamese-only letter on the line: it is Unicode, even if other words look garbled.
    line = "Trường häc vµ Së"
    assert fix_pasted(line) == (line, None, 0)


def test_case_restoration_uses_neighbours_only_within_a_phrase():
    heading = pasted(tcvn3_bytes("SỞ GIÁO DỤC VÀ ĐÀO TẠO"))
    assert fix_pasted(heading)[0] == "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    assert fix_pasted("Sè: 215/KH-UBND")[0] == "Số: 215/KH-UBND"
    assert fix_pasted("Hµ Néi, ngµy 5")[0] == "Hà Nội, ngày 5"
    assert fix_pasted("UBND Hµ Néi")[0] == "UBND Hà Nội"  # an abbreviation is no evidence
    assert fix_pasted("§èI-Sè d¹ng")[0] == "ĐỐI-SỐ dạng"  # joined halves share the case


def test_old_tone_placement_is_kept():
    for word in ("hoà", "thuỷ", "khoẻ", "UỶ"):
        garbled = pasted(vni_bytes(f"Ủy ban {word} các trường"))
        assert fix_pasted(garbled)[0] == f"Ủy ban {word} các trường"
    assert fix_pasted(pasted(tcvn3_bytes("hoà bình và thuỷ lợi")))[0] == "hoà bình và thuỷ lợi"


def test_never_changes_case_before_decoding():
    # ß is ò in TCVN3: upper-casing first would give "SS".
    assert fix_pasted("CéNG HßA")[0] == "CỘNG HÒA"


def test_fix_pasted_is_stable_on_its_output():
    for sentence in OFFICE:
        once = fix_pasted(pasted(vni_bytes(sentence)))[0]
        assert fix_pasted(once) == (once, None, 0)


# ------------------------------------------------------------------ .docx runs


def test_font_scheme():
    assert font_scheme(".VnTime") == ("tcvn3", False)
    assert font_scheme(".VnTimeH") == ("tcvn3", True)
    assert font_scheme(".VnArial NarrowH") == ("tcvn3", True)
    assert font_scheme("VNI-Times") == ("vni", False)
    assert font_scheme("VNI-Helve-Condense") == ("vni", False)
    for name in ("Times New Roman", "Arial", "", None, "VnTime"):
        assert font_scheme(name) is None


def test_convert_run():
    assert convert_run("Së Gi¸o dôc vµ §µo t¹o", ".VnTime") == "Sở Giáo dục và Đào tạo"
    assert convert_run("Së Gi¸o dôc", ".VnArial") == "Sở Giáo dục"
    assert convert_run("céng hßa x· héi", ".VnTimeH") == "CỘNG HÒA XÃ HỘI"
    assert convert_run("Sôû Giaùo duïc", "VNI-Times") == "Sở Giáo dục"
    assert convert_run("Sè: 215", ".VnTime") == "Số: 215"  # deterministic: no guessing
    assert convert_run("Së Gi¸o dôc", "Times New Roman") == "Së Gi¸o dôc"
    assert convert_run("café", "Arial") == "café"
    assert convert_run("Sở Giáo dục", ".VnTime") == "Sở Giáo dục"  # already Unicode
    assert convert_run("\x93Së\x94", ".VnTime") == "“Sở”"  # Latin-1 view of cp1252 quotes
    assert convert_run("\uf053\uf0eb", ".VnTime") == "Sở"  # Word's symbol-font code points
    assert convert_run("", ".VnTime") == ""


# ------------------------------------------------------------------ VIQR


def test_from_viqr():
    assert from_viqr("Vie^.t Nam") == "Việt Nam"
    assert from_viqr("Ba.n co' khoe? kho^ng? DDu+o+.c, ca'm o+n.") == "Bạn có khoẻ không? Được, cám ơn."
    assert from_viqr("Tru+o+`ng DDa.i ho.c Su+ pha.m Ha` No^.i") == "Trường Đại học Sư phạm Hà Nội"
    assert from_viqr("VIE^.T NAM") == "VIỆT NAM"
    assert from_viqr("ddi ho.c") == "ddi ho.c"  # not clearly VIQR: left alone...
    assert from_viqr("ddi ho.c", force=True) == "đi học"  # ...unless the caller knows


@pytest.mark.parametrize("text", [
    "I'm fine. Go.", "e^x + x^2 = C++", "Don't ask what? Why.", "add odd buddy", "a(b) + o+u",
    "Sở Giáo dục", "",
])
def test_not_viqr(text):
    assert not looks_like_viqr(text)
    assert from_viqr(text) == text


def test_detect_scheme():
    assert detect_scheme("Së Gi¸o dôc vµ §µo t¹o") == "tcvn3"
    assert detect_scheme("Sôû Giaùo duïc vaø Ñaøo taïo") == "vni"
    assert detect_scheme("Tru+o+`ng ho.c Vie^.t Nam") == "viqr"
    assert detect_scheme("Sở Giáo dục và Đào tạo") is None
    assert detect_scheme("Université de Montréal") is None
