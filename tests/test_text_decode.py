"""kit.text.decode: pasted text, bytes and files to clean NFC text with notes."""

from __future__ import annotations

import codecs
import json
import os
import sys
import unicodedata
from importlib import resources

import pytest

from kit.text import decode as decode_module
from kit.text.decode import MAX_FILE_BYTES, clean_text, decode_bytes, read_file
from kit.text.types import Cleaned, TextError

LETTERS = json.loads(
    resources.files("kit.text").joinpath("data", "legacy_mapping.json").read_text(encoding="utf-8")
)["letters"]


def encode_with(column: str, text: str) -> bytes:
    """Unicode → legacy bytes through one column of the JSON table (ASCII as is)."""
    out = bytearray()
    for c in unicodedata.normalize("NFC", text):
        out += bytes.fromhex(LETTERS[c][column]) if c in LETTERS else c.encode("ascii")
    return bytes(out)


LETTER = (
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO\n"
    "Số: 215/KH-SGDĐT\n"
    "Kính gửi: Hiệu trưởng các trường trung học phổ thông trên địa bàn tỉnh.\n"
    "Thực hiện Công văn số 615/BGDĐT ngày 20 tháng 8 năm 2026 của Bộ Giáo dục và Đào tạo, "
    "Sở đề nghị các đơn vị khẩn trương rà soát, báo cáo kết quả trước ngày 15/9/2026.\n"
    "Ưu tiên học sinh có hoàn cảnh khó khăn; giữ gìn trường lớp xanh, sạch, đẹp.\n"
)


def codes(cleaned: Cleaned) -> list[str]:
    return [n.code for n in cleaned.notes]


def note(cleaned: Cleaned, code: str):
    return next(n for n in cleaned.notes if n.code == code)


# ------------------------------------------------------------------ clean_text


def test_clean_unicode_text_is_untouched():
    c = clean_text(LETTER)
    assert c == Cleaned(text=LETTER, encoding=None, legacy=None, notes=())


def test_newlines_controls_and_spaces():
    c = clean_text("Dòng một\r\nDòng hai\rDòng\x00 ba\u200b\ufeff\x07\tcột\u00a0cuối")
    assert c.text == "Dòng một\nDòng hai\nDòng ba\tcột cuối"
    assert codes(c) == ["newlines_unified", "controls_removed"]
    assert note(c, "controls_removed").params == {"count": 4}


def test_leading_bom_in_text():
    c = clean_text("\ufeffXin chào")
    assert c.text == "Xin chào" and "bom_removed" in codes(c)


def test_soft_hyphen_survives_cleaning_of_unicode_text():
    assert clean_text("Uni\xadver\xadsity").text == "Uni\xadver\xadsity"


def test_nfd_becomes_nfc_with_a_count():
    nfd = unicodedata.normalize("NFD", "Nghị định")
    assert len(nfd) == 11
    c = clean_text(nfd)
    assert c.text == "Nghị định" and len(c.text) == 9
    assert note(c, "nfc_composed").params == {"count": 2}
    old_style = unicodedata.normalize("NFD", "Hoà bình, thuỷ lợi, UỶ BAN")
    assert clean_text(old_style).text == "Hoà bình, thuỷ lợi, UỶ BAN"  # placement is spelling


def test_legacy_paste_is_repaired():
    c = clean_text("Së Gi¸o dôc vµ §µo t¹o th«ng b¸o")
    assert c.text == "Sở Giáo dục và Đào tạo thông báo"
    assert c.legacy == "tcvn3" and c.encoding is None
    assert note(c, "legacy_converted").params == {"scheme": "tcvn3", "count": 8}
    c = clean_text("Sôû Giaùo duïc vaø Ñaøo taïo")
    assert (c.text, c.legacy) == ("Sở Giáo dục và Đào tạo", "vni")


def test_viqr_when_clearly_viqr():
    c = clean_text("Tru+o+`ng DDa.i ho.c Su+ pha.m Ha` No^.i")
    assert (c.text, c.legacy) == ("Trường Đại học Sư phạm Hà Nội", "viqr")
    assert note(c, "legacy_converted").params == {"scheme": "viqr", "count": 7}
    assert clean_text("I'm fine. Go.").text == "I'm fine. Go."


@pytest.mark.parametrize("text", [
    "Université de Montréal", "café", "Café Phố", "Crème brûlée à Paris", "Tôi là giáo viên",
])
def test_genuine_text_survives_clean_text(text):
    c = clean_text(text)
    assert c.text == text and c.legacy is None and not c.notes


