"""Targets (stated goals) and the kind of every figure: target, achieved or other (GUIDE §4).

The kind follows the adjudicated convention (eval/README.md, "Figure kind and
target deadline convention"): it is the modality of the clause that states the
number — goal or plan (``target``), rule, condition or design (``other``), fact
(``achieved``). Decided from the language around the figure, first fit wins:

1. non-measuring numbers are ``other``: durations and ages ("90 năm",
   "tối thiểu 3 năm"), counts of the parts of a text, programme or plan
   ("3 chuyên đề", "14 nhiệm vụ", "7 chương trình đột phá", "4 kênh", "19 tiêu
   chí", "dưới 5 tiêu chí") unless reported met ("đạt và vượt 21/22 chỉ tiêu"),
   anaphoric counts of documents just named ("… 2 quyết định quan trọng này"),
   the composition of a whole ("gồm 4 trường đoạn", not people or codebook units),
   a count announcing a list ("tập trung vào 3 chỉ số yếu kém: …"), a meeting's agenda
   ("xem xét, thảo luận và thông qua 12 báo cáo"), a number word before a capitalised body
   ("bốn Văn phòng"), a biography's "hai lần bị … bắt" and a limit in a prohibition
   ("không được thanh tra … quá 1 lần");
   a figure listed right after another ("kiểm tra 796 tổ chức đảng, 1.256 đảng
   viên", "359 trường hợp (10,6%)") takes the kind of the one before;
2. prospective is ``target``: a year after the article's ("Năm 2019 … đạt 30%"
   written in 2017); the nearest cue before the figure is a goal cue (phấn đấu,
   chỉ tiêu, mục tiêu, đề ra, dự kiến, phương án, "đến năm YYYY" ahead of the
   article …; sẽ + a verb that makes the quantity, phải có, bảo đảm, muốn only close by; "muốn đạt"),
   "tăng/giảm/đạt N",
   "xuống còn N" follow the goal before them; a goal value cited in brackets
   ("vượt kế hoạch (18%)");
3. rules, conditions and designs are ``other``: a hypothetical or rule scopes
   over the rest of its clause, a later year included ("nếu …", "chỉ cần … thì",
   "trong trường hợp", "chứ không phải", "không để xảy ra … quá 1 lần/năm", a
   sentence opening with "Khi", "muốn … thì/phải", "cứ nhận được 10 email, …");
   the future of consequences, entitlements, prizes, costs, generic effects and
   game or exam rules ("sẽ bị phạt", "sẽ nhận … cho chức vô địch", "sẽ phải chi",
   "sẽ giúp giảm", "sẽ thi 3 môn"); fee schedules ("mức học phí sẽ là …",
   "giá vé", "giá khởi điểm"); "quy định", "có thể", and specifications of a designed object
   ("Đồ án quy hoạch … 537 ha", "chia thành 4 cụm", "tốc độ thiết kế 80 km/h",
   "Đề án thực hiện tại 63 tỉnh", "sẽ thực hiện dự án … rộng khoảng 4-5ha") are
   other when nearest; prize tables ("Cơ cấu giải gồm 1 giải đặc biệt",
   "giải A: 50 triệu đồng", "tiền thưởng 15 triệu đồng") and amounts per case
   ("Mỗi ván bài … nộp 20.000 đồng");
4. descriptive attributes of an object, a place or a person are ``other``,
   existing or planned, whatever result cue came before (only a goal cue keeps
   a target): an attribute word right before the figure ("rộng 130 m2", "dài 7
   km", "có diện tích tự nhiên hơn 1.360 ha", "dân số", "quy mô 500 giường
   bệnh", "công suất", "trị giá 2,5 tỉ đồng", "có giá trị 718 tỉ đồng", "giá
   thuê", "vốn đầu tư khoảng 200 tỷ đồng", "sở hữu", "nắm gần 1,7 triệu cổ
   phiếu", "đi qua địa bàn 5 huyện") unless an outcome verb governs it ("giảm
   diện tích", "thu hút 14 dự án … tổng vốn đầu tư"); demographic make-up ("74%
   dân số là đồng bào dân tộc") and population ("có hơn 4.560 nhân khẩu");
   floors and beds ("nhà ở 2 - 3 tầng", not "bổ sung 50 giường"); areas and
   lengths after an object noun ("khu biệt phủ 13.000 m2") or as geography ("có
   gần 10km sông Tô Lịch đi qua", not "cải tạo xong gần 10km"); a person's
   family and holdings ("có 2 con là liệt sỹ", "13 điểm trồng cam của gia đình
   ông Mạnh");
5. everything else is stated as fact and ``achieved``: results (đã, được, đạt,
   kết quả, "kết nạp 181 đảng viên"), stocks and statistics now or at a past
   date ("có 3.381 đảng viên", "hiện có khoảng 25 khu", "đất nông nghiệp, năm
   2010 có 476.157 ha"), baselines ("(năm 2015 là 51,4%)", 349 in "từ 349 … xuống còn
   268"), realis habituals ("Hằng năm … kết nạp khoảng 10.000 đảng viên") and
   groups that exist before the future said of them ("110 thanh niên … sẽ được
   học tập").

A target runs from its first cue (or the deadline phrase before it) to the end
of its figure: "đến năm 2020 Đà Lạt phấn đấu có 75% chi bộ". A later target
figure in the same clause that only qualifies it ("… thôn có từ 9 đảng viên
chính thức trở lên") or compares it ("…, thực giảm 2.708 ha so với năm 2010")
is linked to the same target. "chưa đạt mục tiêu đề ra" is a target with no
number, and so is a completion required or striven for by a year ("yêu cầu hoàn thành … trong năm 2017",
"Trong năm 2018 hoàn thành …" written before 2018). The deadline is the year the goal is to be met
(see ``_deadline``).

>>> from nlp.figures import extract_figures
>>> text = "Thành ủy phấn đấu hàng năm kết nạp 200 đảng viên mới."
>>> figures = extract_figures(text)
>>> [(t.text, t.value, t.recurrence) for t in extract_targets(text, figures)], figures[0].kind
([('phấn đấu hàng năm kết nạp 200 đảng viên mới', 200.0, 'annual')], 'target')
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .figures import VISION_AFTER
from .normalize import UPPER
from .sentences import sentence_spans
from .spans import SpanSet
from .types import Figure, Target

_B = r"(?<![\wđĐ])"      # word start
_E = r"(?![\wđĐ])"       # word end
# Goal cues ("mục tiêu" not as what a weapon hits: "tầm cao tiêu diệt mục tiêu 1.500km").
# A deadline right after the figure, in its clause, makes it a goal: "… 1.470.000 doanh nghiệp đến năm 2020".
_DEADLINE_AFTER = re.compile(r"[^,;.()\d]{0,25}?" + _B + r"(?:đến|tới|vào|trước)\s+(?:hết\s+|cuối\s+)?năm\s+"
                             r"((?:19|20)\d{2})(?!\d)(?!\s*[-–—]\s*\d)", re.IGNORECASE)
# A goal reported met: "Chỉ tiêu xuất khẩu vượt kế hoạch", "các mục tiêu đều đạt và vượt", "chỉ tiêu … hoàn thành".
_GOAL_MET_AFTER = re.compile(r"[^,;.:]{0,40}?" + _B + r"(?:đều\s+)?(?:vượt|đạt và vượt|hoàn thành và vượt|đã hoàn thành|"
                             r"đã đạt)(?:\s+(?:kế hoạch|chỉ tiêu|mục tiêu|so với kế hoạch))?" + _E, re.IGNORECASE)
_TARGET_CUE = re.compile(
    _B + r"(?:phấn đấu|(?<!\d )(?<!so với )(?:chỉ tiêu|(?<!diệt )(?<!chặn )(?<!trúng )(?<!kích )mục tiêu(?! quốc gia))|đề ra|đặt ra|đến cuối nhiệm kỳ|"
    r"cuối nhiệm kỳ|nỗ lực|quyết tâm|(?:để|nhằm)(?= (?:đạt|hoàn thành))|"
    r"(?<!tính )(?:đến|tới) (?:(?:hết |cuối )?năm )?((?:19|20)\d{2})|dự kiến|kế hoạch đề ra|"
    r"(sẽ|(?<!đã )(?<!từng )phải(?= (?:(?:thu|chi|giải ngân|tăng|giảm) )?(?:có|đạt|bảo đảm|đảm bảo|ít nhất|tối thiểu|từ|trên|hơn))"
    r"|bảo đảm|đảm bảo))"
    + _E, re.IGNORECASE)
# Weak cues (group 2 above: "sẽ", "phải có/đạt …", "bảo đảm") make a goal only close to the figure, in the
# same clause: "sẽ thực hiện một số dự án lớn như … rộng khoảng 4-5ha" is not a target, nor is "phải thi hành
# kỷ luật chín đảng viên" (an obligation to act, not a quantity to reach). "tối thiểu" alone is no cue: it
# bounds rules as often as goals ("Giá khởi điểm với ôtô tối thiểu gấp 10 lần lệ phí").
_WEAK_REACH = 25
_CONTRAST = re.compile(_B + r"(?:trong khi|nhưng|song)" + _E, re.IGNORECASE)  # "giá sẽ tăng trong khi 3 người …"
# What follows "sẽ" decides whether it states a plan or forecast (a goal when close: "sẽ trồng 800 nghìn cây",
# "sẽ tăng trưởng 0,2%") or something else (bulk news, hand check):
# - ``rule``: consequences, entitlements, prizes, costs, generic effects and the rules of a game or an exam
#   ("sẽ bị phạt 5-7 triệu đồng", "sẽ nhận số tiền hơn 1 triệu euro cho chức vô địch", "sẽ được miễn 100%
#   phí", "họ sẽ phải chi 67.831 USD", "sẽ giúp giảm 20% nguy cơ", "sẽ thi 3 môn", "sẽ gặp 1,6 email");
# - ``be``: being, consisting, having, equipment and negation ("sẽ là 6 cầu thủ", "sẽ gồm 2 ghế ngồi", "hai đội
#   sẽ có 6 quyền thay đổi người", "sẽ có hộp số 7 cấp", "sẽ không thể qua mắt gần 2.000 camera") state no goal,
#   except an existential "sẽ có" with no subject before it,
#   which forecasts ("Theo dự báo, sẽ có khoảng 2 triệu lượt khách", "sẽ có thêm 2 đợt").
_FUTURE_NOT_GOAL = re.compile(
    r"\s+(?:(?:chỉ|còn|vẫn|lại|cũng|đều|cùng|phải)\s+)*(?:"
    r"(?P<rule>bị|nhận|giành|hưởng|được (?:nhận|hưởng|thưởng|miễn|giảm|hỗ trợ|cộng|trả|cấp|bồi thường)|"
    r"phải (?:chi|trả|nộp|bỏ ra|mất|đóng|chịu|bồi thường)|mất|tốn|giúp|khiến|làm cho|gây|tốt hơn|gặp|"
    r"thi(?! công)|thi đấu|tranh tài|chơi|đấu|dao động|chia (?:ra )?(?:thành|làm))"
    r"|(?P<be>là|gồm|bao gồm|được|có(?! thêm)|trang bị|đi kèm|sở hữu|không|chẳng|vào khoảng|ở mức|rơi vào|"
    # working together with a group that exists: "sẽ hợp tác cùng với 8 cơ quan tin tức"
    r"(?:hợp tác|phối hợp|liên kết|làm việc|cộng tác)(?:\s+(?:cùng\s+)?với)?))" + _E, re.IGNORECASE)
# An existential "sẽ có" opens its clause or follows a verb of saying or forecasting.
_EXISTENTIAL_BEFORE = re.compile(
    r"(?:^|[,:;(“\"]|" + _B + r"(?:dự báo|dự đoán|cho biết|cho rằng|cho thấy|ước tính|khẳng định|nhận định|thì|là))\s*$",
    re.IGNORECASE)
# "muốn": a goal when it wants a quantity reached ("muốn đạt được tăng trưởng cả năm 6,7%"); a condition
# when a consequent follows ("muốn cầu tài thì mua 5 chỉ vàng", "các đô vật muốn vượt qua vòng đấu loại phải
# giành chiến thắng trước 3 đối thủ", "muốn tổ chức lễ cưới …, họ sẽ phải chi 67.831 USD"); a wish
# ("mong muốn", "như ý muốn") is neither; otherwise a weak cue.
_WANT = re.compile(_B + r"(?<!mong )(?<!ý )muốn" + _E, re.IGNORECASE)
_WANT_REACH = re.compile(r"\s+(?:được\s+)?(?:đạt|hoàn thành|nâng|tăng|giảm)" + _E, re.IGNORECASE)
_CONSEQUENT = re.compile(r"[^;.]*?" + _B + r"(?:thì|phải|cần|sẽ phải)" + _E, re.IGNORECASE)
# "để đạt" after "mất": the time a thing takes, a specification ("mất 5,7 giây để đạt 0-100 km/h").
_SPENT_BEFORE = re.compile(_B + r"mất" + _E + r"[^;:]{0,30}$", re.IGNORECASE)
# Result cues; group 1 ("đạt", "tăng", "giảm", "xuống còn" N) follows a goal before it ("phấn đấu đạt 95%",
# "phương án … từ 349 đầu mối xuống còn 268").
_ACHIEVED_CUE = re.compile(
    _B + r"(?:((?:đạt|vượt|hoàn thành|bằng)(?: \S+){0,2}? (?:chỉ tiêu|mục tiêu|kế hoạch)(?: (?:được giao|đề ra|đặt ra))?|đạt|tăng(?! cường)|giảm|"
    r"xuống còn|giảm còn|tăng lên|lên tới|lên đến)|đã|"
    r"(?<!phải )(?<!cần )(?<!sẽ )(?<!bảo đảm )(?<!đạt )được(?! giao| đề ra| đặt ra| duyệt| phê duyệt))" + _E,
    re.IGNORECASE)
# Past and present frames and result frames: they govern the rest of the sentence, stocks included.
_FRAME = re.compile(
    _B + r"(?<!so với )(?:kết quả|tính đến|cùng kỳ|cùng kì|(?:trong )?(?:năm|nhiệm kỳ|thời gian|tháng|quý|tuần) (?:qua|vừa qua)|"
    r"vừa qua|(?:\d+|sáu|chín) tháng đầu năm|từ đầu năm|(?:qua|sau) (?:\S+ ){1,3}(?:thực hiện|triển khai)|"
    r"hiện nay|hiện tại|hiện có|đến nay|"
    r"(?:[Nn]ăm|trong năm) ((?:19|20)\d{2})(?!\s*[-–—]\s*\d)(?!\d))" + _E, re.IGNORECASE)
# A verb of saying with its speaker opens a proposition of its own: a goal cue before it does not reach the
# figures it reports ("ủng hộ quyết tâm của Chính phủ đạt mục tiêu …, đại biểu X cho rằng mức tăng trưởng quý 1 ở
# mức 5,1%").
_SAY = re.compile(_B + r"(?:cho rằng|cho biết|nhận định|nêu rõ|phát biểu|chia sẻ|bày tỏ|thông tin)" + _E, re.IGNORECASE)
# Plans: the changes they make are goals ("phương án … xuống còn 268"), the things they are about are not
# ("phương án cải tạo 19 khu chung cư": 19 existing blocks).
_PLAN_CUE = re.compile(_B + r"(?:phương án|trù tính|đề án)" + _E, re.IGNORECASE)
# Rules: "Bộ Chính trị quy định kiểm tra …", "Quy định này …", "có thể bị phạt"; the nearest cue decides.
_RULE_CUE = re.compile(_B + r"(?:(?<!theo )(?<!đúng )(?:(?-i:quy định)|Quy định này)(?!\s*(?:số|\d))|có thể"
                       # a permitted maximum per period or per item: "một năm chỉ được thanh tra, kiểm tra 1 lần",
                       # "mỗi cử tri chỉ được bầu 2 lần" (not "xã chỉ được hỗ trợ 30 triệu đồng", a result)
                       r"|(?:mỗi\s+[^\s,;.]+|một\s+(?:năm|tháng|tuần|quý|kỳ|ngày)|hằng năm|hàng năm)\s+"
                       r"(?:[^\s,;.]+\s+){0,2}?chỉ được(?=\s+(?!(?:hơn|có|khoảng|gần|trên|chừng|mới|các|những)" + _E + r")[^\W\d_]+[^;.\d]{0,40}?\d))" + _E,
                       re.IGNORECASE)
# Hypotheticals, conditions, negated alternatives and standing prohibitions: they scope over the rest of
# their clause, whatever cue comes later ("Mỗi tỉnh chỉ cần một cuộc thì cả nước đã có 63 cuộc rồi").
_HYPOTHETICAL = re.compile(
    _B + r"(?:nếu|giả sử|giả định|giả thiết|giá như|đáng ra|lẽ ra|đáng lẽ|chỉ cần|(?:trong|với) trường hợp|đến khi|"
    r"(?:ngay|kể) cả(?= (?:trong |với |ở )?(?:tình huống|kịch bản|trường hợp|khi|nếu|lúc)" + _E + r")|"
    r"(?:theo|trong|với|ở) (?:kịch bản|phương án giả định)|"
    r"chứ không(?: phải)?|không để(?: xảy ra)?|(?<!căn )cứ(?=(?:\s+[^\s\d,;.]+){0,3}?\s+(?:\d|mỗi" + _E + r")))" + _E
    + r"|^\W*Khi" + _E, re.IGNORECASE)  # "cứ nhận được 10 email, … sẽ gặp 1,6 email": a generic rate
# "cứ" + a number + what it counts + "(thì) có một …": a rate stated as a fact ("Cứ khoảng 5.000 học sinh có một
# vụ …", "cứ 3 hộ thoát nghèo, có một hộ tái nghèo"), not a generic conditional ("cứ nhận được 20 tin nhắn, người
# dùng sẽ gặp 3 tin nhắn rác": a verb after "cứ", a prediction after the comma).
_RATE = re.compile(r"\s+(?:(?:khoảng|trên|hơn|gần|chừng|trung bình|bình quân)\s+)*\d[\d.,]*\s+[^\W\d][^,;.]{0,40}?"
                   r"(?:,\s*|\s+thì\s+|\s+)(?:lại\s+|đã\s+)?(?:có|xảy ra|phát sinh)\s+(?:một|\d)", re.IGNORECASE)
_REALIS_PAST = re.compile(_B + r"(?:đã|vừa)" + _E, re.IGNORECASE)
# "nếu A thì B đã …" contrasts two facts; "Nếu tổ chức ở TP.HCM, nguồn chi sẽ khoảng 2.000 tỉ đồng (vì đã có …)"
# stays a hypothetical.
_REALIS_CONSEQUENT = re.compile(r"(?:[^;.]|\.(?=\d))*?" + _B + r"thì" + _E + r"(?:[^;.,(]|[.,](?=\d))*?" + _B
                                + r"(?:đã|vừa)" + _E, re.IGNORECASE)
_DEONTIC = re.compile(_B + r"(?:phải|cần|không được|được phép)" + _E, re.IGNORECASE)
# Specifications of a designed object and prize schedules: other when nearest ("Đồ án quy hoạch … 537 ha").
_DESIGN_CUE = re.compile(_B + r"(?:" + "|".join([
    r"đồ án", r"(?:tốc độ|công suất) thiết kế", r"xây dựng mới",
    r"(?:đề án|dự án)(?: [^,;.]{0,30}?)? (?:được )?(?:thực hiện|triển khai|thí điểm) tại",
    r"cơ cấu giải", r"tiền thưởng", r"(?:mức )?(?:học phí|lệ phí)", r"giá (?:vé|khởi điểm|bán(?: ra| lẻ)?)",
    r"(?-i:[Gg]iải (?:đặc biệt|khuyến khích|[A-D]|nhất|nhì|ba))(?=\s*(?::|trị giá|\d))",
    r"mức (?:phí|thu|phạt|đóng|hưởng|trợ cấp|lương(?! trung bình| bình quân)|cược|đặt cược)",      # fee and rate schedules
]) + r")" + _E, re.IGNORECASE)
# Division into parts: other for its clause and the clauses that describe each part ("chia thành 4 cụm,
# mỗi cụm có 1 lô đặc biệt với diện tích trên 20 ha").
_DIVIDED = re.compile(_B + r"chia (?:ra )?(?:thành|làm)" + _E, re.IGNORECASE)
# ... but a division carried out is a result: "Đoàn đã chia thành 2 tổ", "chủ đầu tư tự ý ngăn chia thành 10 căn hộ"
_REALISED_BEFORE = re.compile(_B + r"(?:đã|tự ý|vừa)(?:\s+(?:ngăn|phân))?\s*$", re.IGNORECASE)
_EACH_PART = re.compile(r"\s*[,;]\s*mỗi" + _E, re.IGNORECASE)
# Realis verbs that make prizes awarded, not a prize table: "đều có giải chính thức với 4 giải Nhất".
_PRIZE_REALIS = re.compile(_B + r"(?:đạt|đoạt|giành|trao|nhận|được|đã|có)" + _E, re.IGNORECASE)
# Counts of the parts of a text, programme or plan (not measurements): "3 chuyên đề", "4 nhóm nhiệm vụ".
_PART_UNIT = re.compile(r"\s*(?:nhóm\s+)?(?:chuyên đề|nhiệm vụ|giải pháp|chỉ tiêu|mục tiêu|tiêu chí|vấn đề|yếu tố|"
                        r"khâu|điều|kênh|chương trình|đột phá|câu hỏi|tập|chương|nội dung|bước|giai đoạn|chức năng|"
                        r"trường đoạn|phần thi|phương án|mục(?! tiêu)|tiểu mục|điều khoản|phụ lục|trang)" + _E,
                        re.IGNORECASE)
# The composition of a whole, "gồm N X" ("Chương trình … gồm 4 trường đoạn", "(gồm 10 tỉnh …)"), is a count of
# its parts (other), unless X are people: the members of a body or a delegation are who took part
# ("Đoàn công tác gồm 8 người", "tổ gồm 3 thành viên") or the party and administrative units the codebook
# counts ("Đảng bộ xã gồm 24 chi bộ trực thuộc": the stock of the reported organisation).
_COMPOSED_OF_BEFORE = re.compile(_B + r"(?:bao gồm|gồm có|gồm)\s*$", re.IGNORECASE)
_PERSON_UNIT = re.compile(r"(?:người|viên|cán bộ|đồng chí|đại biểu|chiến sĩ|học sinh|hộ|thương binh|liệt sĩ|"
                          r"cựu chiến binh|công nhân|lao động|nghệ sĩ|tác giả|thí sinh|em)" + _E, re.IGNORECASE)
# A count announcing the list that follows a colon is a count of its items ("tập trung vào 3 chỉ số yếu kém:
# A; B; C", "4 kênh: …"); "có 4 cơ quan báo chí gồm: …" states a stock before its list.
_ANNOUNCES_LIST = re.compile(r"(?:[ \t]+(?!gồm|là|như|bao gồm)[^\s,;.:()]+){0,3}[ \t]*:(?!\d)", re.IGNORECASE)
# The agenda of a meeting: documents it is to consider ("xem xét, thảo luận và thông qua 12 báo cáo").
# ... but what a result produced may be listed too: "đã xây dựng được 7 tủ sách tại 7 địa điểm: …".
_RESULT_IN_CLAUSE = re.compile(_B + r"(?:đã|được|đạt)" + _E, re.IGNORECASE)
_AGENDA_BEFORE = re.compile(_B + r"(?:xem xét|thảo luận|cho ý kiến)(?:\s*,?\s*(?:và\s+)?(?:xem xét|thảo luận|thông qua|"
                            r"cho ý kiến|quyết định))*(?:\s+(?:về|đối với))?\s*$", re.IGNORECASE)
_AGENDA_UNITS = {"báo cáo", "nghị quyết", "tờ trình", "dự thảo", "đề án", "dự án luật", "luật", "văn bản", "dự luật"}
# A number word before an office or body with a capital names a known set ("bốn Văn phòng" = the Offices of
# the Party, the State, the Assembly and the Government): a reference, like "hai Đảng", not a measurement.
_NUMBER_WORD = re.compile(r"(?:hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+[A-ZĐ]", re.IGNORECASE)
# What happened to a person in a biography: "hai lần bị thực dân Pháp bắt", "2 lần bị địch bắt, tù đày".
_SUFFERED_AFTER = re.compile(r"\s+bị\s+(?:[^\s,;.]+\s+){0,3}?(?:bắt|tù|đày|giam|kết án|tra tấn|thương)" + _E,
                             re.IGNORECASE)
# Enumerations (eval/README.md, test 1: counts of the parts of a text): ordinal items that follow a count
# ("Thứ nhất là …", "Một là …", "(1) …", "a) …") and what a speaker or a report puts forward, counted small.
_FIRST_ITEM = re.compile(r"(?:^|[.:;!?]\s+|\s[-–•]\s*|\n\s*)(?:[Tt]hứ nhất|[Mm]ột là|\(1\)|1\)|a\))" + _E)
_SECOND_ITEM = re.compile(r"(?:^|[.:;!?,]\s+|\s[-–•]\s*|\n\s*)(?:[Tt]hứ hai|[Hh]ai là|\(2\)|2\)|b\))" + _E)
_SPEECH_ITEM = re.compile(r"\s*(?:ý kiến|kiến nghị|đề xuất|đề nghị|khuyến nghị|giải pháp|nút thắt|bài học|thông điệp|"
                          r"lưu ý|câu hỏi|vấn đề|điểm (?:sáng|nghẽn|yếu|mạnh|mới|nổi bật|hạn chế|bất cập|khác biệt))"
                          + _E, re.IGNORECASE)
# ... unless the items are received, handled or answered, or the clause is a result: "tiếp nhận 5 kiến nghị".
_HANDLED = re.compile(_B + r"(?:tiếp nhận|nhận được|thu thập|tổng hợp(?: được)?|giải quyết|xử lý|trả lời|"
                      r"chuyển|gửi|đã|được)" + _E, re.IGNORECASE)
# A definition states a category's threshold: "Doanh nghiệp nhà nước là doanh nghiệp do Nhà nước nắm giữ 100%
# vốn", "Hộ nghèo là hộ có thu nhập dưới …" (the head noun of the defined term repeated after "là").
_DEFINITION = re.compile(r"(?:^|[,;:(]\s*|\s[-–]\s+)(?!(?:năm|ngày|tháng|tuần|hôm|lần|đây|đó|này|việc|điều)(?![\wđĐ]))(?P<head>[^\W\d_]+ [^\W\d_]+|[^\W\d_]+)(?: [^\W\d_]+){0,3} là (?P=head)"
                         r"(?![\wđĐ])[^;:]*$", re.IGNORECASE)
# The scope of a decision named before it: "quyết định 551 … về việc thu hồi hơn 50 ha tại sân bay".
_DOCUMENT_SCOPE = re.compile(_B + r"(?:quyết định|nghị quyết|nghị định|tờ trình|đề án|công văn|văn bản|thông báo|"
                             r"chỉ thị|kết luận)" + _E + r"[^;.:]{0,80}?" + _B + r"về việc" + _E + r"[^;.:]*$",
                             re.IGNORECASE)
# A stated need for money or investment is prospective: "yêu cầu đầu tư hạ tầng đến 422.000 tỷ đồng".
_NEED = re.compile(_B + r"(?:nhu cầu|yêu cầu|đòi hỏi|cần)\s+(?:vốn\s+|nguồn\s+)?(?:đầu tư|kinh phí|huy động|bổ sung|vốn)"
                   + _E, re.IGNORECASE)
# A limit in a prohibition is a standing rule: "không được thanh tra, kiểm tra 1 năm quá 1 lần".
_PROHIBITED_LIMIT = re.compile(_B + r"không" + _E + r"[^;.]{0,60}?" + _B + r"quá\s*$", re.IGNORECASE)
# "trồng được 800.000 cây": "được" after a verb says the quantity is reached, in the mood of its clause
# (a goal after "mục tiêu", a result after "đã").
_REACHED_NUMBER = re.compile(r"\s+(?:(?:hơn|gần|trên|khoảng|thêm)\s+)?(?:\d|(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|"
                             r"mười|hàng)" + _E + r")", re.IGNORECASE)
_AFTER_VERB = re.compile(r"[^\W\d_]\s$")
# Anaphoric counts of documents just named: "Quyết định 935 và Quyết định 936 … 2 quyết định quan trọng này".
_DOCUMENT_UNITS = {"quyết định", "nghị quyết", "chỉ thị", "kết luận", "quy định", "văn bản", "văn kiện", "kế hoạch",
                   "đề án", "nghị định", "thông tư", "luật"}
_ANAPHOR_AFTER = re.compile(r"\s*(?:[^\s,;.]+\s+){0,2}?(?:này|nói trên|kể trên|đó|ấy|trên(?=\s*[,;.)]))" + _E, re.IGNORECASE)
# Anaphoric re-counts of anything just named: "Ngoài 3 công chức trên, …", "Hai vụ án nêu trên tuy …".
_NAMED_ABOVE_AFTER = re.compile(r"\s*(?:[^\s,;.]+\s+){0,2}?(?:nêu trên|nói trên|kể trên|trên(?=\s*[,;.)]))" + _E,
                                re.IGNORECASE)
# A limit set by a rule, when no goal scopes over it: "vay tín chấp tối đa 500 triệu đồng", "thỏa thuận được tối
# thiểu 70%", "không quá 2 ngày" (eval/README.md test 3).
_LIMIT = re.compile(r"(?:tối đa|tối thiểu|không quá|không vượt quá)\s", re.IGNORECASE)
_LIMIT_BEFORE = re.compile(_B + r"(?:tối đa|tối thiểu|không quá|không vượt quá)\s*$", re.IGNORECASE)
# An ownership share that names a category of firm: "DN 100% vốn nhà nước", "doanh nghiệp 100% vốn nước ngoài".
_FIRM_BEFORE = re.compile(_B + r"(?:DNNN|DN|doanh nghiệp(?: nhà nước)?|công ty|tổng công ty|ngân hàng)\s*$", re.IGNORECASE)
# ... unless reported met: "đạt và vượt 21/22 chỉ tiêu", "9 chỉ tiêu vượt kế hoạch".
_PART_MET_BEFORE = re.compile(_B + r"(?:đạt|vượt|hoàn thành)(?: và vượt)?(?: được)?\s*$", re.IGNORECASE)
_RATE_OF_PLAN_AFTER = re.compile(r"\s*(?:so với\s+)?(?:kế hoạch|chỉ tiêu|dự toán|KH|mục tiêu)" + _E, re.IGNORECASE)
_PART_MET_AFTER = re.compile(r"\s*(?:\S+\s+){0,2}?(?:vượt|đạt)" + _E, re.IGNORECASE)
# Measures of a thing right before a figure: "rộng khoảng 4-5ha", "có diện tích 599.066 ha".
_MEASURE_BEFORE = re.compile(
    _B + r"(?:diện tích(?: tự nhiên)?|dân số|quy mô|tổng vốn(?: đầu tư)?|vốn đầu tư|tốc độ(?: thiết kế)?|"
    r"công suất|chiều dài|dài|rộng|cao)\s*(?:là\s*)?(?:khoảng|gần|hơn|trên)?\s*$", re.IGNORECASE)
# Descriptive attributes (eval/README.md, test 4): what an object, a place or a person is like, not what
# the reported activity did. An attribute noun or adjective right before the figure ("rộng 130 m2", "có diện
# tích tự nhiên hơn 1.360 ha", "quy mô 500 giường bệnh", "trị giá 2,5 tỉ đồng", "vốn đầu tư khoảng 200 tỷ
# đồng", "sở hữu 1,7 triệu cổ phiếu", "đi qua địa bàn 5 huyện") makes it other, planned objects included,
# whatever result or weak cue came before it; only a goal cue (phấn đấu, mục tiêu …) keeps it a target.
_ATTRIBUTE_BEFORE = re.compile(_B + r"(?:" + "|".join([
    r"(?<!mở )rộng", r"(?<!kéo )dài", r"(?<!tăng )(?<!nâng )(?<!dâng )(?<!lên )cao", r"sâu", r"dày", r"đường kính", r"chiều (?:dài|rộng|cao|sâu)", r"độ (?:cao|sâu)", r"nặng", r"dung tích",
    r"diện tích(?: tự nhiên| sàn| xây dựng| khuôn viên| mặt nước)?", r"dân số", r"quy mô", r"sức chứa",
    r"công suất(?: thiết kế)?", r"trọng tải", r"trị giá", r"(?:có|với) giá trị(?: ước tính)?",
    r"(?<!đánh )(?<!bình ổn )(?<!đấu )(?<!đơn )(?<!tỷ )(?<!tỉ )giá(?: bán| thuê| mua| chuyển nhượng| khởi điểm| trị ước tính)?",
    r"(?:tổng )?(?:vốn|mức) đầu tư(?: (?:cho|của) (?:dự án|công trình|gói thầu|nhà máy)(?: [^\s,;.]+){0,3}?)?",
    r"sở hữu", r"nắm(?: giữ)?",
    r"(?:đi|chảy) qua(?: địa bàn| địa phận)?", r"(?:nằm|trải dài|trải rộng) trên(?: địa bàn| địa phận)?",
]) + r")\s*(?:là|:)?\s*(?:(?:chỉ )?từ|chỉ|khoảng|chừng)?\s*$", re.IGNORECASE)
# ... unless an outcome verb governs the attribute: "giảm diện tích 50 ha", "trồng diện tích …", "tăng dân số
# 1,2%", "đạt giá trị", "thu hút … vốn đầu tư" (investment attracted is an indicator, test 5).
_OUTCOME_BEFORE_ATTRIBUTE = re.compile(
    _B + r"(?:tăng|giảm|thu hồi|mở rộng|bàn giao|trồng|gieo trồng|mặt bằng|đạt|chuyển đổi|cải tạo|xử lý|nâng|"
    r"(?:để |làm )?(?:mất|thất thoát|lãng phí)|chiếm đoạt|"
    r"thu hút|giải ngân|huy động|đăng ký|cấp phép)(?: thêm)?\s*$", re.IGNORECASE)
# The value of what an event moved is its outcome: gifts handed over ("tặng 1.000 suất quà trị giá 400 triệu
# đồng"), goods seized or smuggled, sums of a wrongdoing case, trade; a threshold ("có giá trị từ 500 triệu
# đồng trở lên") stays other.
_VALUE_EVENT = re.compile(_B + r"(?:tặng|trao|bàn giao|hỗ trợ|ủng hộ|quyên góp|chiếm đoạt|thu giữ|tịch thu|"
                          r"nhập lậu|buôn lậu|bắt giữ|nhập khẩu|xuất khẩu|nhập về|phát hành|ký|cấp phép)" + _E,
                          re.IGNORECASE)
# An area worked by the reported activity is an outcome or land use: "trồng rau … trên diện tích 150 ha".
_AREA_ACTIVITY = re.compile(_B + r"(?:trồng|gieo|cấy|canh tác|sản xuất|nuôi|chuyển đổi|áp dụng|dồn điền|thu hoạch|"
                            r"khai hoang|thu hồi|giải phóng|bồi thường)" + _E, re.IGNORECASE)
_SHARES_AFTER = re.compile(r"\s*(?:vốn|cổ phần|cổ phiếu)" + _E, re.IGNORECASE)
_ATTRACTED = re.compile(_B + r"(?:thu hút|hút|rót|đổ|đăng ký|cấp phép|cấp mới|giải ngân|huy động|\d+ dự án)" + _E,
                        re.IGNORECASE)
# The population of a place: "mỗi xã chỉ có 5.000 – 7.000 người", "Thôn Na Sa có 300 dân." (the residents, not
# those who took part: "xã có 50 người tham gia" goes on after the unit).
_RESIDENT_UNITS = {"người", "dân", "nhân khẩu", "khẩu", "người dân"}
_PLACE_HAS_BEFORE = re.compile(_B + r"(?<!toàn )(?<!cả )(?<!số )(?:xã|phường|thị trấn|thôn|bản|làng|ấp|huyện|quận|tỉnh|thành phố|nước|quốc gia|"
                               r"vùng|khu dân cư|đô thị|nông thôn)(?:\s+[A-ZĐÀ-Ỹ][^\s,;.]*){0,3}\s+(?:chỉ\s+|mới\s+|hiện\s+)?"
                               r"(?:có|với)\s+(?:khoảng\s+|gần\s+|hơn\s+|trên\s+|chừng\s+)?$", re.IGNORECASE)
_NUMBER_OF = re.compile(_B + r"(?:tổng số|số lượng|số)" + _E, re.IGNORECASE)   # "tổng số công chức … có 1.200 người"
_CLAUSE_END = re.compile(r"\s*(?:dân\s*)?(?:[,;.!?:)”\"]|$)")
# The capital or land put into one object or project (test 4): "bỏ ra 50 tỷ đồng đầu tư bến xe", "hợp tác đầu tư
# gần 92 ha đất"; investment over many projects ("cho 48 dự án với tổng vốn …") is an outcome.
_AREA_UNITS = {"ha", "m2", "km2", "héc-ta", "hecta"}
_LENGTH_UNITS = {"m", "cm", "mm", "km", "m2", "m3", "km2"}
_INVESTED_IN_AFTER = re.compile(r"\s+(?:để\s+)?đầu tư\s+(?!(?:vào|tại|ở|ra|cho|trực tiếp|gián tiếp|nước ngoài|FDI)(?![\wđĐ]))"
                                r"[^\W\d]", re.IGNORECASE)
_INVESTED_IN_BEFORE = re.compile(_B + r"đầu tư\s+(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?$", re.IGNORECASE)
_AGGREGATE = re.compile(_B + r"(?:tổng|toàn|các|những|\d+)\s+(?:số\s+)?(?:vốn|dự án|tỉnh|huyện|ngành)" + _E, re.IGNORECASE)
# Demographic make-up of a place: "74% dân số là đồng bào dân tộc thiểu số".
_DEMOGRAPHY_AFTER = re.compile(r"\s*(?:dân số|dân cư|số dân|nhân khẩu)\s+(?:là|thuộc)" + _E, re.IGNORECASE)
# Population of a place: "Xã có hơn 4.560 nhân khẩu", "với 1,2 triệu dân".
_POPULATION_UNITS = {"nhân khẩu", "khẩu", "dân"}
# ("với 15.000 nhân khẩu" after "4.730 hộ bị thu hồi đất" counts those affected: only "có"/"gồm" or "với … dân")
_HAS_POPULATION_BEFORE = re.compile(_B + r"(?:có|gồm)\s*$", re.IGNORECASE)
_MARKET_BEFORE = re.compile(_B + r"thị trường(?: tiêu thụ)?(?: (?:khoảng|gần|hơn|trên))?\s*$", re.IGNORECASE)
_HAS_BEFORE = re.compile(_B + r"(?:có|với|gồm)\s*$", re.IGNORECASE)
# Units that measure objects (floors, beds) and are other unless a change verb governs them ("bổ sung 50
# giường bệnh"); areas and lengths only after an object noun ("khu biệt phủ 13.000 m2") or as geography
# ("Huyện có gần 10km sông Tô Lịch đi qua"), since "trồng mới 500 ha" and "cải tạo xong 10km" are outcomes.
_FIXTURE_UNITS = {"tầng", "giường", "giường bệnh"}
_CHANGE_BEFORE = re.compile(_B + r"(?:thêm|bổ sung|tăng|giảm|kê|đạt|lên|còn|mới)\s*$", re.IGNORECASE)
_OBJECT_UNITS = {"m2", "m", "ha", "km", "km2"}
_OBJECT_NOUN_BEFORE = re.compile(
    _B + r"(?:nhà(?: ở)?|căn(?: hộ| nhà)?|biệt thự|biệt phủ|chung cư|lô đất|(?<!đổi )thửa(?: đất)?|mảnh(?: đất)?|"
    r"khu đất|tòa nhà|trụ sở|nhà xưởng|xưởng|nhà kho|sân)"
    r"(?:\s+(?!(?:được|đã|là|có|với|và|gồm|khoảng|gần|hơn|trên|dưới|từ)" + _E + r")[^\s\d,;.]+)?\s*$", re.IGNORECASE)
_GEOGRAPHY_AFTER = re.compile(r"\s*(?:sông|suối|bờ biển|đường bờ biển|biên giới|đường biên giới)" + _E
                              + r"|[^,;.]{0,40}?" + _B + r"(?:đi|chảy) qua" + _E, re.IGNORECASE)
# A descriptive area passes its kind on to the figures listed after it ("diện tích tự nhiên hơn 1.360 ha, hơn
# 4.560 nhân khẩu"), not to those affected by an event ("có diện tích 15,9 ha, 41 hộ bị ảnh hưởng").
_AFFECTED_UNITS = {"hộ", "người", "trường hợp", "đảng viên", "cán bộ", "học sinh", "lao động"}
# A person's family and holdings: "có 2 con là liệt sỹ", "một trong 13 điểm trồng cam của gia đình ông Mạnh".
_CHILDREN_AFTER = re.compile(r"\s*(?:là|đều|trai|gái|liệt)" + _E, re.IGNORECASE)
_HOLDING_BEFORE = re.compile(_B + r"(?:một trong|có|với|gồm)\s*$", re.IGNORECASE)
_OF_A_PERSON_AFTER = re.compile(r"(?:\s+[^\s,;.()]+){0,3}?\s+của (?:gia đình |vợ chồng )?(?:ông|bà|anh|chị)" + _E,
                                re.IGNORECASE)
_FUTURE = re.compile(_B + r"(?:sẽ|dự kiến|kế hoạch|quy hoạch)" + _E, re.IGNORECASE)
# Amounts per case ("Mỗi ván bài người thua nhất nộp 20.000 đồng"), not "mỗi năm … thu lãi 4 tỷ đồng".
# A price per unit of goods: "6,5 triệu đồng/tấn", "5.500 đ/kg" (not a wage or income "/người", "/tháng").
_PER_GOODS_AFTER = re.compile(r"\s*/\s*(?:tấn|tạ|yến|kg|g|lít|l|m|m2|m3|km|ha|sào|con|cái|chiếc|quả|bao|thùng|"
                              r"hộp|sản phẩm|tín chỉ|cổ phiếu|cổ phần|thùng|thùng dầu|thùng|MWh|kWh|số)" + _E)
# The money a particular project or work is worth, right after its noun: "dự án 647 triệu USD".
# (not money spent on it: "giải ngân cho dự án 300 tỷ đồng")
_PROJECT_BEFORE = re.compile(r"(?<!cho )(?<!vào )(?<!tới )(?<!đến )" + _B + r"(?:dự án|công trình|gói thầu|nhà máy)\s*$",
                             re.IGNORECASE)
# A requirement for something to work or qualify is a condition, not a goal: "phải đảm bảo ở mức 800-1000 độ C để
# vận hành", "cần đạt 80% mới được công nhận".
_REQUIRED_FOR_AFTER = re.compile(r"[^,;.]{0,20}?" + _B + r"(?:để|mới|thì mới)\s+(?:được\s+)?(?:vận hành|hoạt động|"
                                 r"công nhận|xét|dự thi|đủ điều kiện|đạt chuẩn|chạy|sử dụng)" + _E, re.IGNORECASE)
_DEONTIC_NEAR_BEFORE = re.compile(_B + r"(?:phải|cần)" + _E + r"[^,;.]{0,30}$", re.IGNORECASE)
# "đảm bảo 100% rằng …": an idiom of certainty.
_CERTAINTY_AFTER = re.compile(r"\s*[”\"’']?\s*(?:rằng|là)" + _E, re.IGNORECASE)
_ASSURE_BEFORE = re.compile(_B + r"(?:đảm bảo|bảo đảm|chắc chắn)\s*[“\"‘']?\s*$", re.IGNORECASE)
# Quotas assigned, budget estimates and plans drawn up are goals like "chỉ tiêu": "được giao dự toán thu NSNN là
# 285.000 tỷ đồng", "4.221 tỷ đồng/3.050 tỷ đồng được giao", "đã lên kế hoạch để bãi bỏ 15 thủ tục".
_ASSIGNED = re.compile(_B + r"(?:(?:được\s+)?giao\s+(?:dự toán|chỉ tiêu|kế hoạch|nhiệm vụ)|dự toán(?:\s+thu|\s+chi)?"
                       r"(?=[^,;.]{0,40}?\s(?:là|đạt|khoảng)\s+\d)|lên kế hoạch|được giao(?=\s*[,.;)]))" + _E, re.IGNORECASE)
# University admissions: score floors and the majors and places they apply to are rules ("điểm nhận hồ sơ xét
# tuyển là 15,5 điểm", "1.900 chỉ tiêu ở 15 ngành"), not results or goals.
_ADMISSION = re.compile(_B + r"(?:xét tuyển|nhận hồ sơ|điểm sàn|điểm chuẩn|trúng tuyển|ngưỡng (?:điểm|đảm bảo chất lượng)|"
                        r"mức điểm|tuyển sinh)" + _E, re.IGNORECASE)
_ADMISSION_UNITS = {"điểm", "ngành", "nhóm", "chỉ tiêu", "phân hiệu", "tổ hợp", "mức", "trường"}
_PER_CASE = re.compile(_B + r"mỗi (?!năm|tháng|quý|tuần|ngày)", re.IGNORECASE)
_MONEY_UNITS = {"đồng", "USD", "triệu đồng", "tỷ đồng"}
# The value of a goal named right before it, in any mood: "không đạt được mục tiêu 6,7%", "mục tiêu tăng trưởng
# GDP 6,7 năm 2017", "chỉ tiêu là 95%" (a few words of the goal's name between, no verb of result).
_GOAL_VALUE = re.compile(_B + r"(?:chỉ tiêu|(?<!diệt )(?<!chặn )(?<!trúng )(?<!kích )mục tiêu)(?! quốc gia)"
                         r"(?:\s+(?!(?:đã|được|đạt|vượt|đề ra|đặt ra|của|và|có|với|từ|trên|hơn|gần|khoảng|năm|giao)"
                         + _E + r")[^\W\d][^\s,;:()]*){0,3}\s*(?:là\s*)?$", re.IGNORECASE)
# ... unless the goal is only referred to: "niềm tin vào mục tiêu …", "ảnh hưởng đến mục tiêu …".
_GOAL_REFERRED = re.compile(_B + r"(?:tin|tin tưởng|niềm tin|lòng tin|ảnh hưởng|tác động|đe dọa|đe doạ|lo ngại|nghi ngờ|"
                            r"cản trở)\s+(?:vào|đến|tới|về|cho)?\s*(?:các\s+|những\s+)?(?:mục tiêu|chỉ tiêu)", re.IGNORECASE)
# A proposal: a clause that opens with a bare verb of change and whose predicate is future ("Tăng tín dụng thêm 2%
# sẽ không gây lạm phát", "Giảm thêm 5% biên chế sẽ giúp …").
_YEARLIKE = re.compile(r"(?:19|20)\d{2}")
_PROPOSAL_START = re.compile(r"\s*(?:[Vv]iệc\s+)?(?:[Tt]ăng|[Gg]iảm|[Nn]âng|[Hh]ạ|[Cc]ắt giảm|[Bb]ổ sung)" + _E
                             + r"[^,;:]{0,40}?" + _B + r"thêm" + _E + r"[^,;:]*$")
_WILL_AFTER = re.compile(r"[^,;.]{0,40}?" + _B + r"sẽ" + _E, re.IGNORECASE)
# The consequent of a condition that sets a coming deadline: "… thì đến năm 2020 có thể …".
_THEN_DEADLINE = re.compile(_B + r"thì\s+(?:đến|tới|vào)\s+(?:hết\s+|cuối\s+)?năm\s+((?:19|20)\d{2})(?!\d)", re.IGNORECASE)
# Bounds that define a category (eval/README.md, test 3): "các khoản nợ từ 50 triệu đồng trở lên".
_THRESHOLD = re.compile(_B + r"trở (?:lên|xuống)" + _E)
_CATEGORY_BEFORE = re.compile(_B + r"(?:các|những|mọi)\s+(?!(?:năm|tháng|ngày|tuần|quý|lần|đợt)" + _E + r")"
                              r"(?:[^\W\d][^\s\d,;.:()]*\s+){1,4}(?:có\s+|với\s+)?$", re.IGNORECASE)
# One person's finances (test 4): what a named person borrowed, owes or declared.
_PRIVATE_FINANCE = re.compile(_B + r"(?:ông|bà|anh|chị|vợ|chồng)" + _E + r"[^,;]{0,40}?" + _B
                              + r"(?<!được )(?<!cho )(?:vay|mượn|nợ|kê khai|khai(?! nhận| báo))" + _E
                              + r"(?:\s+(?:trị giá|giá trị|thêm|khoảng|gần|hơn|trên|tổng cộng))*\s*$", re.IGNORECASE)
# A goal value cited in brackets after the goal: "vượt kế hoạch (18%)".
_CITED_GOAL = re.compile(_B + r"(?:kế hoạch|chỉ tiêu|(?<!diệt )(?<!chặn )(?<!trúng )(?<!kích )mục tiêu)\s*\(?\s*$",
                         re.IGNORECASE)
# A goal value cited in brackets after the document that set it: "thấp hơn theo Nghị quyết của Quốc hội (tăng
# khoảng 10%)", "so với kế hoạch của HĐND tỉnh (8,5%)".
_CITED_IN_BRACKETS = re.compile(_B + r"(?:nghị quyết|kế hoạch)(?:\s+(?:của\s+)?(?:Quốc hội|Chính phủ|HĐND|Hội đồng nhân dân"
                                r"|Đại hội|Tỉnh ủy|Thành ủy)(?:\s+[^\W\d][^()\d]{0,30}?)?)?"
                                r"\s*\(\s*(?:(?:tăng|giảm|đạt|là)\s+)?(?:(?:khoảng|trên|dưới|gần|hơn|từ)\s+)?$", re.IGNORECASE)
# Figures that only compare or apportion the goal before them: "thực giảm 2.708 ha so với …", "chiếm 17,56%".
_COMPARED_AFTER = re.compile(r"[^,;()]{0,12}?" + _B + r"so với" + _E, re.IGNORECASE)
_SHARE_BEFORE = re.compile(_B + r"(?:chiếm|chiến)(?: khoảng| gần| hơn)?\s*$", re.IGNORECASE)
# A figure listed after another with nothing but a joiner between takes its kind.
_LISTED = re.compile(r"\s*(?:(?:,|;|và|hoặc|,\s*và)\s*|(?:(?:,|;|và|hoặc|,\s*và)\s*)?\(\s*"
                     r"(?:năm\s+\d{4}\s+là\s+|[^\W\d][^()\d;]{0,25}?\s)?)", re.IGNORECASE)
# "…, trong đó có 98 trường hợp": a part of what the sentence counted before.
_SUBSET_BEFORE = re.compile(_B + r"trong đó,?\s*(?:có\s*)?$", re.IGNORECASE)
# The start of a baseline: "từ 349 đầu mối xuống còn 268" (349 is the present count).
_BASELINE_AFTER = re.compile(r"[^\d;]{0,20}?" + _B + r"(?:xuống còn|xuống|lên)" + _E, re.IGNORECASE)
_DEADLINE = re.compile(
    r"(?:đến|tới|trước|vào)\s+(?:hết\s+|cuối\s+)?(?:năm\s+)?(?:(?:19|20)\d{2}\s*[-–—]\s*)?((?:19|20)\d{2})(?!\d)"
    r"|(?:giai đoạn|nhiệm kỳ)\s+(?:19|20)\d{2}\s*[-–—]\s*((?:19|20)\d{2})(?!\d)"
    r"|(đến cuối nhiệm kỳ|cuối nhiệm kỳ|hết nhiệm kỳ)(?:\s+(?:19|20)\d{2}\s*[-–—]\s*((?:19|20)\d{2})(?!\d))?"
    # a month and year: "đến tháng 6/2018"; the next term: "nhiệm kỳ tới"; a span from now: "trong 5 năm tới"
    r"|(?:đến|tới|trước|vào)\s+(?:hết\s+|cuối\s+)?tháng\s+\d{1,2}\s*[/-]\s*(?P<month_year>(?:19|20)\d{2})(?!\d)"
    r"|(?P<next_term>nhiệm kỳ (?:tới|sau|mới|kế tiếp))"
    r"|(?:trong|sau)\s+(?P<years_ahead>\d{1,2}|hai|ba|bốn|năm|mười)\s+năm\s+(?:tới|sắp tới|tiếp theo)",
    re.IGNORECASE)
_YEARS_AHEAD_WORDS = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5, "mười": 10}
# A year in the goal's clause: "năm 2018", a season or a lunar year ("xuân Đinh Dậu 2017 với mục tiêu …").
_YEAR_IN_CLAUSE = re.compile(r"(?:[Nn]ăm|[Xx]uân|[Hh]è|[Tt]ết|Tý|Sửu|Dần|Mão|Thìn|Tỵ|Ngọ|Mùi|Thân|Dậu|Tuất|Hợi)\s+"
                             r"((?:19|20)\d{2})(?!\d)(?!\s*[-–—]\s*\d)")
_THIS_YEAR = re.compile(_B + r"(?:năm nay|cả năm|cuối năm|đầu năm|trong năm)" + _E, re.IGNORECASE)
# Annual economic goals (growth, credit, inflation) are for the article's year when no other time is given.
_ECONOMIC = re.compile(_B + r"(?:tăng trưởng|GDP|GRDP|tín dụng|lạm phát|CPI|thu ngân sách|thu NSNN|(?:phải )?thu đạt|"
                       r"dự toán)" + _E, re.IGNORECASE)
# A year opening the sentence frames every goal in it: "Năm 2017, Hà Nội dự kiến thu …, thu …".
_SENTENCE_YEAR_FRAME = re.compile(r"[\W]*(?:[Tt]rong\s+)?[Nn]ăm\s+((?:19|20)\d{2})(?!\d)\s*,")
# A goal cue and, in the same clause, a deadline year: "phấn đấu đến năm 2018 đường vành đai … thông suốt".
_DATED_GOAL = re.compile(_B + r"(?:phấn đấu|mục tiêu(?! quốc gia))[^,;.]{0,80}?" + _B
                         + r"(?:(?:đến|tới|vào|trước|trong)?\s*năm\s+((?:19|20)\d{2})(?!\d)(?!\s*[-–—]\s*\d)"
                         + r"|(?P<now>năm nay)" + _E + ")", re.IGNORECASE)
# ... the year framing the clause before the cue: "Năm 2017, ngành GTVT … phấn đấu hoàn thành …".
_FRAMED_GOAL = re.compile(r"(?:^|(?<=[.;:]\s))[\W]*(?:(?:[Tt]rong\s+)?[Nn]ăm|(?:[Tt]ừ nay\s+)?(?:[Đđ]ến|[Tt]ới)\s+(?:hết\s+|cuối\s+)?năm)"
                          r"\s+((?:19|20)\d{2})(?!\d)\s*,\s*[^,;.()]{0,60}?"
                          + _B + r"(?:phấn đấu|quyết tâm)" + _E)
# ... a completion set for a coming month: "để hoàn thành dự án vào tháng 10 tới", "phấn đấu hoàn thành trước
# tháng 6/2018" (a purpose or goal cue: "đã hoàn thành vào tháng 10" is a result).
_MONTH_GOAL = re.compile(_B + r"(?:để|nhằm|phấn đấu|quyết tâm|sẽ|phải)\s+(?:sớm\s+)?(?P<body>hoàn thành[^,;.()]{0,60}?"
                         r"(?:vào|trước|trong|cuối)\s+tháng\s+(?P<month>\d{1,2})(?:\s*[/-]\s*(?P<year>(?:19|20)\d{2}))?"
                         r"(?P<coming>\s+(?:tới|này|năm nay))?)" + _E, re.IGNORECASE)
# ... a completion required, urged, striven for or given a time limit, with its year: "yêu cầu dứt khoát hoàn
# thành kế hoạch thoái vốn, cổ phần hóa năm 2017", "chốt thời hạn hoàn thành việc đăng ký lại … trong năm 2017"
# (one comma may join the things to complete; the cue nearest to "hoàn thành" starts the goal).
_COMPLETION_CUE = r"(?:yêu cầu|đề nghị|chỉ đạo|phải|cần|phấn đấu|quyết tâm|thời hạn|hạn chót)"
_REQUIRED_COMPLETION = re.compile(
    _B + _COMPLETION_CUE + _E
    + r"(?:(?!" + _B + _COMPLETION_CUE + _E + r")[^,;.:]){0,30}?" + _B + r"hoàn thành" + _E + r"[^,;.:]{0,60}(?:,[^,;.:]{0,40})??"
    + _B + r"(?:(?:đến|tới|vào|trước|trong|của|cuối|hết)\s+)?năm\s+((?:19|20)\d{2})(?!\d)(?!\s*[-–—]\s*\d)",
    re.IGNORECASE)
# ... a coming year fronting a completion: "Trong năm 2018 hoàn thành giải thể các HTX …" (written in 2017).
_FRONTED_COMPLETION = re.compile(r"(?:^|(?<=[.;:]\s))[\W]*(?:[Tt]rong\s+)?[Nn]ăm\s+((?:19|20)\d{2})(?!\d)\s*,?\s*"
                                 r"(?:phải\s+|sẽ\s+)?hoàn thành" + _E)
# A list of specifics after a general goal: "đặt mục tiêu đến hết năm 2017, …, cụ thể là …".
_DETAIL = re.compile(_B + r"(?:cụ thể(?: là)?|bao gồm|gồm|trong đó)" + _E + r"\s*:?", re.IGNORECASE)
_TERM = re.compile(r"nhiệm kỳ\s+(?:19|20)\d{2}\s*[-–—]\s*((?:19|20)\d{2})(?!\d)", re.IGNORECASE)
_RECURRENCE = re.compile(r"(?<![\wđ])(?:hàng năm|hằng năm|mỗi năm|/\s*năm)(?![\wđ])", re.IGNORECASE)
_UNMET = re.compile(
    r"(?<![\wđĐ])(?:(?:chưa|không)\s+)?(?:đạt|hoàn thành|vượt)\s+(?:(?:các|những|toàn bộ)\s+)?"
    r"(?:mục tiêu|chỉ tiêu)(?:\s+\S+){0,3}?\s+(?:đề ra|đặt ra|được giao)(?![\wđ])", re.IGNORECASE)
_TIME_UNITS = {"năm", "tháng", "ngày", "tuần", "giờ", "phút", "tuổi"}
# A goal heading with a deadline that opens a list: "Mục tiêu đến năm 2020 - …", "Mục tiêu cụ thể đến năm 2030:".
_GOAL_HEADING = re.compile(r"(?<![\wđĐ])(?:Mục tiêu|MỤC TIÊU)(?:\s+(?:cụ thể|chung|tổng quát|CỤ THỂ|CHUNG))?\s+"
                           r"(?:đến|tới|ĐẾN|TỚI)\s+(?:hết\s+|cuối\s+)?(?:năm|NĂM)\s+((?:19|20)\d{2})(?!\d)(?!\s*[-–]\s*\d)"
                           r"\s*:?\s*(?=[-–•+*]\s|\n)")
# ... and what ends it: a numbered heading ("III- NHIỆM VỤ", "2. Giải pháp"), a line in capitals, another goal
# heading, an empty line.
_SECTION_END = re.compile(r"(?<![\wđĐ])(?:[IVX]+|\d{1,2})\s*[-.)]\s+[" + UPPER + r"]|(?:Mục tiêu|MỤC TIÊU)\s+(?:đến|tới|"
                          r"cụ thể|chung|tổng quát)|(?<![\wđĐ])[" + UPPER + r"]{2,}(?:\s+[" + UPPER + r",]{2,}){2,}|\n\s*\n")
# Items of the list: a bullet, or a sentence of its own.
_ITEM_START = re.compile(r"(?:\s[-–•+*]\s+|[.!?]\s+|\n\s*(?:[-–•+*]\s*)?)(?=[" + UPPER + r"])")
# A deadline that opens a clause, then a bare verb of accomplishment: "Đến năm 2020, hoàn thành việc xử lý …".
_DEADLINE_FRONTED = re.compile(
    r"(?:^|(?<=[.;:!?])\s+|(?<=Theo đó,)\s+|(?<=Trong đó,)\s+|\s[-–•+]\s+|\n\s*)"
    r"(?P<lead>(?:(?:[Cc]hậm nhất|[Mm]uộn nhất|[Pp]hấn đấu)\s+)?(?:[Tt]rong|[Đđ]ến|[Tt]ới|[Tt]rước|[Tt]ừ nay đến)\s+"
    r"(?:hết\s+|cuối\s+)?năm\s+(?P<year>(?:19|20)\d{2})(?!\d)(?!\s*[-–]\s*\d))\s*,\s*"
    r"(?P<verb>(?:cơ bản\s+|phải\s+|sẽ\s+)?(?:hoàn thành|hoàn thiện|thành lập|xây dựng|ban hành|kiện toàn|sắp xếp|"
    r"chấm dứt|xử lý|triển khai|đưa vào|cổ phần hóa|thoái vốn|sáp nhập|giải thể|di dời|nâng cấp|phủ kín|"
    r"xóa|giảm|tăng|nâng|đạt)" + _E + r")")


def extract_targets(text: str, figures: list[Figure], published: str | None = None) -> list[Target]:
    """Targets in ``text``; sets ``kind`` on every figure (the same objects are mutated).

    ``published`` (YYYY-MM-DD) tells past years (results) from future ones (goals)
    and the end of the current term for "đến cuối nhiệm kỳ".

    >>> from nlp.figures import extract_figures
    >>> text = "Đến năm 2020 phấn đấu có 75% chi bộ đạt trong sạch, vững mạnh."
    >>> [(t.value, t.deadline_year) for t in extract_targets(text, extract_figures(text))]
    [(75.0, 2020)]
    """
    pub_year = _year(published)
    targets: list[Target] = []
    order = sorted(range(len(figures)), key=lambda i: figures[i].start)
    k = 0
    for ss, se in sentence_spans(text):
        in_sentence = []
        while k < len(order) and figures[order[k]].start < se:
            if figures[order[k]].start >= ss:
                in_sentence.append(order[k])
            k += 1
        if not in_sentence:
            targets.extend(_numberless(text, ss, se, figures, in_sentence, pub_year))
            continue
        sentence = text[ss:se]
        cues = _cues(sentence, ss, pub_year)
        prev = None
        for i in in_sentence:
            figures[i].kind = _kind(text, ss, figures[i], prev, cues, pub_year)
            prev = figures[i]
        with_figures = _sentence_targets(text, ss, se, figures, in_sentence, cues, pub_year)
        targets.extend(with_figures)
        targets.extend(_numberless(text, ss, se, figures, in_sentence, pub_year, with_figures))
    targets.extend(_goal_list_items(text, figures, targets, pub_year))
    targets.sort(key=lambda t: t.start)
    _restated_deadlines(targets)
    return targets


def _goal_list_items(text: str, figures: list[Figure], found: list[Target], pub_year: int | None) -> list[Target]:
    """Goals with no number stated by the structure of a plan (eval/README.md, value-less targets):

    - each item of a list under a goal heading with a deadline ("Mục tiêu đến năm 2020 - Cơ cấu lại … .
      Phấn đấu hoàn thành … - Hoàn thiện mô hình …"): the item is the goal, the heading's year its deadline
      unless the item gives its own ("Chậm nhất đến năm 2018, thành lập …"); the list ends at the next
      heading (a numbered or all-capitals line, another goal heading);
    - a clause that a deadline opens and a bare verb of accomplishment continues, with no subject and no
      "đã" (the mood of a resolution or a plan): "Theo đó, trong năm 2017, hoàn thành phương án xử lý …",
      "Đến năm 2020, hoàn thành việc xử lý …". A deadline before the article's year is a past frame.

    Items that hold a figure or overlap a target already found are left to them.

    >>> s = "Mục tiêu đến năm 2020 - Hoàn thiện thể chế. - Cổ phần hóa doanh nghiệp. III- NHIỆM VỤ"
    >>> [(t.text, t.deadline_year) for t in _goal_list_items(s, [], [], 2017)]
    [('Hoàn thiện thể chế', 2020), ('Cổ phần hóa doanh nghiệp', 2020)]
    """
    out: list[Target] = []

    def trim(a: int, b: int) -> tuple[int, int]:
        while b > a and text[b - 1] in " .;,:!?…\"”-–":
            b -= 1
        while a < b and text[a] in " -–•+*\"“":
            a += 1
        return a, b

    figure_spans, out_spans, found_spans = SpanSet((f.start, f.end) for f in figures), SpanSet(), SpanSet()
    for t in found:
        found_spans.add(t.start, t.end, t)

    def add(a: int, b: int, year: int | None) -> None:
        a, b = trim(a, b)
        if b - a < 12 or year is None or (pub_year and year < pub_year):
            return
        if figure_spans.overlaps(a, b) or found_spans.overlaps(a, b) or out_spans.overlaps(a, b):
            return
        out.append(Target(start=a, end=b, text=text[a:b], deadline_year=year))
        out_spans.add(a, b)

    for h in _GOAL_HEADING.finditer(text):
        stop = _SECTION_END.search(text, h.end(), h.end() + 4000)
        end = stop.start() if stop else min(len(text), h.end() + 4000)
        cuts = [h.end()] + [m.end() for m in _ITEM_START.finditer(text, h.end(), end)] + [end]
        items = []
        for a, b in zip(cuts, cuts[1:]):
            semi = text.find(";", a, b)
            items.append((a, semi if semi >= 0 else b))
        for t in found_spans.items_starting_in(h.start(), h.end()):  # the heading read as a dated goal: its
            if t.value is None and items:                                # first item is the goal
                found_spans.remove(t.start, t.end, t)
                t.start, t.end = trim(*items[0])
                t.text = text[t.start:t.end]
                found_spans.add(t.start, t.end, t)
        for a, b in items:
            own = _DEADLINE.search(text, a, b)
            year = int(own.group(1) or own.group(2)) if own and (own.group(1) or own.group(2)) else int(h.group(1))
            add(a, b, year)
    for m in _DEADLINE_FRONTED.finditer(text):
        if _REALIS_PAST.search(text, m.start("verb"), _clause_end_at(text, m.start("verb"))):
            continue
        add(m.start("lead"), _clause_end_at(text, m.start("verb")), int(m.group("year")))
    return out


def _clause_end_at(text: str, pos: int) -> int:
    """Offset of the first clause break (, ; . ! ?) at or after ``pos``."""
    m = re.compile(r"[,;!?]|\.(?!\d)").search(text, pos)
    return m.start() if m else len(text)


def _sentence_end(text: str, pos: int) -> int:
    """Offset of the end of the sentence holding ``pos`` (. ! ? or a line break, not a decimal point)."""
    m = re.compile(r"[!?\n]|\.(?!\d)").search(text, pos)
    return m.start() if m else len(text)


def _year(published: str | None) -> int | None:
    if published and re.match(r"\d{4}", published):
        return int(published[:4])
    return None


def _cues(sentence: str, ss: int, pub_year: int | None) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every cue in the sentence, document offsets, ordered by start.

    kind: target, weak (a goal only close by), reach (follows the goal before it),
    achieved, frame (a past, present or result frame), rule (a rule or a design: other),
    hypo (a hypothetical or condition: other for the rest of its clause).
    "đến năm YYYY" is a goal only when YYYY is not before the article's year."""
    found = [(ss + m.start(), ss + m.end(), "reach" if m.group(1) or (
                 m.group(0).lower() == "được" and _AFTER_VERB.search(sentence, 0, m.start())
                 and _REACHED_NUMBER.match(sentence, m.end())) else "achieved")
             for m in _ACHIEVED_CUE.finditer(sentence)]
    achieved_spans = [(a, b) for a, b, _ in found]
    for m in _TARGET_CUE.finditer(sentence):
        a, b = ss + m.start(), ss + m.end()
        if any(x <= a and b <= y for x, y in achieved_spans):       # "vượt chỉ tiêu" is a result
            continue
        if m.group(0).isupper():
            continue                                                 # "QUAN ĐIỂM CHỈ ĐẠO VÀ MỤC TIÊU": a heading
        if _GOAL_MET_AFTER.match(sentence, m.end()):
            found.append((a, b, "achieved"))                         # "Chỉ tiêu xuất khẩu vượt kế hoạch, ước đạt …"
            continue
        past = m.group(1) and pub_year and int(m.group(1)) < pub_year
        if m.group(1) and VISION_AFTER.match(sentence, m.end()):
            continue                                                 # "quy hoạch … đến năm 2020, tầm nhìn 2030": a title
        kind = "frame" if past else ("weak" if m.group(2) else "target")
        word = m.group(0).lower()
        if word == "sẽ":
            kind = _future_kind(sentence, m.start(), m.end())
        elif word in ("để", "nhằm") and _SPENT_BEFORE.search(sentence, 0, m.start()):
            kind = None                                              # "mất 5,7 giây để đạt 0-100 km/h"
        if kind:
            found.append((a, b, kind))
    found += [(ss + m.start(), ss + m.end(), "target") for m in _NEED.finditer(sentence)]
    found += [(ss + m.start(), ss + m.end(), "target") for m in _ASSIGNED.finditer(sentence)
              if not any(x <= ss + m.start() and ss + m.end() <= y for x, y in achieved_spans)]   # "đạt 120% chỉ tiêu được giao"
    for m in _WANT.finditer(sentence):
        if _WANT_REACH.match(sentence, m.end()):
            kind = "target"                                          # "muốn đạt được tăng trưởng 6,7%"
        elif _CONSEQUENT.match(sentence, m.end()):
            kind = "hypo"                                            # "muốn cầu tài thì mua 5 chỉ vàng"
        else:
            kind = "weak"
        found.append((ss + m.start(), ss + m.end(), kind))
    for m in _FRAME.finditer(sentence):
        if m.group(1) and pub_year and int(m.group(1)) >= pub_year:
            continue                                                 # "năm 2017" in 2017: no frame
        found.append((ss + m.start(), ss + m.end(), "frame"))
    found += [(ss + m.start(), ss + m.end(), "rule") for m in _RULE_CUE.finditer(sentence)]
    found += [(ss + m.start(), ss + m.end(), "rule") for m in _DESIGN_CUE.finditer(sentence)]
    found += [(ss + m.start(), ss + m.end(), "plan") for m in _PLAN_CUE.finditer(sentence)]
    for m in _HYPOTHETICAL.finditer(sentence):
        word = m.group(0).lstrip(" \t\"“'‘(").lower()
        if word.startswith("khi") and (_REALIS_PAST.search(sentence) or not _DEONTIC.search(sentence)):
            continue                  # "Khi chuyển đến đây, bà đã phát hiện …": a past event, not a rule
        if word.startswith("cứ") and _RATE.match(sentence, m.end()):
            continue                  # "cứ 3 hộ thoát nghèo, có một hộ tái nghèo": a measured rate
        if word.startswith("nếu") and _REALIS_CONSEQUENT.match(sentence, m.end()):
            continue                  # "nếu ngày mùng 1 đạt 4.000 lượt thì ngày mùng 5 đã tăng …": a contrast
        found.append((ss + m.start(), ss + m.end(), "hypo"))
    found += [(ss + m.start(), ss + m.end(), "say") for m in _SAY.finditer(sentence)
              if m.start() and not _TARGET_CUE.search(sentence, _clause_break(sentence, 0, m.start()), m.start())]
    wide = [(a, b) for a, b, kind in found if kind in ("rule", "hypo")]
    return sorted(c for c in found if not any(a <= c[0] and c[1] <= b and (a, b) != c[:2] for a, b in wide))


def _future_kind(sentence: str, a: int, b: int) -> str | None:
    """Cue kind of "sẽ" at ``a``..``b``: weak (a plan or forecast), rule, or None (being or having).

    >>> s = "Hai đội sẽ có 6 quyền thay người, Rafa sẽ nhận 1 triệu euro, tỉnh sẽ trồng 800 nghìn cây."
    >>> [_future_kind(s, m.start(), m.end()) for m in re.finditer("sẽ", s)]
    [None, 'rule', 'weak']
    """
    m = _FUTURE_NOT_GOAL.match(sentence, b)
    if m is None:
        return "weak"
    if m.group("rule"):
        return "rule"
    if m.group("be").lower() == "có" and _EXISTENTIAL_BEFORE.search(sentence, 0, a):
        return "weak"                             # "Theo dự báo, sẽ có khoảng 2 triệu lượt khách"
    return None


def _kind(text: str, ss: int, figure: Figure, prev: Figure | None, cues: list[tuple[int, int, str]],
          pub_year: int | None) -> str:
    """achieved, target or other for one figure (rules in the module docstring)."""
    if figure.unit in _TIME_UNITS:
        return "other"                            # "90 năm", "tối thiểu 3 năm"
    left = text[max(ss, figure.start - 30):figure.start]
    if (figure.unit or "").lower() in _DOCUMENT_UNITS and _ANAPHOR_AFTER.match(text, figure.end):
        return "other"                            # "tầm quan trọng của 2 quyết định này"
    if _NAMED_ABOVE_AFTER.match(text, figure.end):
        return "other"                            # "Ngoài 3 công chức trên", "Hai vụ án nêu trên"
    if figure.unit == "%" and _FIRM_BEFORE.search(left) and _SHARES_AFTER.match(text, figure.end):
        return "other"                            # "chuyển DN 100% vốn nhà nước thành công ty cổ phần"
    if ((figure.unit or "").split(" ")[0] in _ADMISSION_UNITS or figure.unit == "%" and prev is not None
            and (prev.unit or "") in _ADMISSION_UNITS) and _ADMISSION.search(text, ss, _sentence_end(text, figure.end)):
        return "other"                            # "điểm nhận hồ sơ xét tuyển là 15,5 điểm", "1.900 chỉ tiêu ở 15 ngành"
    if _is_part_count(text, figure):
        met = _PART_MET_BEFORE.search(left) or _PART_MET_AFTER.match(text, figure.end)
        return "achieved" if met else "other"
    unit = figure.unit or ""
    if _COMPOSED_OF_BEFORE.search(left) and not _PERSON_UNIT.search(unit) and not _is_codebook_unit(unit):
        return "other"                            # "gồm 4 trường đoạn", "(gồm 10 tỉnh miền Tây Nam bộ)"
    if unit and unit != "%" and _ANNOUNCES_LIST.match(text, figure.end) and not _RESULT_IN_CLAUSE.search(
            text, _clause_break(text, ss, figure.start), figure.start) and not (
            figure.indicator and _RESULT_IN_CLAUSE.search(text, figure.end, text.find(":", figure.end))):
        return "other"                            # "tập trung vào 5 chỉ số: …", not "7.026 ĐV được đánh giá: …"
    if _agenda_unit(text, figure) and (_AGENDA_BEFORE.search(left) or prev is not None and prev.kind == "other"
                                       and _agenda_unit(text, prev)
                                          and not re.search(r"[;:]", text[prev.end:figure.start])):
        return "other"                            # "xem xét, thảo luận và thông qua 12 báo cáo …, 3 báo cáo"
    if unit[:1].isupper() and _NUMBER_WORD.match(figure.text):
        return "other"                            # "bốn Văn phòng cần chú trọng …"
    if unit == "lần" and _SUFFERED_AFTER.match(text, figure.end):
        return "other"                            # "hai lần bị thực dân Pháp bắt"
    if _PROHIBITED_LIMIT.search(text, max(ss, figure.start - 80), figure.start):
        return "other"                            # "không thanh tra doanh nghiệp một năm quá một lần"
    if _is_enumerated(text, ss, figure):
        return "other"                            # "nêu 6 kiến nghị, trong đó …", "2 nút thắt. Thứ nhất là …"
    if _DEFINITION.search(text[max(ss, text.rfind(";", ss, figure.start) + 1):figure.start]):
        return "other"                            # "Hộ nghèo là hộ có thu nhập dưới 700.000 đồng"
    if _DOCUMENT_SCOPE.search(text, max(ss, figure.start - 160), figure.start) and not _PERSON_UNIT.search(unit) \
            and not unit[:1].isupper():            # not those it appoints: "về việc bổ nhiệm 2 Thẩm phán"
        return "other"                            # "quyết định … về việc thu hồi hơn 50 ha"
    if prev is not None and prev.kind and prev.unit not in _TIME_UNITS and not _is_part_count(text, prev) and (
            _LISTED.fullmatch(text, prev.end, figure.start) or _SUBSET_BEFORE.search(left)) and not (
            prev.unit in _OBJECT_UNITS and figure.unit in _AFFECTED_UNITS and _is_descriptive(text, ss, prev)):
        return prev.kind                          # "diện tích 15,9 ha, 41 hộ bị ảnh hưởng": 41 is its own
    before = [c for c in cues if c[1] <= figure.start and ";" not in text[c[1]:figure.start]]
    if figure.year and pub_year and figure.year > pub_year and not any(kind == "hypo" for _, _, kind in before) \
            and not (before and before[-1][2] == "rule"):
        return "target"                           # not "sang năm 2018 …, nếu mua 1 chiếc xe 600 triệu đồng",
                                                  # nor "đến năm 2020 mức học phí sẽ là 1,2 triệu đồng/tháng"
    if _GOAL_VALUE.search(left) and not _GOAL_REFERRED.search(left):
        return "target"                           # "Nếu không đạt được mục tiêu 6,7%": the goal's own value
    clause_at = _clause_break(text, ss, figure.start)
    if _PROPOSAL_START.match(text, clause_at, figure.start) and _WILL_AFTER.match(text, figure.end):
        return "target"                           # "Tăng tín dụng thêm 2% sẽ không gây lạm phát": a proposal
    nearest, frame, weak_goal, goal_end = None, False, False, None
    for a, b, kind in cues:
        if b > figure.start:
            break
        if text.rfind("(", ss, a) > text.rfind(")", ss, a) and text.find(")", b, figure.start) >= 0:
            continue                              # "(vượt 1,43% so với mục tiêu … đề ra); còn 257 xã"
        if kind == "say":
            nearest, weak_goal = None, False      # "…, đại biểu X cho rằng …": the speaker's own statement
            continue
        if kind == "rule" and nearest == "target" and goal_end is not None and text[a:b].lower() == "có thể" \
                and not re.search(r"[,;:]", text[goal_end:a]):
            continue                              # "đến năm 2020 có thể nâng … lên 1,4 triệu": a forecast
        if kind in ("rule", "hypo"):
            if ";" in text[b:figure.start]:
                continue                          # a rule or hypothetical reaches to the next ";"
            if kind == "hypo":
                if _forecast_consequent(text, b, figure.start, pub_year):
                    continue                      # "nếu làm tốt thì đến năm 2020 có thể nâng … lên 1,4 triệu"
                return "other"
            kind = "other"
        if kind == "weak":
            gap = text[b:figure.start]
            if len(gap) > _WEAK_REACH or any(c in gap for c in ",;:") or _CONTRAST.search(gap):
                continue
            kind, weak_goal = "target", True
        elif kind == "target":
            weak_goal, goal_end = False, (b if _YEARLIKE.search(text, a, b) else None)
        if kind == "reach":
            kind = "target" if nearest in ("target", "plan") else "other" if nearest == "other" else "achieved"
        if kind == "frame":
            frame = True
            kind = "achieved"
        nearest = kind
    if _BASELINE_AFTER.match(text, figure.end) and text[max(ss, figure.start - 4):figure.start].strip() == "từ":
        return "achieved"                         # "từ 349 đầu mối xuống còn 268": the present count
    if (nearest != "target" or weak_goal) and _is_descriptive(text, ss, figure, prev):
        return "other"                            # "rộng 130 m2", "quy mô 500 giường bệnh", "74% dân số là …"
    if figure.unit == "%" and _RATE_OF_PLAN_AFTER.match(text, figure.end) and _PART_MET_BEFORE.search(left):
        return "achieved"                         # "3.050 tỷ đồng được giao, đạt 138% kế hoạch": how far a plan was met
    deadline_after = _DEADLINE_AFTER.match(text, figure.end) if nearest != "target" and pub_year else None
    if deadline_after and int(deadline_after.group(1)) >= pub_year and nearest not in ("other", "hypo") \
            and not _REALIS_PAST.search(text, _clause_break(text, ss, figure.start), figure.start):
        return "target"                           # "đạt số lượng gần 1.470.000 doanh nghiệp đến năm 2020"
    if nearest == "target" and _REQUIRED_FOR_AFTER.match(text, figure.end) and _DEONTIC_NEAR_BEFORE.search(left):
        return "other"                            # "nhiệt độ phải đảm bảo ở mức 800-1000 độ C để vận hành": a condition
    if figure.unit == "%" and _CERTAINTY_AFTER.match(text, figure.end) and _ASSURE_BEFORE.search(left):
        return "other"                            # "để “đảm bảo 100%” rằng …": certainty, not a measure
    if nearest == "target" or _CITED_GOAL.search(left) or _CITED_IN_BRACKETS.search(
            text, max(ss, figure.start - 80), figure.start):
        return "target"                           # "phấn đấu có 75% chi bộ", "vượt kế hoạch (18%)"
    if nearest == "other":
        return "other"                            # "quy định kiểm tra … 1.000 cán bộ", "thiết kế 80 km/h"
    if _LIMIT.match(figure.text) or _LIMIT_BEFORE.search(left):
        return "other"                            # "vay tín chấp tối đa 500 triệu đồng": a limit, not a result
    if _THRESHOLD.search(figure.text) and _is_category(text, clause_at, figure.start):
        return "other"                            # "không có các khoản nợ từ 50 triệu đồng trở lên"
    divided = [m for m in _DIVIDED.finditer(text, ss, figure.start)
               if not _REALISED_BEFORE.search(text, max(ss, m.start() - 20), m.start())]
    if divided and _in_divided_clause(text, divided[-1].end(), figure.start):
        return "other"                            # "chia thành 4 cụm, mỗi cụm có 1 lô"
    if figure.unit and figure.unit.startswith("giải") and not _PRIZE_REALIS.search(text, ss, figure.start):
        return "other"                            # "10 giải đồng hạng": a prize table
    if nearest is None and figure.unit in _MONEY_UNITS and _PER_CASE.match(text, ss + len(text[ss:figure.start]) - len(
            text[ss:figure.start].lstrip(" \t\"“'‘(–—-"))):
        return "other"                            # "Mỗi ván bài … nộp 20.000 đồng"
    if not frame and _MEASURE_BEFORE.search(left) and _FUTURE.search(text, max(ss, text.rfind(";", ss, figure.start) + 1),
                                                                      figure.start):
        return "other"                            # "sẽ thực hiện dự án … rộng khoảng 4-5ha"
    return "achieved"


def _forecast_consequent(text: str, pos: int, figure_start: int, pub_year: int | None) -> bool:
    """Whether the consequent of the condition before ``pos`` sets a coming deadline before the figure: a
    forecast (eval/README.md, test 2), "nếu làm tốt thì đến năm 2020 có thể nâng … lên 1,4 triệu doanh nghiệp".

    >>> s = "nếu làm tốt thì đến năm 2020 có thể có 1 triệu doanh nghiệp"
    >>> _forecast_consequent(s, 3, s.index("1 triệu"), 2017), _forecast_consequent(s, 3, s.index("1 triệu"), 2021)
    (True, False)
    """
    m = _THEN_DEADLINE.search(text, pos, figure_start)
    return bool(m and pub_year and int(m.group(1)) > pub_year and not re.search(r"[;]", text[m.end():figure_start]))


def _is_category(text: str, clause_at: int, figure_start: int) -> bool:
    """Whether the words right before ``figure_start`` name a category of things the bound defines ("các khoản
    nợ", "những hộ có thu nhập"), not a frame of time or a result ("những năm qua", "các xã đã đạt")."""
    m = _CATEGORY_BEFORE.search(text, clause_at, figure_start)
    return bool(m and not _ACHIEVED_CUE.search(m.group(0)) and not _FRAME.search(m.group(0)))


def _is_descriptive(text: str, ss: int, figure: Figure, prev: Figure | None = None) -> bool:
    """Whether ``figure`` says what an object, a place or a person is like (eval/README.md, test 4).

    ``prev`` is the figure before it in the sentence: the value of goods it has just counted ("11.000 tấn,
    trị giá 100 triệu USD") measures the same thing, not an asset.

    >>> from nlp.figures import extract_figures
    >>> text = "Căn hộ rộng 130 m2 có giá trị 2,5 tỉ đồng."
    >>> [_is_descriptive(text, 0, f) for f in extract_figures(text)]
    [True, True]
    """
    left = text[max(ss, figure.start - 40):figure.start]
    attribute = _ATTRIBUTE_BEFORE.search(left)
    if attribute:
        at = figure.start - len(left) + attribute.start()
        if _OUTCOME_BEFORE_ATTRIBUTE.search(text, max(ss, at - 25), at):
            return False                          # "giảm diện tích 50 ha", "tăng dân số 1,2%"
        word = attribute.group(0).lower()
        if re.match(r"(?:cao|sâu|dày|đường kính)(?![\wđĐ])", word) and figure.unit not in _LENGTH_UNITS:
            return False                          # "cao 80cm" is a size, "cao hơn 4%" is not
        if word.startswith("nắm") and not (figure.unit in ("cổ phiếu", "cổ phần")
                                          or _SHARES_AFTER.match(text, figure.end)):
            return False                          # "nắm 52 ghế": seats won, not a holding
        if "đầu tư" in word and _ATTRACTED.search(text, ss, at):
            return False                          # "thu hút 14 dự án … tổng vốn đầu tư 1.500 tỷ đồng"
        clause = _clause_break(text, ss, at)
        if "trị" in word and "trở" not in figure.text and (
                _VALUE_EVENT.search(text, clause, at) or prev is not None and prev.unit not in _MONEY_UNITS | {"%"}
                and prev.end <= at and at - prev.end <= 40 and not re.search(r"[;.:]", text[prev.end:at])
                and not _is_descriptive(text, ss, prev)):
            return False                          # "tặng 1.000 suất quà, trị giá …", "8kg vàng trị giá …"; not the
                                                  # value of a holding or a flat ("nắm 1,7 triệu cổ phiếu, có giá trị …")
        if "diện tích" in word and not re.search(r"(?:có|với)(?: tổng)?\s*$", text[max(ss, at - 12):at]) \
                and _AREA_ACTIVITY.search(text, max(ss, text.rfind(";", ss, at) + 1), at):
            return False                          # "trồng rau … trên diện tích 150 ha"
        return True
    unit, after = figure.unit or "", text[figure.end:figure.end + 60]
    if unit in _MONEY_UNITS and (_PER_GOODS_AFTER.match(text, figure.end) or _PROJECT_BEFORE.search(left)):
        return True                               # "giá đạm 6,5 triệu đồng/tấn", "dự án 647 triệu USD"
    if unit in _MONEY_UNITS and _PRIVATE_FINANCE.search(text, _clause_break(text, ss, figure.start), figure.start):
        return True                               # "ông Q. nói đã vay 20 tỉ đồng", "bà khai trị giá 2,5 tỉ đồng"
    if unit in _RESIDENT_UNITS and _PLACE_HAS_BEFORE.search(left) and _CLAUSE_END.match(after) \
            and not _NUMBER_OF.search(text, _clause_break(text, ss, figure.start), figure.start):
        return True                               # "mỗi xã chỉ có 5.000 – 7.000 người, …"
    clause = text[_clause_break(text, ss, figure.start):figure.start]
    if (unit in _MONEY_UNITS and _INVESTED_IN_AFTER.match(after) or unit in _AREA_UNITS and _INVESTED_IN_BEFORE.search(left)) \
            and not _ATTRACTED.search(clause) and not _AGGREGATE.search(clause):
        return True                               # "bỏ ra 50 tỷ đồng đầu tư bến xe", "hợp tác đầu tư gần 92 ha đất"
    if unit == "%" and _DEMOGRAPHY_AFTER.match(after):
        return True                               # "74% dân số là đồng bào dân tộc thiểu số"
    if unit in _POPULATION_UNITS and (_HAS_POPULATION_BEFORE.search(left) or unit == "dân" and (_HAS_BEFORE.search(left) or _MARKET_BEFORE.search(left))):
        return True                               # "xã có hơn 4.560 nhân khẩu", "với hơn 600 triệu dân"
    if unit in _FIXTURE_UNITS:
        return not _CHANGE_BEFORE.search(left)    # "nhà ở 2 - 3 tầng", not "bổ sung 50 giường"
    if unit in _OBJECT_UNITS and (_OBJECT_NOUN_BEFORE.search(left)
                                  or _HAS_BEFORE.search(left) and _GEOGRAPHY_AFTER.match(after)):
        return True                               # "khu biệt phủ 13.000 m2", "có gần 10km sông Tô Lịch đi qua"
    if unit == "con" and _HAS_BEFORE.search(left) and _CHILDREN_AFTER.match(after):
        return True                               # "có 2 con là liệt sỹ"
    return (unit not in _MONEY_UNITS and bool(_HOLDING_BEFORE.search(left))
            and bool(_OF_A_PERSON_AFTER.match(after)))  # "một trong 13 điểm trồng cam của gia đình ông Mạnh"


def _is_enumerated(text: str, ss: int, figure: Figure) -> bool:
    """Whether ``figure`` counts the items of a speech, report or list (eval/README.md, test 1): a small count
    that ordinal items take up next ("2 nút thắt … . Thứ nhất là … Thứ hai là …"), or a small count of what a
    speaker puts forward ("nêu 6 kiến nghị", "gợi mở 3 điểm sáng"), not petitions received or handled.

    >>> from nlp.figures import extract_figures
    >>> text = "Ông nêu 3 đề xuất, trong đó có việc sửa luật."
    >>> _is_enumerated(text, 0, extract_figures(text)[0])
    True
    """
    if figure.value_max is not None or not 2 <= figure.value <= 10 or figure.value != int(figure.value) \
            or (figure.unit or "%") in _MONEY_UNITS | _TIME_UNITS | {"%"}:
        return False
    ordinal = _FIRST_ITEM.search(text, figure.end, figure.end + 400)
    if ordinal and _SECOND_ITEM.search(text, ordinal.end(), ordinal.end() + 1200) \
            and not re.search(r"[.!?]\s+\S", text[figure.end:ordinal.start()]):   # its own or the next sentence
        return True
    unit_at = text.find(figure.unit or "\0", figure.start, figure.end)
    if unit_at < 0 or not _SPEECH_ITEM.match(text, unit_at) or figure.qualifier != "exact" \
            or figure.text.split()[0].lower() in ("hàng", "vài", "mấy"):
        return False
    clause = _clause_break(text, ss, figure.start)
    return not _HANDLED.search(text, max(ss, figure.start - 60), figure.start) and not _HANDLED.search(
        text, clause, figure.start)


_LAW_AFTER = re.compile(r"\s*luật" + _E)


def _agenda_unit(text: str, figure: Figure) -> bool:
    """The figure counts documents a meeting considers: "12 báo cáo", "13 dự án luật" (unit "dự án")."""
    unit = (figure.unit or "").lower()
    return unit in _AGENDA_UNITS or unit == "dự án" and bool(_LAW_AFTER.match(text, figure.end))


def _is_codebook_unit(unit: str) -> bool:
    """Whether ``unit`` is one of the codebook's counted nouns ("chi bộ", "xã", "đảng viên")."""
    from .codebook import load_codebook

    return unit in load_codebook().units.values()


def _in_divided_clause(text: str, pos: int, figure_start: int) -> bool:
    """Whether ``figure_start`` is in the clause of a "chia thành" at ``pos`` or in a "mỗi …" clause after it."""
    while True:
        cut = re.compile(r"[,;]").search(text, pos, figure_start)
        if cut is None:
            return True
        each = _EACH_PART.match(text, cut.start())
        if not each:
            return False
        pos = each.end()


def _find_from(text: str, sub: str, start: int, end: int) -> int:
    """``text.find(sub, start)``, looked for in ``text[start:end]`` first (where a figure's unit almost always is),
    else among the places of ``sub`` in the text, listed once per text: not a scan to the end of a long
    document for every figure.

    >>> _find_from("3 TCCSĐ; tổ chức cơ sở đảng", "tổ chức cơ sở đảng", 0, 7)
    9
    """
    at = text.find(sub, start, end)
    if at >= 0:
        return at
    places = _places(text, sub)
    i = bisect_left(places, start)
    return places[i] if i < len(places) else -1


@lru_cache(maxsize=32)
def _places(text: str, sub: str) -> list[int]:
    """Every offset where ``sub`` starts in ``text``, overlaps included."""
    out = []
    at = text.find(sub)
    while at >= 0:
        out.append(at)
        at = text.find(sub, at + 1)
    return out


def _is_part_count(text: str, figure: Figure) -> bool:
    """Whether ``figure`` counts parts of a text, programme or plan ("14 nhiệm vụ", "4 nhóm nhiệm vụ")."""
    if figure.unit and "/" in figure.unit or text.startswith("/", figure.end):
        return False                              # "13,47 tiêu chí/xã" is a measurement
    number_end = re.match(r"[^\s]*(?:\s+\d[\d.,]*)?", text[figure.start:figure.end])
    unit_at = _find_from(text, figure.unit, figure.start, figure.end) if figure.unit else -1
    at = unit_at if unit_at >= 0 else figure.start + (number_end.end() if number_end else 0)
    return bool(_PART_UNIT.match(text, at))


def _clause_break(text: str, ss: int, pos: int) -> int:
    """Offset just after the last clause break (, ; : ( –) before ``pos`` in its sentence."""
    i = pos - 1
    while i >= ss:
        c = text[i]
        if c in ",;:(–—\"“" or (c == "-" and i > ss and text[i - 1] == " "):
            return i + 1
        i -= 1
    return ss


def _sentence_targets(text: str, ss: int, se: int, figures: list[Figure], in_sentence: list[int],
                      cues: list[tuple[int, int, str]], pub_year: int | None) -> list[Target]:
    out: list[Target] = []
    current: Target | None = None
    prev_end = ss
    for i in in_sentence:
        f = figures[i]
        if f.kind != "target":
            current = None
            prev_end = f.end
            continue
        between = text[prev_end:f.start]
        new_cue = [c for c in cues if c[2] in ("target", "weak") and prev_end <= c[0] and c[1] <= f.start]
        if current is not None and not new_cue and ";" not in between and (
                "," not in between or re.search(r"(?<![\wđ])có(?![\wđ])", between)
                or _COMPARED_AFTER.match(text, f.end) or _SHARE_BEFORE.search(text, prev_end, f.start)):
            current.figures.append(i)           # "… thôn có từ 9 đảng viên": qualifies the same goal;
            prev_end = f.end                    # "…, thực giảm 2.708 ha so với năm 2010": compares it
            prev_end = f.end
            continue
        lo = prev_end
        semi = text.rfind(";", lo, f.start)
        if semi >= 0:
            lo = semi + 1
        starts = [c[0] for c in cues if c[2] in ("target", "weak") and lo <= c[0] < f.start]
        if starts:
            start = min(starts)
        else:
            start = _clause_start(text, lo, f.start)
        clause_end = _clause_end(text, f.end, se, figures, in_sentence, i)
        current = Target(start=start, end=f.end, text=text[start:f.end], value=f.value, value_max=f.value_max,
                         unit=f.unit, indicator=f.indicator,
                         deadline_year=_deadline(text, ss, se, start, pub_year, f.end),
                         recurrence="annual" if _RECURRENCE.search(text, start, clause_end) else None,
                         figures=[i])
        out.append(current)
        prev_end = f.end
    return out


def _numberless(text: str, ss: int, se: int, figures: list[Figure], in_sentence: list[int],
                pub_year: int | None, with_figures: list[Target] = ()) -> list[Target]:
    out = []
    for m in _UNMET.finditer(text, ss, se):
        if any(figures[i].start < m.end() and m.start() < figures[i].end for i in in_sentence):
            continue
        out.append(Target(start=m.start(), end=m.end(), text=m.group(0),
                          deadline_year=_deadline(text, ss, se, m.start(), pub_year, m.end())))
    for m_start, m_end, year in _dated_goals(text, ss, se, pub_year):  # "phấn đấu … vào năm 2022": no number
        if not pub_year or year is None or year < pub_year:
            continue
        stop = re.compile(r"[,;(]").search(text, m_end, se)
        end = stop.start() if stop else se
        while end > m_start and text[end - 1] in " .!?…\"”":
            end -= 1
        if any(figures[i].start < end and m_start < figures[i].end for i in in_sentence):
            continue
        if any(t.start < end and m_start < t.end for t in out) or \
                _GOAL_REFERRED.search(text, max(ss, m_start - 30), m_start + 9):
            continue                              # "củng cố niềm tin vào mục tiêu tăng trưởng … năm 2017"
        own = [t for t in with_figures if t.end > m_start and ";" not in text[end:t.start]][:1]
        if own:
            t = own[0]
            detail = _DETAIL.search(text, end, figures[t.figures[0]].start)
            if not detail:                        # "phấn đấu đến năm 2020, cùng với …, tỷ lệ đô thị hóa đạt 35%"
                t.start = min(t.start, m_start)
                t.text = text[t.start:t.end]
                t.deadline_year = t.deadline_year or year
                continue
            if t.start < detail.end():            # "đặt mục tiêu đến hết năm 2017, …, cụ thể là … nhóm 70 nước"
                t.start = detail.end() + len(text[detail.end():t.end]) - len(text[detail.end():t.end].lstrip())
                t.text = text[t.start:t.end]
        out.append(Target(start=m_start, end=end, text=text[m_start:end], deadline_year=year))
    return out


def _dated_goals(text: str, ss: int, se: int, pub_year: int | None) -> list[tuple[int, int, int | None]]:
    """(start, end of the cue, deadline year) of the goals with a time and no number in ``text[ss:se]``:
    "phấn đấu … vào năm 2022", "phấn đấu năm nay đạt …" (the article's year), "Năm 2017, ngành … phấn đấu
    hoàn thành …", "để hoàn thành dự án vào tháng 10 tới" (the article's year unless the month gives one).

    >>> s = "Sở chỉ đạo tăng ca để hoàn thành dự án vào tháng 10 tới."
    >>> [(s[a:], y) for a, _, y in _dated_goals(s, 0, len(s), 2017)]
    [('hoàn thành dự án vào tháng 10 tới.', 2017)]
    """
    out = []
    for m in _DATED_GOAL.finditer(text, ss, se):
        out.append((m.start(), m.end(), pub_year if m.group("now") else int(m.group(1))))
    for m in _FRAMED_GOAL.finditer(text, ss, se):
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t\"“'‘(–—-•*"))
        out.append((start, m.end(), int(m.group(1))))
    for m in _MONTH_GOAL.finditer(text, ss, se):
        year = int(m.group("year")) if m.group("year") else pub_year
        out.append((m.start("body"), m.end(), year))
    for m in _REQUIRED_COMPLETION.finditer(text, ss, se):     # a goal cue inside it names the goal
        if not any(a < m.end() and m.start() < b for a, b, _ in out):
            out.append((m.start(), m.end(), int(m.group(1))))
    for m in _FRONTED_COMPLETION.finditer(text, ss, se):
        year = int(m.group(1))
        if pub_year is not None and year > pub_year:      # the article's own year may report progress
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t\"“'‘(–—-•*"))
            out.append((start, m.end(), year))
    return sorted(out)


