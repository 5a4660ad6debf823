"""Is this word a well-formed Vietnamese syllable (*tiếng*)?

A structural check, not a dictionary: onset consonant + rhyme (optional medial o/u,
nucleus, optional coda) + at most one tone mark, with the spelling rules that make
most foreign words fail (``c``/``k``/``q``, ``g``/``gh``, ``ng``/``ngh``; stop codas
``p t c ch`` only with the sắc or nặng tone) and the tone on a vowel that can carry it
(``nhảy``, not ``nhaỷ``). Both tone placements of oa/oe/uy are spelling (``hoà`` and
``hòa``, ``thuỷ`` and ``thủy``) and both pass. A list of frequent syllables adds grades
used to judge whether a legacy conversion makes text more plausible.

Everything is built once, at import, into plain sets and dicts; a check is a few look-ups.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Iterable

__all__ = [
    "is_vietnamese_syllable",
    "is_common_syllable",
    "syllable_class",
    "plausibility",
    "VIETNAMESE_ONLY_LETTERS",
    "VIETNAMESE_LETTERS",
]

# Tone numbers: 0 ngang, 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng.
_TONE_OF_MARK = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
_MARK_OF_TONE = {v: k for k, v in _TONE_OF_MARK.items()}
_BASE_VOWELS = "aăâeêioôơuưy"
_CONSONANTS = "bcdđghklmnpqrstvx"

# lowercase letter -> (letter without tone, tone)
_LETTER: dict[str, tuple[str, int]] = {c: (c, 0) for c in _CONSONANTS}
for _v in _BASE_VOWELS:
    for _tone, _mark in [(0, "")] + sorted(_MARK_OF_TONE.items()):
        _LETTER[unicodedata.normalize("NFC", _v + _mark)] = (_v, _tone)

VIETNAMESE_LETTERS = frozenset(
    c for low in _LETTER for c in (low, low.upper()) if len(c) == 1
)
# Letters a Latin-1 (or cp1252) text can never contain: proof that text is Unicode.
VIETNAMESE_ONLY_LETTERS = frozenset(c for c in VIETNAMESE_LETTERS if ord(c) > 0xFF)

_ONSETS = (
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng",
    "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
)

_PLAIN_RHYMES = set("""
a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt ăk
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu
iêc iêm iên iêng iêp iêt iêu
o oc oi om on ong op ot oong ooc
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u ua uc ui um un ung up ut
uôc uôi uôm uôn uông uôt
ư ưa ưc ưi ưm ưn ưng ưt ưu
ươc ươi ươm ươn ương ươp ươt ươu
y yêm yên yêt yêu
""".split())
_MEDIAL_O_RHYMES = set("""
oa oac oach oai oam oan oang oanh oao oap oat oay
oăc oăm oăn oăng oăt oe oen oeo oet
""".split())
_MEDIAL_U_RHYMES = set("""
uân uât uâng uây uê uêch uên uênh uêt uơ
uy uya uych uyn uynh uyp uyt uyu uyên uyêt
""".split())
# After "qu" the u is the medial: "qua" = qu + a, "quốc" = qu + ôc, "quý" = qu + y.
_QU_RHYMES = (
    {r for r in _PLAIN_RHYMES if r[0] in "aăâeêơ"}
    | {r[1:] for r in _MEDIAL_U_RHYMES}
    | {"i", "it", "in", "inh", "ôc", "y"}
)
_FRONT = ("i", "e", "ê", "y")


def _rhyme_ok(onset: str, rhyme: str) -> bool:
    if onset == "qu":
        return rhyme in _QU_RHYMES
    if onset == "gi":
        # The i of "gi" may double as the vowel: gì, gìn, giếng.
        if rhyme[:1] in ("i", "y"):
            return False
        return rhyme in _PLAIN_RHYMES or rhyme in _MEDIAL_O_RHYMES or ("i" + rhyme) in _PLAIN_RHYMES
    if rhyme not in _PLAIN_RHYMES and rhyme not in _MEDIAL_O_RHYMES and rhyme not in _MEDIAL_U_RHYMES:
        return False
    front = rhyme.startswith(_FRONT)
    if onset in ("k", "gh", "ngh"):
        return front and (onset == "k" or not rhyme.startswith("y")) and rhyme in _PLAIN_RHYMES
    if onset in ("c", "g", "ng") and front:
        return False
    if onset in ("c", "k") and rhyme not in _PLAIN_RHYMES:
        return False  # /kw/ is spelled qu
    if rhyme.startswith("yê"):
        return onset == ""
    if rhyme.startswith("iê"):
        return onset != ""
    return True


_DIACRITIC_VOWELS = "ăâêôơư"


def _tone_slots(onset: str, rhyme: str) -> frozenset[int]:
    """Where the tone mark may sit, as indexes into ``onset + rhyme``.

    On the vowel with a diacritic (the second of "ươ"); else, before a final consonant, on
    the last vowel ("hoàn"); else on the first of two vowels ("của", "này"), either one in
    oa/oe/uy ("hoà" and "hòa", "thuỷ" and "thủy": both are accepted spellings), the middle of
    three ("ngoài"). "gì", "gìn": on the i of gi.
    """
    vowels = len(rhyme) - len(rhyme.lstrip(_BASE_VOWELS))
    nucleus = rhyme[:vowels]
    base = len(onset)
    if not nucleus:
        return frozenset({base - 1})
    marked = [i for i, c in enumerate(nucleus) if c in _DIACRITIC_VOWELS]
    if marked:
        slots = {marked[-1]}
    elif vowels < len(rhyme) or len(nucleus) == 1:
        slots = {len(nucleus) - 1}
    elif len(nucleus) == 2:
        slots = {0, 1} if nucleus in ("oa", "oe", "uy") else {0}
    else:
        slots = {1}
    return frozenset(base + i for i in slots)


def _build_valid() -> dict[str, frozenset[int]]:
    rhymes = _PLAIN_RHYMES | _MEDIAL_O_RHYMES | _MEDIAL_U_RHYMES | _QU_RHYMES | {""}
    rhymes |= {r[1:] for r in _PLAIN_RHYMES if r.startswith("i")}  # gi + (i)n, gi + (i)êng
    valid: dict[str, frozenset[int]] = {}
    for onset in _ONSETS:
        for rhyme in rhymes:
            if (rhyme or onset == "gi") and _rhyme_ok(onset, rhyme):
                bare = onset + rhyme
                valid[bare] = valid.get(bare, frozenset()) | _tone_slots(onset, rhyme)
    return valid


_VALID = _build_valid()
_STOP_CODAS = ("c", "ch", "p", "t", "k")  # k: Central Highlands names ("Đắk Lắk")


@lru_cache(maxsize=32768)
def _split_tone(word: str) -> tuple[str, int, int] | None:
    """``"Nghiêng"`` → ``("nghiêng", 0, -1)``, ``"hoà"`` → ``("hoa", 1, 2)``: the letters
    without tone, the tone, where it sits; None if a letter is not Vietnamese or there are
    two tones."""
    if not word or len(word) > 8:
        return None
    word = word.lower()
    if not word.isascii() and not unicodedata.is_normalized("NFC", word):
        word = unicodedata.normalize("NFC", word)
    out = []
    tone, at = 0, -1
    for i, ch in enumerate(word):
        got = _LETTER.get(ch)
        if got is None:
            return None
        base, t = got
        if t:
            if tone:
                return None
            tone, at = t, i
        out.append(base)
    return "".join(out), tone, at


def _valid_parts(parts: tuple[str, int, int] | None) -> bool:
    if parts is None:
        return False
    bare, tone, at = parts
    slots = _VALID.get(bare)
    if slots is None:
        return False
    if tone and at not in slots:
        return False  # "nhaỷ", "hòan": the mark is on a letter that never carries it
    # Syllables closed by a stop take only the sắc or nặng tone ("dục", never "dôc").
    if bare.endswith(_STOP_CODAS) and tone not in (2, 5):
        return False
    return True


def is_vietnamese_syllable(word: str) -> bool:
    """True if ``word`` is shaped like one Vietnamese syllable (case-insensitive, NFC).

    ``"nghiêng"``, ``"thuở"``, ``"quốc"``, ``"giữa"``, ``"hoà"``, ``"ban"`` → True;
    ``"Université"``, ``"café"``, ``"dôc"`` (stop coda without sắc/nặng) → False.
    """
    return _valid_parts(_split_tone(word))


# Frequent syllables of administrative, press and school text (written for this kit;
# tone placement does not matter, the list is compared without it).
_COMMON_TEXT = """
a à á ả ạ ai ái ải am ám an án ản anh ánh ảnh ao áo ào ăn ăng ắt âm ấm ân ẩn ấn ấp
ất âu ầu ấu ấy ẩy
ba bà bá bả bác bạc bách bài bãi bại ban bàn bán bản bạn bang bảng báo bảo bão bạo bát
bày bảy bắc bằng bắt bận bậc bất bầu bây bé bè bên bền bệnh bếp bí bị bỉ bia biên biến
biển biết biệt biểu bình bịnh bỏ bố bộ bổ bối bồi bổi bồn bổn bông bơi bởi bụng bùng
buổi buộc bút bức bước bưu
ca cá cả các cách cạnh cái cải cam cảm cán cần cấp cầu câu cấu cây cậu có cò cỏ con còn
cong công cộng cổ cố cồng cơ cớ cơm cờ cởi cũ của cùng cũng cụ cục cuộc cuối cụm cung
cuốn cưới cứu cửa cực cường cước cử cư cương cứ
cha chà chào chăm chắc chẳng chặn chấm chân chấp chất châu chế chỉ chí chị chia chiếc
chiến chiều chiêu chính chỉnh chịu cho chỗ chồng chọn chống chơi chờ chủ chú chúc chung
chúng chuẩn chuyên chuyển chuyện chưa chức chứng chương chứ chữ chữa
da dạ dài dám dạng danh dành dạy dân dẫn dấu dần dậy dễ di dịch diễn diện diễm dịp do dõi
dòng dọn dục dung dùng dụng duy duyệt dư dữ dự dựa dựng dược dưới dương dưỡng
đa đã đài đại đàm đàn đan đang đảng đánh đào đảo đạo đạt đặc đăng đặt đâu đầu đấu đầy
đẩy đất đây đấy đề đến đều để đêm đi đích địa điểm điện điều định đình đỉnh đó đọc
đoàn đoạn đói đòi đóng đông đồng đổi đối đội đời đơn đợt đủ đúng đua đưa được đường
đứng đức đừng
em ép
gà gái gan gánh gặp gắn gần gấp gây ghi ghế gia giá giả giải giám gian giản giao giáo
giảm giảng giành giây giấy giờ giới giúp giữ giữa gì gồm góp gốc gửi gương góc gỡ
hà hạ hai hải hàm hàn hành hạn hàng hạng hãy hay hạnh hảo hát hạt hầu hậu hè hẹn hệ
hết hiểu hiện hiệu hình hoa hòa hóa hỏi hoàn hoàng hoạt hoạch học hội hơn hợp hôm hồ
hồi hồng hỗ hộ hộp hơi hủy huấn hướng hưởng hữu huyện hương hưng hỏng hình hiến hiểm
ích in ít
kê kể kế kết kêu khá khác khai khả khách khăn khắc khẳng khẩn khẩu khi khí khích khiến
khó khoa khoán khoản khỏe khóa khô không khối khu khung khuyến khuôn khúc khóc khám
kia kì kỳ kỹ kiểm kiến kiện kiên kịp kinh kính kỷ kiểu kíp
là lá lạc lại làm lãnh lành lao lão lạ lâu lần lập lấy lẽ lên lễ lệ lệnh lịch liên
liệu linh lĩnh lo loại lòng lời lớn lớp lợi lúc luận luật lực lượng lương lưu lý lí lưới
lũ luôn lứa
ma má mà mã mạch mái mãi mạng mạnh mang mắt mặt mẫu mầm mẹ mới mở mọi mỗi mối một mô
môi môn mong mục mua mùa muốn mức mừng mười mươi mình minh mít miền miễn mến mầm non
nay này năm nắm năng nặng nâng nào nên nền nếu nghe nghỉ nghị nghiên nghiệm nghiệp nghĩ
nghĩa ngành ngay ngày ngân ngoài ngoại ngôn ngủ ngữ người nguồn nguyên nguyện ngừng
nhà nhận nhanh nhau nhằm nhân nhất nhật nhé nhìn nhiều nhiệm nhiệt nhỏ nhóm như nhưng
những nhớ nhu nhằm nhắc nhấn nhập nội nói nông nơi nữ nữa nước nợ nổi nắng nền nộp
ô ổn ở ông ốm ơn
pha phạm phần phải phát pháp phân phẩm phép phí phía phiên phiếu phó phòng phong phố
phổ phối phù phú phúc phụ phục phương phường phán phản phận phê phim
qua quá quả quan quán quản quang quân quần quận quê quốc quy quý quyền quyết quyển quen
ra rà rác rằng rất rèn riêng rõ rộng rồi rút rừng rưỡi rủi rèn rời
sa sách sai sản sáng sát sau sắc sắp sâu sẽ sinh số sổ sở sống sớm sơ sử sự sức sung
sửa sáu suất suốt sạch sẵn sẻ sĩ siêu sợ sân sau sóc
ta tá tác tài tại tạm tăng tân tâm tập tất tầng tầm tấn tế tên tết thì thi thiếu
thiết thiện thiệu thiên thích thị thiểu thơ thời thông thống thu thú thủ thụ thuận thuật
thuế thuộc thuyết thư thứ thử thực thức thường thương thưởng tháng thành thanh thảo thay
thấy thầy thân thật thể thế thêm theo thí tin tính tình tỉnh tịch tiêu tiến tiếng tiếp
tiết tiền tiện tiểu tiêm toàn toán tòa tỏ tổ tố tốc tối tốt tôi tổng tờ tới tra trả
trách trái trang trạng tranh trao trẻ trên trình trò trọng trong trung trúng trước
trường trưởng trực trừ truyền truyện tuy tuổi tuần tục tuyên tuyển tư tự từ tức tương
tưởng tượng từng tùy túc tựu thảm thăm thẩm thắng thấp thẻ thép
ủy uỷ ứng ước ưu ừ
và vai vào vấn vẫn vậy vật về vệ vì vị viên việc viết việt vòng với vốn vùng vui vụ
vượt vừa vững vực vươn vay vẽ vọng ví vô văn vận vùng vở
xã xác xây xe xem xét xin xuất xuống xử xúc xứ xa xanh xảy xếp
y ý yêu yếu yên
tạo cáo trì động họp tử khảo trợ nghệ trị tỷ kênh cổng tuyến đốc căn ký độ huynh tham
hằng nam triển nóng trú tộc trí loa hoặc cao dây lượt thao cập thái thoại du độc đảm chi
tải ngắn triệu điệp quảng đột phá lai lạng doanh trăm bổng sơn vi xuyên chuỗi cảnh tây
đính nghiêm trọ niên tiên ninh vân bào phóng khoảng soát phủ niêm đáp tích yết mông mưa
gọi lộ giai ven lệch huống mưu tay tuệ tọa cai tảng phỏng cựu trở tôn thôn tai mắc ngừa
ghép phút nghề tủ chánh lỗi nạn nhiên quỹ coi đón lắng sóng bốn cận phấn núi vinh viện
đỡ sông tín tránh tường lồng so song tận tri làng chạy chậm mạo ngũ gọn bạch đạp trải
ràng trụ lựa lâm tuyệt khiếu nại ngọc nhì nêu hút lê mật khởi trương trận hại long ngập
xấu thác dán bao trần chặt chẽ thiệt hư nối tĩnh lan bữa họa bớt sứ tội trích đãi truy
già kèm áp mốc mượn tấm dao thuê cốt nguy nhắn gạo rơi niềm sao điển họ luyện chụp chiếu
máy đổ sữa bóng võ mềm nhẹ nỗ tám triệt kim băng xong sư khép đo ngại kịch xóa đương sang
ngăn bìa thoát căng thẳng sàng đèn nghìn nguyễn giang khỏi nằm trưa chiếm tướng cài đỏ
khủng hoảng mũ dị kéo buôn la ha trống tách kẻ rẻ ngôi đôi trai giường giọng hiển chốt
viễn vắng khôi soạn vũ trào thúc hoang giỏi uống khen chắn vĩnh dừng suy thọ đau nghèo
đẹp biện nỗi đoán rào món vàng cháu tinh thần tươi tặng sôi tìm kho chở lộc chuyến quay
trùng túi dãy to buồn bù thịt cà canh rau xuân vội cắt dời mai quên nhờ đáo bật thói hấp
đẳng thượng cầm bờ thuốc va gió trông trời chục đậu sốt nấu cẩn tô gìn giác đồi mặc thổi
quà mặn muối cân thủy tùng giống dọc dày mỹ nửa mời màu đá lông vua hứa
""".split()

# Real words written with Latin-1 letters only whose TCVN3 or VNI reading is a frequent
# syllable too ("chó" reads "chú" in TCVN3, "bò" reads "bị" in VNI): frequent themselves,
# so that typing them never looks like a garbled paste.
_COMMON_TEXT += """
chó cô chê dù hái mét nhá tê tù lò tóc thô phô hé còng dông chóng rót xóc bót
bò hôn bôi hôi nôi vò thò ôn choàng choáng hoài khoái toát thoáng bê mò hót bèn giã mãn dò
""".split()


# The most frequent of all, in official and school documents: "Sè" → "Số" is a strong hint
# even alone, "giê" → "giờ" is not.
_TOP_TEXT = """
và của các có được là trong cho không người những với một này đã năm ngày theo học
giáo dục số sở bộ đào tạo công tác thực hiện trường sinh nhà kế hoạch về để đến từ
khi đó tại quyết định thông tin báo phòng chính phủ việt cộng hòa xã hội chủ nghĩa
độc lập tự do hạnh phúc tỉnh huyện ban hành văn bản điều luật chỉ thị nghị ủy nhân dân
""".split()


def _common_keys(words: list[str]) -> frozenset[tuple[str, int]]:
    keys = set()
    for syl in words:
        parts = _split_tone(syl)
        if parts is not None and _valid_parts(parts):
            keys.add(parts[:2])  # tone placement aside: "hoà" and "hòa" are one syllable
    return frozenset(keys)


_COMMON = _common_keys(_COMMON_TEXT + _TOP_TEXT)
_TOP = _common_keys(_TOP_TEXT)


def is_common_syllable(word: str) -> bool:
    """True for frequent syllables (``số``, ``giáo``, ``dục``...), whatever the tone placement."""
    parts = _split_tone(word)
    return _valid_parts(parts) and parts[:2] in _COMMON


def syllable_class(word: str) -> int:
    """0: not a Vietnamese syllable; 1: well-formed; 2: frequent; 3: among the most frequent."""
    parts = _split_tone(word)
    if not _valid_parts(parts):
        return 0
    key = parts[:2]
    return 3 if key in _TOP else 2 if key in _COMMON else 1


def plausibility(words: Iterable[str]) -> float:
    """Share of ``words`` that are Vietnamese syllables holding a Vietnamese-only letter.

    Genuine Unicode Vietnamese scores high (``Sở``, ``dục``, ``đào``...); Latin-1 text and
    legacy bytes read as Latin-1 score near zero. 0.0 for no words.
    """
    total = good = 0
    for w in words:
        total += 1
        if any(c in VIETNAMESE_ONLY_LETTERS for c in w) and is_vietnamese_syllable(w):
            good += 1
    return good / total if total else 0.0