def test_markup_is_noted_never_removed():
    text = 'Xem <b>thông báo</b> <script>alert("x")</script> và <a href="x">đây</a>'
    c = clean_text(text)
    assert c.text == text
    assert note(c, "markup_found").params == {"count": 6}
    assert codes(clean_text("a <script")) == ["markup_found"]
    assert "markup_found" not in codes(clean_text("3 < 5 và 7 > 4"))


@pytest.mark.parametrize("text", ["", "   ", "\n\t\n", "\x00\u200b"])
def test_empty(text):
    assert "empty" in codes(clean_text(text))


def test_lone_surrogates_are_replaced():
    c = clean_text("a\ud800b\udfffc")
    assert c.text == "a\ufffdb\ufffdc"
    assert note(c, "surrogates_replaced").params == {"count": 2}
    # a surrogate pair split into two code points is one character again
    assert clean_text("x\ud83d\ude00y").text == "x\U0001f600y"


def test_clean_text_accepts_bytes_and_none():
    assert clean_text(LETTER.encode("utf-8")).text == LETTER
    assert clean_text(None).text == ""


def test_clean_text_is_linear_on_a_large_paste():
    # Not a timing test: it must simply finish and convert everything in a big paste.
    garbled = encode_with("tcvn3", LETTER).decode("cp1252")
    c = clean_text(garbled * 2000)
    assert c.text == LETTER * 2000 and c.legacy == "tcvn3"


# ------------------------------------------------------------------ decode_bytes


def test_utf8_with_and_without_bom():
    c = decode_bytes(LETTER.encode("utf-8"))
    assert (c.text, c.encoding, c.notes) == (LETTER, "utf-8", ())
    c = decode_bytes(codecs.BOM_UTF8 + LETTER.encode("utf-8"))
    assert (c.text, c.encoding, codes(c)) == (LETTER, "utf-8-sig", ["bom_removed"])


def test_utf8_crlf_and_nfd():
    data = unicodedata.normalize("NFD", LETTER).replace("\n", "\r\n").encode("utf-8")
    c = decode_bytes(data)
    assert c.text == LETTER
    assert codes(c) == ["newlines_unified", "nfc_composed"]


@pytest.mark.parametrize("codec, bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_utf16_with_bom(codec, bom):
    c = decode_bytes(bom + LETTER.encode(codec))
    assert (c.text, c.encoding) == (LETTER, "utf-16")
    assert codes(c) == ["bom_removed", "utf16"]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(codec):
    c = decode_bytes(LETTER.encode(codec))
    assert (c.text, c.encoding, codes(c)) == (LETTER, "utf-16", ["utf16"])


def test_utf32_with_bom():
    c = decode_bytes(codecs.BOM_UTF32_LE + LETTER.encode("utf-32-le"))
    assert (c.text, c.encoding) == (LETTER, "utf-32")


def test_cp1258_file():
    c = decode_bytes(encode_with("cp1258", LETTER))
    assert (c.text, c.encoding, c.legacy) == (LETTER, "cp1258", None)
    assert codes(c) == ["cp1258"]


def test_cp1258_precomposed_bytes():
    # cp1258 also has single bytes for some letters (E1 = á) besides combining tones.
    c = decode_bytes(b"Gi\xe1o du\xf2c v\xe0 \xf0\xe0o ta\xf2o")
    assert (c.text, c.encoding) == ("Giáo dục và đào tạo", "cp1258")


def test_tcvn3_file():
    c = decode_bytes(encode_with("tcvn3", LETTER))
    assert (c.text, c.encoding, c.legacy) == (LETTER, "tcvn3", "tcvn3")
    assert codes(c) == ["legacy_converted"]


def test_vni_file():
    c = decode_bytes(encode_with("vni", LETTER))
    assert (c.text, c.encoding, c.legacy) == (LETTER, "vni", "vni")


def test_short_legacy_files():
    assert decode_bytes(encode_with("tcvn3", "Sở Giáo dục")).text == "Sở Giáo dục"
    assert decode_bytes(encode_with("vni", "Đang in tài liệu")).text == "Đang in tài liệu"
    assert decode_bytes(encode_with("cp1258", "Thành phố Đà Nẵng")).text == "Thành phố Đà Nẵng"
    # Too little to tell from Western text: read as Latin-1, with the note saying so.
    c = decode_bytes(encode_with("tcvn3", "Phong bì"))
    assert (c.text, codes(c)) == ("Phong b×", ["latin1"])


@pytest.mark.parametrize("text", [
    "Université de Montréal, café crème, déjà vu.",
    "Herr Müller in Zürich: Größe, Straße, schön.",
    "José Martínez García, el niño, señor, aquí.",
    "Ångström, Øresund, Ærø, på en gård.",
])
def test_western_file_falls_back_to_latin1(text):
    c = decode_bytes(text.encode("cp1252"))
    assert c.text == text and c.legacy is None
    assert c.encoding in ("latin-1", "cp1252")
    assert note(c, "latin1").params == {"encoding": c.encoding}


@pytest.mark.parametrize("text", [
    "Si può usare 'text_align' solo quando la colonna è zero",
    "Kan ikke gå over sidste fil",
    "Menu só existe em outro modo",
    "Lohko 1:tä ei saatu?",
])
def test_short_western_files_are_not_taken_for_vietnamese(text):
    c = decode_bytes(text.encode("cp1252"))
    assert (c.text, c.legacy) == (text, None) and c.encoding in ("latin-1", "cp1252")


def test_cp1252_punctuation_in_fallback():
    c = decode_bytes("“Déjà vu” – café".encode("cp1252"))
    assert (c.text, c.encoding) == ("“Déjà vu” – café", "cp1252")


def test_garbled_paste_saved_as_utf8_is_repaired():
    c = decode_bytes("Së Gi¸o dôc vµ §µo t¹o".encode("utf-8"))
    assert (c.text, c.encoding, c.legacy) == ("Sở Giáo dục và Đào tạo", "utf-8", "tcvn3")


def test_broken_utf8_after_bom_is_replaced_and_noted():
    c = decode_bytes(codecs.BOM_UTF8 + b"ok \xff\xfe end")
    assert c.text == "ok \ufffd\ufffd end"
    assert note(c, "undecodable").params == {"count": 2}


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n" + bytes(64),
    b"PK\x03\x04" + b"word/document.xml" + bytes(30),
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
    bytes(range(256)) * 4,
    b"\x00" * 100,
    b"text\x00with\x01many\x02controls\x03\x04\x05\x06",
])
def test_binary_data(data):
    with pytest.raises(TextError) as err:
        decode_bytes(data)
    assert err.value.code == "binary"