def _clause_start(text: str, lo: int, pos: int) -> int:
    cut = max(text.rfind(",", lo, pos), text.rfind(":", lo, pos))
    start = cut + 1 if cut >= 0 else lo
    while start < pos and text[start].isspace():
        start += 1
    return start


def _clause_end(text: str, pos: int, se: int, figures, in_sentence, i) -> int:
    later = [figures[j].start for j in in_sentence if figures[j].start > figures[i].start]
    end = min([se] + later)
    semi = text.find(";", pos, end)
    return semi if semi >= 0 else end


def _deadline(text: str, ss: int, se: int, start: int, pub_year: int | None, end: int | None = None) -> int | None:
    """Deadline year of the target at ``start``..``end``: the nearest deadline phrase from the last ";"
    before it to the end of its clause ("đến năm 2020", "giai đoạn 2016-2020", "đến cuối nhiệm kỳ"),
    else a year of the article or later written there ("cả năm 2017"), else the article's year when the
    goal is for this year ("năm nay", "cả năm", "cuối năm")."""
    end = start if end is None else end
    semi = text.rfind(";", ss, start)
    lo = semi + 1 if semi >= 0 else ss
    stop = re.compile(r"[,;]").search(text, end, se)
    hi = stop.start() if stop else se
    best = None
    for m in _DEADLINE.finditer(text, lo, hi):
        dist = abs(m.start() - start)
        if m.group(1) or m.group(2) or m.group(4):
            year = int(m.group(1) or m.group(2) or m.group(4))
        elif m.group("month_year"):
            year = int(m.group("month_year"))
        elif m.group("next_term"):
            # "nhiệm kỳ tới" written in 2017 or in 2020 (a congress year): the term 2020-2025
            year = pub_year + (-pub_year) % 5 + 5 if pub_year else None
        elif m.group("years_ahead"):
            n = m.group("years_ahead").lower()
            year = pub_year + (int(n) if n.isdigit() else _YEARS_AHEAD_WORDS[n]) if pub_year else None
        else:
            year = _term_end(text, m.start(), pub_year)
        if year is not None and not (pub_year and year < pub_year) and (best is None or dist < best[0]):
            best = (dist, year)
    if best:
        return best[1]
    for m in _YEAR_IN_CLAUSE.finditer(text[lo:hi]):
        if pub_year and int(m.group(1)) >= pub_year:
            return int(m.group(1))
    if pub_year and _THIS_YEAR.search(text, lo, hi):
        return pub_year
    frames = [m for m in _DEADLINE.finditer(text, ss, lo) if m.group(1) or m.group(2) or m.group(4)]
    for m in reversed(frames):      # "đặt mục tiêu đến hết năm 2017, cụ thể là …; Bảo vệ nhà đầu tư … 80 nước"
        year = int(m.group(1) or m.group(2) or m.group(4))
        if not (pub_year and year < pub_year):
            return year
    frame = _SENTENCE_YEAR_FRAME.match(text, ss)
    if frame and pub_year and int(frame.group(1)) >= pub_year:
        return int(frame.group(1))  # "Năm 2017, … dự kiến thu … 10.000 tỷ đồng, thu tiền sử dụng đất 40.000 tỷ đồng"
    if pub_year and _ECONOMIC.search(text, lo, hi):
        return pub_year             # "phấn đấu đạt tăng trưởng 6,7%" in 2017
    return None


def _restated_deadlines(targets: list[Target]) -> None:
    """A goal restated without its time ("Hà Nội sẽ giảm 10% biên chế" in a headline) takes the deadline
    the text gives the same goal elsewhere ("Tới 2020 - 2021, sẽ giảm 10% biên chế": 2021)."""
    dated = {}
    for t in targets:
        if t.deadline_year is not None and t.value is not None:
            dated.setdefault((t.value, t.value_max, t.unit), t.deadline_year)
    for t in targets:
        if t.deadline_year is None and t.value is not None and t.recurrence is None:
            t.deadline_year = dated.get((t.value, t.value_max, t.unit))


@lru_cache(maxsize=8)
def _terms(text: str) -> tuple[list[int], list[int]]:
    """End offsets and last years of the "nhiệm kỳ YYYY - YYYY" written in ``text``, in text order."""
    found = [(m.end(), int(m.group(1))) for m in _TERM.finditer(text)]
    return [end for end, _ in found], [year for _, year in found]


def _term_end(text: str, pos: int, pub_year: int | None) -> int | None:
    """End year of the term meant by "đến cuối nhiệm kỳ": the nearest "nhiệm kỳ YYYY-YYYY" written
    before it in the document, else the next party-congress year (terms end in years divisible by 5)."""
    ends, years = _terms(text)
    i = bisect_right(ends, pos)                  # the terms written before pos
    if i:
        return years[i - 1]
    if pub_year:
        return pub_year + (-pub_year) % 5
    return None


__all__ = ["extract_targets"]