def test_empty_bytes():
    c = decode_bytes(b"")
    assert (c.text, c.encoding, codes(c)) == ("", "utf-8", ["empty"])


def test_decode_bytes_never_raises_other_errors(monkeypatch):
    def boom(_data):
        raise RuntimeError("bug")

    monkeypatch.setattr(decode_module, "_decode", boom)
    with pytest.raises(TextError) as err:
        decode_bytes(b"abc")
    assert err.value.code == "unreadable"


# ------------------------------------------------------------------ read_file


@pytest.mark.parametrize("name", [
    "kế hoạch truyền thông.txt", "tên có  dấu cách.md", "🙂 emoji 📄.txt", "-dash.txt", "Ưu tiên (bản 2).txt",
])
def test_read_file_with_odd_names(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(LETTER.encode("utf-8"))
    assert read_file(path).text == LETTER
    assert read_file(str(path)).text == LETTER


def test_read_file_legacy(tmp_path):
    path = tmp_path / "cong van cu.txt"
    path.write_bytes(encode_with("tcvn3", LETTER))
    c = read_file(path)
    assert (c.text, c.legacy) == (LETTER, "tcvn3")


def test_read_file_not_found(tmp_path):
    with pytest.raises(TextError) as err:
        read_file(tmp_path / "không có.txt")
    assert err.value.code == "not_found"
    assert err.value.params["path"].endswith("không có.txt")
    with pytest.raises(TextError) as err:
        read_file(tmp_path / "no-dir" / "x.txt")
    assert err.value.code == "not_found"


def test_read_file_directory(tmp_path):
    with pytest.raises(TextError) as err:
        read_file(tmp_path)
    assert err.value.code == "is_directory"


def test_read_file_permission(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("x", encoding="utf-8")

    def denied(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", denied)
    with pytest.raises(TextError) as err:
        read_file(path)
    assert err.value.code == "permission"


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads everything")
def test_read_file_permission_for_real(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("x", encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(TextError) as err:
            read_file(path)
        assert err.value.code == "permission"
    finally:
        path.chmod(0o600)


def test_read_file_too_large(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: no 20 MB written
    with pytest.raises(TextError) as err:
        read_file(path)
    assert err.value.code == "too_large"
    assert err.value.params["limit_mb"] == 20 and err.value.params["limit"] == MAX_FILE_BYTES


def test_read_file_binary(tmp_path):
    path = tmp_path / "ảnh.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    with pytest.raises(TextError) as err:
        read_file(path)
    assert err.value.code == "binary" and err.value.params["path"] == str(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_read_file_pipe_does_not_block(tmp_path):
    path = tmp_path / "pipe"
    os.mkfifo(path)
    with pytest.raises(TextError) as err:
        read_file(path)
    assert err.value.code == "unreadable"


def test_read_file_empty(tmp_path):
    path = tmp_path / "trống.txt"
    path.write_bytes(b"")
    assert codes(read_file(path)) == ["empty"]
