"""Figures: quantities that count or measure something (GUIDE §3).

A figure is a number (digits or words, a range "5 – 6", a ratio "24/24") with
what it counts right after it ("181 đảng viên", "10,6%", "16 lớp"). Dates,
times, years, document numbers, ordinals, list numbering, roads and places,
phone numbers, ages, sides ("hai bên") and geographic coordinates are never
figures; a number with nothing counted after it is dropped too (precision first).

Units come from the codebook's unit list; otherwise from underthesea word
segmentation + POS (the first noun after the number). Only sentences that
still hold a candidate without a known unit are tokenized (speed).

>>> [(f.text, f.value, f.unit, f.qualifier) for f in extract_figures("Năm 2017 kết nạp hơn 150 đảng viên.")]
[('hơn 150 đảng viên', 150.0, 'đảng viên', 'min')]
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterable

from .codebook import indicator_for, match_unit, recode
from .numbers import (DIGITS, MULTIPLIER_RE, NUMBER_WORDS_RE, RANGE_SEP, parse_multiplier, parse_number,
                      parse_number_words)
from .normalize import UPPER
from .sentences import sentence_spans
from .spans import SpanSet
from .types import Figure

_W = r"[\wđĐ]"

# Spans that are never figures, found per sentence.
_BLOCK = re.compile("|".join([
    r"(?<![\d.,])\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}(?!\d)",     # 07/04/2017, 17-10-2017, 3-2-1930 (not "3.215/3.000")
    r"\d{1,2}\s*:\s*\d{2}(?::\d{2})?",                                     # 08:54
    r"\d{1,2}\s*(?:h|giờ)\s*\d{1,2}(?:\s*phút|')?(?!\d)",                  # 8h30, 8 giờ 30
    r"(?<![\w.,])\d{1,2}h(?![\wđ])",                                       # 20h
    r"(?:(?:lúc|vào lúc|từ lúc|đến lúc)\s+)\d{1,2}(?:[,.]\d+)?\s*giờ(?:\s*\d{1,2}(?:\s*phút)?)?",  # lúc 8 giờ
    r"(?<![\d.,])(?:19|20)\d{2}\s*[-–—/]\s*(?:19|20)?\d{2}(?![\d.,])",     # 2016-2020, 2015 - 2020, 2019/20
    r"GMT\s*[+-]\s*\d+",                                                   # (GMT+7)
    r"(?:\+84|(?<![\d.,])0)\d{2,3}[ .]?\d{3,4}[ .]?\d{3,4}(?![\d])",       # phone numbers
    r"\d+(?:\s*/\s*\d{4})?\s*[-/]\s*[A-ZĐ][A-ZĐa-zđ]*(?:\s*[-/]\s*[A-ZĐƯ][A-ZĐƯa-zđư.]*)+",  # 290-KH/TU, 100/2019/NĐ-CP
    r"(?:ngày|Ngày|mùng|hôm)\s+\d{1,2}(?:\s*[/.-]\s*\d{1,2})?(?:\s*[/.-]\s*\d{2,4})?",  # ngày 7/4
    r"(?:tháng|Tháng)\s+\d{1,2}(?:\s*[/.-]\s*\d{4})?(?:\s+năm\s+\d{4})?",  # tháng 3/2018
    r"(?:quý|Quý)\s+\d",
    r"(?:năm|Năm)\s+\d{1,4}(?!\d)(?![.,]\d)",                              # năm 2016
    r"(?:tỷ số|tỉ số|thắng|thua|hòa|hoà|cách biệt|dẫn)\s+\d+\s*[-–—]\s*\d+",  # scores
    r"[A-ZĐ]\w*\s*[,(]\s*\d{1,3}\s*tuổi",                                  # Nguyễn Văn A (45 tuổi)
    r"(?:SN|sinh năm)\s*\d{4}",
    r"\d{1,3}(?:\s*,\s*\d{1,3})*\s*năm\s+tuổi\s+[Đđ]ảng",                  # Huy hiệu 30, 40 năm tuổi Đảng
    r"(?<!\d)[1-5]\.0(?!\d)",                                              # công nghiệp 4.0
    # a month and a year in brackets or after an event: "Đại hội VI (12/1986)", "từ 5/2016 đến nay"
    r"(?<![\d.,/])(?:0?[1-9]|1[0-2])\s*/\s*(?:19|20)\d{2}(?![\d.,])",
    # geographic coordinates are a position, like roads and places: "19,3 độ Vĩ Bắc; 107,5 độ Kinh Đông",
    # "6-9 độ vĩ Bắc", "15.221 vĩ độ Bắc", "kinh độ 107,5 Đông"
    r"\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?\s*(?:độ\s*)?(?:\d+\s*(?:phút|')\s*)?(?i:vĩ|kinh)\s*(?:độ|tuyến)?\s*"
    r"(?i:bắc|nam|đông|tây)",
    r"(?i:vĩ|kinh) (?:độ|tuyến)\s*(?::\s*)?\d[\d.,]*(?:\s*độ)?",
]))

# What stands right before a number that makes it an identifier, not a quantity.
_LEFT_TRAP = re.compile(r"(?:^|[^\wđĐ])(?:" + "|".join([
    r"lần thứ", r"thứ", r"khóa", r"khoá", r"kỳ họp", r"lần", r"đợt",
    r"phường", r"quận", r"khu phố", r"tổ dân phố", r"tổ", r"ấp", r"thôn", r"xóm", r"khu", r"khu vực",
    r"tiểu khu", r"cụm", r"lô", r"tầng", r"phòng", r"số nhà", r"nhà số", r"căn hộ", r"block",
    r"điều", r"khoản", r"chương", r"(?<!danh )mục", r"phụ lục", r"điểm", r"câu", r"bài", r"trang", r"(?<!triệu )(?<!học )(?<!luyện )tập", r"phần",
    r"QL", r"quốc lộ", r"tỉnh lộ", r"ĐT", r"(?<!quãng )đường", r"đường số", r"Km", r"cầu", r"bến", r"tuyến", r"cổng",
    r"Trung ương", r"(?-i:TW|T\.Ư|TƯ|T\.W)", r"GMT", r"hội nghị",                          # not "đầu tư 900 tỷ đồng"
    r"lớp", r"khối", r"đội", r"sư đoàn", r"trung đoàn", r"lữ đoàn", r"tiểu đoàn", r"đại đội", r"quân khu",
    r"quân đoàn", r"vùng", r"bệnh viện", r"(?<!thị )(?<!quảng )trường", r"xe", r"biển số", r"biển kiểm soát", r"BKS", r"mã số", r"mã",
    r"nghị quyết", r"chỉ thị", r"quyết định", r"quy định", r"kết luận", r"kế hoạch", r"thông báo", r"hướng dẫn",
    r"nghị định", r"thông tư", r"công văn", r"(?-i:Luật)", r"tờ trình", r"đề án", r"chương trình", r"báo cáo",
    r"thông tri", r"quy chế", r"văn bản", r"huy hiệu", r"hạng", r"giải", r"top", r"vòng", r"bảng", r"trận",
    r"(?<!cung )(?<!được )(?<!đã )(?<!sẽ )cấp", r"độ", r"level", r"phiên bản", r"ngày", r"tháng", r"năm", r"quý", r"tuần thứ", r"mùa",
    r"(?<!tổng )(?<!Tổng )(?<!trong )(?<!Trong )số",                       # not "trong số 13 chỉ tiêu" (among)
]) + r")\s*(?:số\s*)?[:.]?\s*$", re.IGNORECASE)

# Lower-case verbs that also name documents: "kết luận 58 ĐV có vi phạm" (concluded), not "Kết luận 58".
_VERB_NOT_TITLE = re.compile(r"(?<![\wđĐ])(?:kết luận|báo cáo|thông báo)\s*$", re.IGNORECASE)
# (after "/" only when a word ends right before it: "19.260 CĐ cơ sở/21.148 đơn vị" pairs two counts;
# "30/4", "12/QĐ-TTg" and " /2" are dates, symbols and fractions)
_PER_MEASURE = re.compile(r"\s*(?:năm|tháng|tuần|ngày|giờ|phút|giây|km|m|cm|kg|g|lít|tấn|tạ|ha|m2|kHz|Hz)(?![\wđĐ])")
# "từ 401 xuống còn 208 đơn vị", "từ 12 lên 15 chi bộ": the starting count takes the unit written after the end
_FROM_BEFORE = re.compile(r"(?<![\wđĐ])từ\s+$", re.IGNORECASE)
_DOWN_UP_TO = re.compile(r"\s+(?:xuống|lên|tăng lên|giảm xuống)(?:\s+(?:còn|đến|tới|thành))?\s+"
                         r"(?:(?:khoảng|gần|hơn|trên)\s+)?(?:" + DIGITS + r")(?!\d)")
# Money written with its multiplier only, in a sentence about money: "bị phạt 724 triệu", "23.000 tỉ".
_MONEY_MULTIPLIER = re.compile(r"(?:nghìn |ngàn )?(?:triệu|tỷ|tỉ)", re.IGNORECASE)
# ... with no noun after the multiplier (not "3,4 triệu bảng Anh", "1,1 triệu cổ phiếu", "42 triệu khách")
_MONEY_NO_NOUN_AFTER = re.compile(r"\s*(?:$|[,.;:!?)”\"…-]|(?:để|vì|trong|cho|và|nhưng|thì|từ|của|mà|với|mỗi|tiền|"
                                  r"so với|nên|là|đã|sẽ|khi|do|tại|ở)(?![\wđĐ]))", re.IGNORECASE)
_MONEY_CONTEXT = re.compile(r"(?<![\wđĐ])(?:đồng|tiền|vốn|chi phí|kinh phí|ngân sách|đầu tư|phạt|nợ|lỗ|lãi|doanh thu|"
                            r"lợi nhuận|tài sản|thiệt hại|tổn thất|trị giá|giá|thu nhập|lương|bồi thường|hỗ trợ|"
                            r"giải ngân|chi|thu|nộp|vay|tiết kiệm)(?![\wđĐ])", re.IGNORECASE)
_SLASH_NOT_PAIR = re.compile(r"(?<![\wđĐ])(?:[IVXLC]+|năm|tháng|tuần|ngày|quý|kỳ|lần|giờ)/$", re.IGNORECASE)
_NUM = re.compile(r"(?<![\wđĐ.,:+\-–])(?<![^\w]/)(?<![\d_]/)(?<!^/)(" + DIGITS + r")(?!\d)")
_PERCENT = re.compile(r"\s*(%|phần trăm)")
_RANGE = re.compile(r"\s*%?" + RANGE_SEP + r"(" + DIGITS + r")(?![\d/])")
# "1, 2 cuộc kiểm tra" (one or two): two consecutive single digits joined by a comma are a range.
_COMMA_RANGE = re.compile(r",\s+(\d)(?![\d.,/])")
_RATIO = re.compile(r"\s*/\s*(" + DIGITS + r")(?![\d/])")
_PER = re.compile(r"\s*/\s*(năm|tháng|tuần|ngày|người|kỳ|khóa|quý)(?![\wđ])")
_AT_LEAST = re.compile(r"(?:\s+[\wđĐ,]+){0,4}?\s+trở (lên|xuống)(?![\wđ])")
_MODIFIER = re.compile(r"[ \t]+(mới|chính thức|dự bị|ưu tú)(?![\wđ])")
_QUALIFIER = re.compile(
    r"(?:^|[^\wđĐ])(trên dưới|ít nhất|tối thiểu|không vượt quá|không quá|tối đa|chưa đến|chưa tới|"
    r"xuống còn|lên tới|lên đến|hơn|trên|gần|khoảng|chừng|xấp xỉ|ước tính|ước|dưới|từ|còn)\s*$", re.IGNORECASE)
_QUALIFIER_KIND = {"trên dưới": "approx", "ít nhất": "min", "tối thiểu": "min", "không vượt quá": "max",
                   "không quá": "max", "tối đa": "max", "chưa đến": "max", "chưa tới": "max",
                   "hơn": "min", "trên": "min", "gần": "approx", "khoảng": "approx", "chừng": "approx",
                   "xấp xỉ": "approx", "ước tính": "approx", "ước": "approx", "dưới": "max"}
_YEAR = re.compile(r"(?:năm|Năm)\s+((?:19|20)\d{2})(?!\s*[-–—]\s*\d)(?!\d)(?![.,]\d)"
                   r"|(?:tháng|Tháng)\s+\d{1,2}\s*[/-]\s*((?:19|20)\d{2})(?!\d)")
# What follows a number that is a size even after a name-like word: "bệnh viện 500 giường".
_CAPACITY = re.compile(r"\s*giường(?![\wđ])")
_SQUARE = re.compile(r"\s?[2²](?![\d\wđ])")
_COORDINATED = re.compile(r"\s*(?:,|và|,\s*và)\s*")
# ... also after a short modifier of the first count: "có 17 đảng bộ trực thuộc, 443 TCCSĐ".
_COORDINATED_AFTER_MODIFIER = re.compile(r"(?:\s+[^\W\d][^\s,;.:()]*){1,3}\s*(?:,|,\s*và)\s*")
# "401 trong tổng số 415 TCCSĐ": a part and its whole.
_PART_OF = re.compile(r"\s+(?:trong|trên)\s+(?:tổng\s+)?số\s+")
_PART_OF_AFTER = re.compile(r"\s+(?:trong|trên)\s+(?:tổng\s+)?số\s+(" + DIGITS + r")(?!\d)")
# A share in brackets right after a count, a subset, an item of a list named by its organisation or place.
_BRACKET = re.compile(r"\s*\(\s*")
_BRACKETED = re.compile(r"\([^()]*\)")
_SUBSET = re.compile(r"\s*,?\s*trong (?:đó|số đó)(?:\s+có)?\s*", re.IGNORECASE)
_AND = re.compile(r"\s+và\s+")
_DISCIPLINE_VERB_BEFORE = re.compile(r"(?<![\wđĐ])(?:thi hành kỷ luật|kỷ luật|khiển trách|cảnh cáo|cách chức|khai trừ)"
                                     r"(?:\s+(?:Đảng|đảng|đối với))?\s*$")
_THEN_COUNT = re.compile(r"\s*(?:,|và)\s*(?:hơn\s+|gần\s+)?\d")
# "kiểm tra 32 tổ chức đảng về thu chi ngân sách và 506 tổ chức đảng về …": one verb, two counts.
_COORDINATED_MOD = re.compile(r"\s+(?:về|trong|tại|ở|đối với|thuộc)[^,;()]{1,60}?\s+và\s+")
_LIST_ITEM = re.compile(r"\s*(?:trong đó,?\s+)?(?:và\s+)?(?:(?:Đảng bộ|Chi bộ|Đảng ủy|Khối|Huyện ủy|Thành ủy|Quận ủy|Thị ủy|huyện|xã|"
                        r"phường|thị trấn|thành phố|quận|thị xã|tỉnh|các|đảng bộ|chi bộ)(?![\wđĐ])[^\d,;:()]{0,50}?)?\s*")
# A bare count after a form of discipline counts what the discipline was counted in before it.
_FORM_BEFORE = re.compile(r"(?<![\wđĐ])(?:khiển trách|cảnh cáo|cách chức|khai trừ|xóa tên|xoá tên)\s*:?\s*$",
                          re.IGNORECASE)
_DISCIPLINED_UNITS = {"đảng viên", "tổ chức đảng", "tổ chức cơ sở đảng", "chi bộ", "cán bộ", "cấp ủy viên",
                      "trường hợp", "đồng chí"}
_GRADES = {"excellent", "good", "good_or_better", "completed", "not_completed", "clean_strong",
           "clean_strong_exemplary", "weak"}
_ORDINAL_BEFORE = re.compile(r"thứ\s*$")
_YEAR_WORD_BEFORE = re.compile(r"(?:hằng|hàng|mỗi|trong|cuối|đầu|các|những|nhiều|một|cả|giữa)\s*$", re.IGNORECASE)
_YEARLIKE = re.compile(r"(?:19|20)\d{2}")
# Achieved over plan: "76,4%/60%"; the words that name a plan in the sentence of "A/B unit"; goals counted.
_PERCENT_PAIR = re.compile(r"(?<=%)\s*/\s*(" + DIGITS + r")(?=\s*%)")
_PLAN_WORDS = re.compile(r"kế hoạch|chỉ tiêu|nghị quyết|(?<![\wđĐ])(?:KH|NQ)(?![\wđĐ])|(?<![\wđĐ])vượt(?![\wđĐ])",
                         re.IGNORECASE)
_GOAL_UNIT_AFTER = re.compile(r"\s*(?:chỉ tiêu|tiêu chí|mục tiêu|nhiệm vụ)(?![\wđĐ])", re.IGNORECASE)
_TIME_UNITS = {"năm", "tháng", "ngày", "tuần", "giờ", "phút", "tuổi"}
_NOUN_TAGS = {"N", "Nc", "Nu", "Ny", "Nb"}
# Nouns the tagger reads as verbs after a number: "giảm 69 biên chế".
_NOUN_WORDS = {"biên chế"}
_NOT_UNITS = {"lúc", "khi", "lần thứ", "thứ", "số", "sáng", "chiều", "tối", "trưa", "đêm", "rưỡi"}
# Ages are not figures (GUIDE §3; the gold marks them optional): "con gái 14 tuổi", "Kỳ thủ 20 tuổi", "từ 18
# tuổi trở lên", "bé 15 tháng tuổi"; an average age measures a body of members ("tuổi bình quân 45,2 tuổi").
_AGE_AFTER = re.compile(r"\s+tuổi(?![\wđ])(?!\s+(?:[Đđ]ảng|đời|nghề|quân))")
_AVERAGE = re.compile(r"(?<![\wđ])(?:bình quân|trung bình)(?![\wđ])", re.IGNORECASE)
# "hai bên", "2 bên đường", "3 bên" (the sides or parties of a relation), "bên cạnh": not a count.
_SIDE_PREPOSITION = re.compile(r"\s*(?:cạnh|trong|ngoài|kia|này|trái|phải)(?![\wđ])")
# A counted noun keeps its capital when it names an office, a body or a title ("bốn Văn phòng", "2 Câu Lạc bộ",
# "2 Xứ ủy viên", "4 Bộ trưởng", "10 Ban Thường vụ"); other capitalised words after a number start a name.
_OFFICE_NOUN = re.compile(
    r"[ \t]*((?:Văn phòng|Câu [Ll]ạc [Bb]ộ|Ban (?:[Tt]hường vụ|[Cc]án sự|[Cc]hỉ đạo|[Cc]hấp hành|[Qq]uản lý|[Tt]uyên giáo|"
    r"[Tt]ổ chức|[Dd]ân vận|[Kk]inh tế|[Nn]ội chính)|Bộ trưởng|Thứ trưởng|Thẩm phán|Kiểm sát viên|Hội thẩm|Đại biểu|"
    r"Ủy viên|Uỷ viên|(?:Xứ|Tỉnh|Thành|Huyện|Quận|Thị|Khu|Liên khu|Đảng|Đoàn|Quân|Trung ương) (?:ủy|uỷ) viên|"
    r"(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng|Đoàn|Quân) (?:ủy|uỷ)|"
    # titles of office ("1 Phó Giám đốc", "3 Phó Chủ tịch") and state honours ("1.474 Mẹ Việt Nam anh hùng")
    r"(?:Phó |Tổng )?(?:Giám đốc|Chủ tịch|Bí thư|(?<=Phó )(?:giám đốc|chủ tịch|bí thư)|Chánh án|Chánh văn phòng|Chánh thanh tra|Viện trưởng|Cục trưởng|"
    r"Vụ trưởng|Trưởng (?:ban|phòng|đoàn|khoa)|"
    # ... in lower case, as counts of posts cut or filled: "giảm 35 trưởng phòng, 136 phó phòng, ban"
    r"(?:phó )?trưởng (?:phòng|ban|khoa)|phó (?:phòng|ban|giám đốc|chủ tịch|chánh văn phòng)|cấp (?:phó|trưởng))"
    r"|(?:Bà )?[Mm]ẹ Việt Nam [Aa]nh hùng|Anh hùng (?:[Ll]ực lượng vũ trang|"
    r"[Ll]ao động)(?: nhân dân)?|(?:Nghệ sĩ|Nhà giáo|Thầy thuốc|Nghệ nhân) (?:[Nn]hân dân|[Ưư]u tú)|Chiến sĩ thi đua|"
    # documents counted by their capitalised type ("hai Thỏa thuận Đối tác chiến lược", "ba Hiệp định")
    r"Thỏa thuận|Thoả thuận|Hiệp định|Bản ghi nhớ|Công ước|(?<=[a-zà-ỹ] )(?:Nghị quyết|Chỉ thị|Quy định|Kết luận)(?= chuyên đề)|"
    r"Tổng cục|Cục|Sở|Bộ|Ban|Viện|Tiểu ban|Tổ công tác))(?![\wđĐ])")
# A number glued to the abbreviation of a staff category: "60CBCNV", "120CBCS".
_GLUED_STAFF = re.compile(r"(CBCNVC|CBCNV|CBCCVC|CBCC|CBNV|CBCS|CCVC|CNVC|CNVLĐ|HSSV|ĐVTN)(?![\wđĐ])")
# A number right after the noun of a military or organisational unit is its name ("Đoàn 559", "Bộ Tư lệnh
# đoàn 559", "Binh đoàn 12"), unless it counts the people of a delegation ("đoàn 20 người").
_UNIT_NAME_BEFORE = re.compile(r"(?<![\wđĐ])(?:[Bb]inh|[Hh]ải|[Ll]iên)?\s?[Đđ]oàn\s*$")
_PEOPLE_UNIT = re.compile(r"(?:người|viên|khách|cán bộ|đồng chí|đại biểu|chiến sĩ|học sinh|lượt|hộ|nhà báo|"
                          r"doanh nghiệp|thương binh|cựu chiến binh|nghệ sĩ|vận động viên|em)(?![\wđĐ])", re.IGNORECASE)
# Nouns the tagger reads as verbs after a number, in a count ("1.098 kiến nghị", "114 phiếu chất vấn").
_COUNTED_NOUNS = re.compile(r"[ \t]*(biên chế|kiến nghị|đề nghị|đề xuất|khuyến nghị|sáng kiến|phiếu(?: chất vấn| bầu)?|"
                            r"khiếu nại|tố cáo|phản ánh|chất vấn|thủ tục|"
                            # document and body words also read as verbs: "82.074 quyết định xử phạt",
                            # "1.875 kết luận", "242 tổ chức, 545 cá nhân", "750 công dân"
                            r"quyết định|kết luận|tổ chức|công dân)(?![\wđĐ])"
                            # ... but not the verb: "SEA Games 29 tổ chức tại Malaysia", "… 5 quyết định vào"
                            r"(?!\s+(?:tại|ở|vào|trong|từ|lúc|thành công|long trọng|trọng thể)(?![\wđĐ]))")
# People in a criminal case, read as verbs by the tagger: "khởi tố 169 bị can trong vụ án".
_ACCUSED = re.compile(r"[ \t]*(bị can|bị cáo)(?![\wđĐ])")
# Upper-case abbreviations of counted bodies or staff after a space: "39 DNNN", "14 DN", "5.500 HTX", "12 CBCC".
# Any other upper-case word of two to eight letters counts too ("127 ĐHTT", "936 CN", "19.260 CĐ cơ sở"),
# except bodies and document codes that name rather than count ("2017 UBND", "Chỉ thị 05 BCT"), roman
# numerals and economic measures.
_KNOWN_ABBREVIATIONS = {"DNNN", "DNNVV", "DNTN", "DN", "HTX", "THT", "ĐBQH", "CSGT", "CBCNVC", "CBCNV", "CBCCVC", "CBCC",
                        "CBNV", "CBCS", "CCVC", "CNVC", "CNVLĐ", "HSSV", "ĐVTN"}
_ABBREVIATED_NOUN = re.compile(r"[ \t]+(" + "|".join(sorted(_KNOWN_ABBREVIATIONS, key=len, reverse=True))
                               + r"|(?!(?:UBND|HĐND|BCH|BTV|BCT|BBT|TW|TƯ|TU|HU|QU|ĐU|UBKT|MTTQ|QĐ|NQ|CT|"
                               r"KH|KL|HD|TB|CP|TTg|TP|GDP|GRDP|CPI|FDI|ODA|USD|VND|VNĐ|GMT|ĐT|QL|TL|HL|KCN|CLB|THCS|THPT|"
                               r"PGS|TS|ThS|GS|BS|NSND|NSƯT|TAND|VKSND|CA|CAND|QĐND|BĐBP|NXB|TTXVN|VOV|VTV|PV|CTV|ATGT|"
                               r"[IVXLC]+)(?![\wđĐ]))[A-ZĐ]{2,8})(?![\wđĐ])")
# ... an unknown one is a name or a model when a capitalised word, a hyphen or a number follows it, or a
# capitalised word comes right before the number ("Tàu Biển Ngọc 20 QN-6758", "Ninja 300 ABS 2017").
_NAME_OR_MODEL_AROUND = re.compile(r"(?:-|\s+[" + UPPER + r"\d])")
_CAPITALISED_BEFORE_NUMBER = re.compile(r"(?<![.!?:]\s)(?<![.!?:])(?<!^)[ \t](?!(?:Có|Gần|Hơn|Trên|Khoảng|Với)\s)"
                                        r"[" + UPPER + r"][\wđ]*\s+[\d.,]+\s*$")
# A metric unit glued to its number: "2.000m3", "45m2", "10km", "5cm".
_METRIC = re.compile(r"(km|cm|mm|m)([23])?(?![\wđĐ²³])")
# A number before "năm YYYY" counts no years: "đạt mục tiêu tăng trưởng GDP 6,7 năm 2017" ...
_YEAR_AFTER = re.compile(r"\s*năm\s+(?:19|20)\d{2}(?!\d)(?!\s*(?:[-–—,]|và)\s*(?:19|20)?\d{2})", re.IGNORECASE)
# (a list or span of years after it keeps a duration: "trong 2 năm 2015 và 2016", "5 năm 2016 - 2020")
# ... and after the name of a growth rate it is a percentage written without its sign.
_GROWTH_BEFORE = re.compile(r"(?<![\wđĐ])(?:tăng trưởng|lạm phát)(?:\s+(?:GDP|GRDP|kinh tế|bình quân|tín dụng))?"
                            r"\s*(?:đạt|ở mức|là|khoảng|từ)?\s*$", re.IGNORECASE)
# A bare ratio whose counted noun was named before it: "Với số phiếu tuyệt đối 57/57 (100%)", "số xã đạt chuẩn
# là 10/12".
_RATIO_ONLY = re.compile(r"(?:" + DIGITS + r")\s*/\s*(?:" + DIGITS + r")")
_COUNTED_BEFORE = re.compile(r"(?<![\wđĐ])số\s+([^\W\d][^\d,;:()]{0,30})$", re.IGNORECASE)
# A rank among the provinces, "xếp thứ 3/63 tỉnh": an ordinal read as a ratio out of a whole.
_RANK_ORDINAL = re.compile(r"(?:^|[^\wđĐ])thứ\s*$", re.IGNORECASE)
# A place in a ranking needs no counted noun: "xếp thứ 14/63", "đứng thứ 5/63", and a change of rank
# "tăng hạng từ 91 lên 82", "tụt 3 bậc, từ vị trí 20 xuống 23" (both numbers are places).
_RANKED_BEFORE = re.compile(r"(?:^|[^\wđĐ])(?:xếp|đứng|xếp hạng|đạt|giữ|vươn lên|tụt xuống|lùi xuống)\s+(?:vị trí\s+|hạng\s+)?"
                            r"thứ\s*$", re.IGNORECASE)
_NO_NOUN_AFTER = re.compile(r"(?![ \t]*[^\W\d_])|[ \t]+(?:trong|của|về|với|so|toàn|cả|cao|thấp|và|năm|trên|tại)(?![\wđĐ])",
                            re.IGNORECASE)
_RANK_CHANGE = re.compile(r"(?<![\wđĐ])(?:thứ hạng|hạng|bậc|vị trí|vị thứ)(?:,?\s+[^\s\d,;.:]+){0,3}?,?\s+từ\s+(?:vị trí\s+|hạng\s+|thứ\s+)?"
                          r"(\d{1,3})\s+(?:lên|xuống)\s+(?:vị trí\s+|hạng\s+|thứ\s+)?(\d{1,3})(?!\d|[.,/]\d|\s*%|\s*(?:điểm|bậc|hạng)(?![\wđ]))",
                          re.IGNORECASE)
# "một" is an article-like word, except as a bound: "không thanh tra quá một lần", "ít nhất một lần".
# "mỗi giải 50 triệu đồng", "mỗi lớp 30 học viên": after "mỗi"/"từng" a trap word is what is counted per item
_EACH_BEFORE = re.compile(r"(?:^|[^\wđĐ])(?:mỗi|từng)\s+[\wđĐ]+(?:\s+[\wđĐ]+)?\s*$", re.IGNORECASE)
# "chỉ có một trường hợp bị kỷ luật": "only one" is a count, not an article
_ONLY_BEFORE = re.compile(r"(?:^|[^\wđĐ])chỉ(?:\s+có)?\s*$", re.IGNORECASE)
_VAGUE_AFTER_ONE = re.compile(r"\s+(?:số|vài|chút|ít|phần|cách|lúc|khi|người\s+(?:mà|đã))(?![\wđĐ])")
_BOUND_BEFORE = re.compile(r"(?:^|[^\wđĐ])(?:quá|tối đa|ít nhất|tối thiểu)\s*$", re.IGNORECASE)
# A bare count whose share follows in brackets: "trong 1.100 kiến nghị, đã xử lý được 850 (77,5%)".
_SHARE_IN_BRACKETS = re.compile(r"\s*\(\s*(?:" + DIGITS + r")\s*%\s*\)")
_HAS_DIGIT_OR_WORD = re.compile(r"\d|\b(?:hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|hàng|vài|một nửa|chỉ(?:\s+có)?\s+một|(?:kỷ luật|khiển trách|cảnh cáo|cách chức|khai trừ)(?:\s+\S+)?\s+một)\b", re.IGNORECASE)


def extract_figures(text: str, published: str | None = None, directives: Iterable = ()) -> list[Figure]:
    """Figures in ``text`` (offsets into ``text``), in order; kind is set later by ``extract_targets``.

    Numbers inside a span of ``directives`` (document numbers) are skipped.

    >>> [(f.text, f.value, f.value_max) for f in extract_figures("Mỗi đồng chí dự từ 5 đến 7 chi bộ.")]
    [('từ 5 đến 7 chi bộ', 5.0, 7.0)]
    """
    blocked = SpanSet((d.start, d.end) for d in directives)
    pub_year = int(published[:4]) if published and published[:4].isdigit() else None
    figures: list[Figure] = []
    for ss, se in sentence_spans(text):
        sentence = text[ss:se]
        if not _HAS_DIGIT_OR_WORD.search(sentence):
            continue
        found = _sentence_figures(text, ss, se, blocked.overlapping(ss, se))
        _attach_years(text, ss, se, found, pub_year)
        _attach_year_parts(text, ss, se, found)
        _attach_indicators(text, ss, se, found)
        figures.extend(found)
    return figures


def _sentence_figures(text: str, ss: int, se: int, directive_spans: list[tuple[int, int]]) -> list[Figure]:
    sentence = text[ss:se]
    blocked = [(ss + m.start(), ss + m.end()) for m in _BLOCK.finditer(sentence)]
    blocked += [(a, b) for a, b in directive_spans if a < se and b > ss]
    taken: list[tuple[int, int]] = []
    out: list[Figure] = []
    pending: list[tuple[int, int, float, float | None, str | None, int]] = []
    plans: list[tuple[int, int, float, int, float]] = []     # achieved of "A/B unit": start, end, value, B start, B
    for m in _PERCENT_PAIR.finditer(text, ss, se):           # "76,4%/60%": the plan after the slash
        if not _overlaps(m.start(1), m.end(1), blocked):
            pending.append((m.start(1), m.end(1), parse_number(m.group(1)), None, None, m.end(1)))
            taken.append((m.start(1), m.end(1)))
    ranks = {a for m in _RANK_CHANGE.finditer(text, ss, se) for a in (m.start(1), m.start(2))}
    for m in _NUM.finditer(text, ss, se):
        s, e = m.start(1), m.end(1)
        if _overlaps(s, e, blocked) or _overlaps(s, e, taken):
            continue
        if text[s - 1:s] == "/" and (_YEARLIKE.fullmatch(m.group(1)) or _SLASH_NOT_PAIR.search(text, max(ss, s - 12), s)
                                     or parse_number(m.group(1)) in (1, 10, 100, 1000) or _PER_MEASURE.match(text, e)):
            continue                             # "quý III/2017", "1 năm/1 lần", "6 lít/100 km", "15.000 khách/17 giờ"
        if _LEFT_TRAP.search(text, max(ss, s - 24), s) and not _PERCENT.match(text, e, se) \
                and not (_VERB_NOT_TITLE.search(text, max(ss, s - 12), s) and match_unit(text, e)) \
                and not _EACH_BEFORE.search(text, max(ss, s - 24), s) \
                and not _CAPACITY.match(text, e, se) \
                and not (_RANK_ORDINAL.search(text, max(ss, s - 8), s) and _RATIO.match(text, e, se)
                         and (parse_number(_RATIO.match(text, e, se).group(1)) or 0) >= 10):
            continue                             # "Kế hoạch 290" is a name, "kế hoạch 18%" a goal,
                                                 # "bệnh viện 500 giường" a size
        value = parse_number(m.group(1))
        if value is None:
            continue
        value_max = None
        p = e
        how = None
        ratio = _RATIO.match(text, p, se)
        if ratio:
            denominator = parse_number(ratio.group(1))
            if denominator and _is_plan_pair(text, ss, se, value, denominator, ratio):
                # "kết nạp 3.215/3.000 đảng viên": achieved over plan, two figures (nlp.plans links them)
                plans.append((s, e, value, ratio.start(1), denominator))
                b_mult = MULTIPLIER_RE.match(text, ratio.end(), se)
                b_end = b_mult.end() if b_mult else ratio.end()
                b_value = _times(denominator, parse_multiplier(b_mult.group(0))) if b_mult else denominator
                pending.append((ratio.start(1), b_end, b_value, None, None, ratio.end(1)))
                taken += [(s, e), (ratio.start(1), b_end)]
                continue
            if denominator is None or denominator < value or denominator == 0:
                continue                         # "30/4": a date, not a ratio
            p = ratio.end()
            if text[s - 1:s] == "(" and text[p:p + 1] == ")" and denominator > 12:
                how = "bare"                     # "đứng ở vị trí thấp (58/63)": a rank, no noun needed
            elif denominator >= 10 and _RANKED_BEFORE.search(text, max(ss, s - 30), s) \
                    and _NO_NOUN_AFTER.match(text, p):   # "xếp thứ 5/63 tỉnh" keeps its noun
                how = "rank"                     # "xếp thứ 14/63"
        else:
            rng = _RANGE.match(text, p, se) or _COMMA_RANGE.match(text, p, se)
            if rng and rng.re is _COMMA_RANGE and not (value < 9 and parse_number(rng.group(1)) == value + 1
                                                      and m.group(1).isdigit()):
                rng = None
            if rng:
                hi = parse_number(rng.group(1))
                if hi is not None and hi > value and not _overlaps(rng.start(1), rng.end(1), blocked):
                    value_max, p = hi, rng.end()
        mult = MULTIPLIER_RE.match(text, p, se)
        if mult:
            factor = parse_multiplier(mult.group(0))
            value = _times(value, factor)
            value_max = _times(value_max, factor) if value_max is not None else None
            p = mult.end()
        if s in ranks and how is None and value_max is None:
            how = "rank"                         # "tăng hạng từ 91 lên 82"
        if p < se and text[p].isalpha() and not match_unit(text, p) and not _METRIC.match(text, p):
            if not _GLUED_STAFF.match(text, p):
                continue                         # "5G", "29A", "18h30"; not "60CBCNV"
            how = "glued"
        elif how is None and _SHARE_IN_BRACKETS.match(text, p, se):
            how = "bare"                         # "đã xử lý được 850 (77,5%)"
        elif how is None and mult and _MONEY_MULTIPLIER.fullmatch(mult.group(0).strip()) \
                and _MONEY_NO_NOUN_AFTER.match(text, p) and _MONEY_CONTEXT.search(text, max(ss, s - 60), min(se, p + 30)):
            how = "money"                        # "chủ đầu tư bị phạt 724 triệu", "đủ 23.000 tỉ để giải phóng mặt bằng"
        pending.append((s, p, value, value_max, how, e))
        taken.append((s, p))
    # number words: "hai lớp", "hàng trăm lượt", "một nửa"
    for m in NUMBER_WORDS_RE.finditer(text, ss, se):
        words = m.group(0).split()
        for k in range(len(words), 0, -1):
            run = " ".join(words[:k])
            s, e = m.start(), m.start() + len(run)
            if _overlaps(s, e, taken) or _overlaps(s, e, blocked):
                break
            if run in ("Mười", "tư") or _ORDINAL_BEFORE.search(text, max(ss, s - 6), s) or run.lower() == "mười" and (
                    _MONTH_BEFORE.search(text, max(ss, s - 8), s) or (match_unit(text, e) or ("",))[0] in _TIME_UNITS):
                continue                         # "Đỗ Mười", "Đồng Tháp Mười": a name
            if run in ("một", "Một") and not _BOUND_BEFORE.search(text, max(ss, s - 12), s) and not (
                    _ONLY_BEFORE.search(text, max(ss, s - 10), s) and not _VAGUE_AFTER_ONE.match(text, e)) \
                    and not _one_counted_with_others(text, e, se):
                continue                         # "một tổ chức": an article, but "quá một lần" a bound
            if run in ("năm", "Năm") and (_YEAR_WORD_BEFORE.search(text, max(ss, s - 8), s)
                                         or (match_unit(text, e) or ("",))[0] in _TIME_UNITS):
                continue                         # "mỗi năm", "hằng năm hộ nghèo giảm": the year
            value = parse_number_words(run)
            unit = (match_unit(text, e) or _word_unit(text, sentence, ss, s, e, se)) if value else None
            if unit and unit[0] not in ("%",) and not re.match(r"\s+là\b", text[e:e + 4]):
                pending.append((s, e, value, None, "words", e))
                taken.append((s, e))
                break
    tokens = None
    for s, p, value, value_max, how, num_end in sorted(pending):
        unit_hit = _PERCENT.match(text, p, se) or None
        unit, uend = ("%", unit_hit.end()) if unit_hit else (None, p)
        if how == "glued":
            glued = _GLUED_STAFF.match(text, p)
            unit, uend = glued.group(1), glued.end()
        elif how == "rank":
            unit, uend = "hạng", p
        if unit is None:
            metric = _METRIC.match(text, p, se)
            hit = (metric.group(1) + (metric.group(2) or ""), metric.end()) if metric else (
                match_unit(text, p) or _named_unit(text, p) or (
                    _word_unit(text, sentence, ss, s, p, se) if how == "words" else None))
            if hit and hit[0] == "năm" and _YEAR_AFTER.match(text, p):
                if not _GROWTH_BEFORE.search(text, max(ss, s - 40), s):
                    continue                     # "6,7 năm 2017": no duration; a bare number stays dropped
                hit, how = ("%", p), "bare"      # "mục tiêu tăng trưởng GDP 6,7 năm 2017": a growth rate
            if hit and hit[1] <= se:
                unit, uend = hit
        if unit is None and how is None and _FORM_BEFORE.search(text, max(ss, s - 14), s):
            counted = next((f.unit for f in reversed(out) if f.unit in _DISCIPLINED_UNITS), None)
            if counted:                          # "kỷ luật 21 đảng viên, gồm: khiển trách 12, cảnh cáo 6"
                unit, uend = counted, p
        if unit is None and how is None:
            if tokens is None:
                from .tokens import tag_words
                tokens = tag_words(sentence, ss)
            unit, uend = _pos_unit(text, tokens, p, se)
        if unit is None and _RATIO_ONLY.fullmatch(text, s, p):
            counted = _COUNTED_BEFORE.search(text, max(ss, s - 40), s)
            hit = counted and (match_unit(text, counted.start(1)) or _named_unit(text, counted.start(1)))
            if hit and hit[1] <= s:
                unit, uend = hit[0], p               # "số phiếu tuyệt đối 57/57": votes
        if unit is None and how is None:
            whole = _PART_OF_AFTER.match(text, p, se)   # "có 401 trong tổng số 415 TCCSĐ": the whole's unit
            hit = whole and match_unit(text, whole.end())
            if hit:
                unit, uend = hit[0], p
        if unit is None and how is None and _FROM_BEFORE.search(text, max(ss, s - 6), s):
            later = _DOWN_UP_TO.match(text, p, se)   # "giảm từ 401 xuống còn 208 đơn vị": the same unit
            hit = later and (match_unit(text, later.end()) or _named_unit(text, later.end()))
            if hit:
                unit, uend = hit[0], p
        if unit is None and how == "bare" and text[p:p + 1] != ")":
            unit = next((f.unit for f in reversed(out) if f.unit and f.unit != "%"), None)
            if unit is None:
                continue                         # "850 (77,5%)" counts what the sentence counted before
        elif unit is None and how == "money":
            unit, uend = "đồng", p
        elif unit is None and how != "bare":
            continue
        if how != "words" and not _PEOPLE_UNIT.search(unit or "") and _UNIT_NAME_BEFORE.search(text, max(ss, s - 12), s):
            continue                             # "Bộ Tư lệnh đoàn 559 đường mòn Hồ Chí Minh": a name
        if how is None and unit != "%" and _BRAND_BEFORE.search(text, max(ss, s - 30), s) \
                and not _PEOPLE_UNIT.search(unit or ""):
            continue                             # "Tổng công ty Licogi 14 tổ chức hội nghị": a company's name
        if how is None and _YEARLIKE.fullmatch(text, s, num_end) and (
                unit in _TIME_UNITS or unit == "lần" or _NAME_BEFORE.search(text, max(ss, s - 20), s)
                or _YEAR_SPAN_BEFORE.search(text, max(ss, s - 25), s)):
            continue                             # "năm 2014 và 2015 lần lượt …": a year
        if _not_a_quantity(text, ss, s, unit, uend, value):
            continue                             # "14 tuổi", "hai bên"
        if unit and unit in ("m", "km"):
            square = _SQUARE.match(text, uend, se)   # "13.000 m 2", "5 km²": an area
            if square and (unit == "m" or "²" in square.group(0)):
                unit, uend = unit + "2", square.end()
        unit = unit.replace("²", "2") if unit else None
        if unit == "%":
            more = match_unit(text, uend)        # "75% chi bộ", "26,2% TCCSĐ"
            if more and more[0] != "%" and more[0] not in _TIME_UNITS and more[1] <= se:
                uend = more[1]
        start, qualifier = _qualifier(text, ss, s, approx=how == "words" and text[s:s + 4].lower() in ("hàng", "vài ", "mấy "))
        end = uend
        mod = _MODIFIER.match(text, end, se)
        if mod:
            end = mod.end()
        per = _PER.match(text, end, se)
        if per:
            end = per.end()
            if unit not in ("%", "đồng", "USD") and "/" not in unit:
                unit = f"{unit}/{per.group(1)}"
        has_range = value_max is not None
        if text[start:s].strip() == "từ":
            trail = _AT_LEAST.match(text, end, se)
            if trail:
                end = trail.end()
                qualifier = "min" if trail.group(1) == "lên" else "max"
            elif not has_range:
                start = s
        else:
            trail = re.match(r"\s+trở (lên|xuống)(?![\wđ])", text[end:se])
            if trail:
                end += trail.end()
                qualifier = "min" if trail.group(1) == "lên" else "max"
        out.append(Figure(start=start, end=end, text=text[start:end], value=float(value),
                          value_max=float(value_max) if value_max is not None else None,
                          unit=unit, qualifier=qualifier))
    for s, e, value, b_start, b_value in plans:
        plan = next((f for f in out if f.start <= b_start < f.end), None)
        if plan is None or plan.unit is None:
            continue                             # no counted noun after the plan: no pair
        factor = plan.value / b_value if b_value else 1.0      # "9.870/8.200 tỷ đồng": the multiplier of both
        out.append(Figure(start=s, end=e, text=text[s:e], value=_times(value, factor) if factor != 1 else float(value),
                          unit=plan.unit, qualifier="exact"))
    out.sort(key=lambda f: f.start)
    return out


def _is_plan_pair(text: str, ss: int, se: int, value: float, denominator: float, ratio) -> bool:
    """Whether "A/B unit" writes a result over its plan ("kết nạp 1.050/1.000 đảng viên", "thu ngân sách
    9.870/8.200 tỷ đồng") rather than a part of a whole ("18/18 xã", "40/42 chi bộ"): a part never exceeds
    its whole, and a plan is named in the sentence ("kế hoạch", "chỉ tiêu", "nghị quyết", "vượt" …).
    Counts of goals ("đạt và vượt 21/22 chỉ tiêu") are parts of a whole.

    >>> t = "kết nạp 950/1.000 đảng viên, đạt 95% kế hoạch"
    >>> bool(_is_plan_pair(t, 0, len(t), 950, 1000, _RATIO.match(t, 11)))
    True
    >>> t = "có 18/18 xã đạt chuẩn"
    >>> bool(_is_plan_pair(t, 0, len(t), 18, 18, _RATIO.match(t, 5)))
    False
    """
    if _GOAL_UNIT_AFTER.match(text, ratio.end(), se):
        return False
    if value > denominator:
        return bool(match_unit(text, ratio.end()) or MULTIPLIER_RE.match(text, ratio.end(), se))
    return value != denominator and bool(_PLAN_WORDS.search(text, ss, se))   # "24/24 đảng bộ": all of them


_CODE_OF_LAW = re.compile(r"\s*[Ll]uật")


def _last_char_before(text: str, p: int) -> str:
    """The last character before ``p`` that is not a space (``text[:p].rstrip()[-1:]`` without the copy)."""
    while p > 0 and text[p - 1].isspace():
        p -= 1
    return text[p - 1:p]


def _named_unit(text: str, p: int) -> tuple[str, int] | None:
    """A counted noun at ``p`` that the codebook does not list: an office or body ("bốn Văn phòng") or a
    noun the tagger reads as a verb ("1.098 kiến nghị").

    >>> _named_unit("2 Xứ ủy viên", 1), _named_unit("850 kiến nghị", 3), _named_unit("3 Hà Nội", 1)
    (('Xứ ủy viên', 12), ('kiến nghị', 13), None)
    """
    if _YEARLIKE.fullmatch(text[max(0, p - 4):p]):
        return None                              # "THPT quốc gia 2017 Thứ trưởng …", "Việt Nam 2035 khuyến nghị"
    m = _OFFICE_NOUN.match(text, p) or _COUNTED_NOUNS.match(text, p) or _ACCUSED.match(text, p) \
        or _ABBREVIATED_NOUN.match(text, p)
    if m and m.group(1) == "Bộ" and _CODE_OF_LAW.match(text, m.end()):
        return None                              # "Điều 202 Bộ luật hình sự": a code, not ministries
    if m and m.re is _ABBREVIATED_NOUN and m.group(1) not in _KNOWN_ABBREVIATIONS and (
            not _last_char_before(text, p).isdigit() or _NAME_OR_MODEL_AROUND.match(text, m.end())
            or _CAPITALISED_BEFORE_NUMBER.search(text, max(0, p - 40), p)):
        return None                              # "Chủ tịch Năm APEC 2017", "Pulsar 200 DTS-i", "0-3 SHB Đà Nẵng"
    return (m.group(1), m.end()) if m else None


# A year after a name is part of it: "Báo cáo Việt Nam 2035 khuyến nghị …", "SEA Games 2017".
_NAME_BEFORE = re.compile(r"[A-ZĐ][\wđ]*\s+$")
# ... and the end of a span of years is a year: "Từ năm 1980 đến 1983 ông …"
_YEAR_SPAN_BEFORE = re.compile(r"(?:19|20)\d{2}\s*(?:đến|tới|[-–—])\s*(?:năm\s+)?$", re.IGNORECASE)
# A number right after a mid-sentence name of several Latin syllables is part of the name: "Licogi 14",
# "LICOGI 14", "Vinaconex 6" (a Vietnamese syllable has one vowel group: "Phước Long 68 tỷ đồng" counts).
_BRAND_BEFORE = re.compile(r"[^\W\d_]\s+(?i:[bcdfghjklmnpqrstvwxz]*[aeiouy]+[bcdfghjklmnpqrstvwxz]+[aeiouy][a-z]*)\s+$")
_NOT_NOUN_HEADS = {"trên", "dưới", "trong", "ngoài", "mẹ", "má", "con", "anh", "chị", "em", "phương", "cõi", "hối tiếc",
                   "bão táp", "tiết"}
# "hai" counts people when a classifier of persons follows: "hai vị cán bộ lão thành", "hai bậc lão thành",
# "hai đồng chí" ("hai người" stays article-like: "hai người con", "cả hai người").
_PERSON_CLASSIFIER = re.compile(r"[ \t]+(?:(?:vị|bậc)[ \t]+(cán bộ|lão thành|đảng viên|đại biểu)|(vị|bậc|đồng chí|cán bộ|đảng viên))"
                                r"(?![\wđĐ])")
_MONTH_BEFORE = re.compile(r"(?:^|[^\wđĐ])(?:tháng|mùng|mồng)\s*$", re.IGNORECASE)
# "hai" counts when its noun names parts of a text, a task or a struggle ("hai nhiệm vụ", "hai mặt trận") or
# before the list it announces ("hai cách: …"); otherwise it is article-like ("cả hai đội", "hai nước").
_PART_NOUN = re.compile(r"(?:nhiệm vụ|giải pháp|mặt trận|nội dung|vấn đề|mục tiêu|chỉ tiêu|khâu|chương trình|"
                        r"phương án|phương diện|yếu tố|tiêu chí|nguyên tắc|bài học|kiến nghị|đề xuất|"
                        r"chuyên đề|đột phá|trụ cột)$")
_ENUMERATION_AFTER = re.compile(r"(?:[ \t]+[^\s,;.:()\-–]+)?[ \t]*:\s*\S")
# Paired number words make an idiom: "ba chìm bảy nổi", "năm châu bốn biển".
_IDIOM_AFTER = re.compile(r"\s*,?\s*(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|trăm|nghìn|vạn)(?![\wđĐ])", re.IGNORECASE)


def _word_unit(text: str, sentence: str, ss: int, s: int, e: int, se: int) -> tuple[str, int] | None:
    """Counted noun after a number word that the codebook does not list: an office or body ("bốn Văn
    phòng"), else the tagger's noun when it is a compound ("ba chức năng") or the number is qualified
    ("hơn mười tù chính trị"); "năm" stays a year and "một", "hai" stay article-like there."""
    hit = _named_unit(text, e)
    if hit:
        return hit
    from .tokens import tag_words
    if text[s:e].lower() == "hai":               # article-like ("hai nước", "hai bên") unless it counts parts
        unit, uend = _pos_unit(text, tag_words(sentence, ss), e, se)
        if unit and (_PART_NOUN.match(unit) or _ENUMERATION_AFTER.match(text, uend)):
            return unit, uend                    # "hai nhiệm vụ", "hai mặt trận", "hai cách: …"
        people = _PERSON_CLASSIFIER.match(text, e)
        if people:
            return people.group(1) or people.group(2), people.end()  # "hai vị cán bộ lão thành", "hai đồng chí"
        return None
    if text[s:e].lower() in ("năm", "một", "tư") or text[s:e].split()[0].lower() in ("hàng", "vài", "mấy", "một"):
        return None                              # "năm" a year, "một" article-like, "hàng nghìn" vague
    unit, uend = _pos_unit(text, tag_words(sentence, ss), e, se)
    if unit is None or unit in _TIME_UNITS or unit in _NOT_NOUN_HEADS or unit.split()[0] in _NOT_NOUN_HEADS:
        return None                              # "ba trên dưới", "ba mẹ vợ" (father), not counts
    if _MONTH_BEFORE.search(text, max(ss, s - 8), s) or _IDIOM_AFTER.match(text, uend) \
            or _IDIOM_AFTER.search(" " + unit):
        return None                              # "tháng Ba âm lịch", "ba chìm bảy nổi", "chín phương trời, mười …"
    if " " not in unit and not _QUALIFIER.search(text, max(ss, s - 20), s):
        return None
    return unit, uend


def _not_a_quantity(text: str, ss: int, s: int, unit: str, uend: int, value: float) -> bool:
    """Whether the number at ``s`` with ``unit`` ending at ``uend`` is an age or a side, not a quantity.

    >>> _not_a_quantity("Bé 14 tuổi", 0, 3, "tuổi", 10, 14), _not_a_quantity("Có 14 hộ", 0, 3, "hộ", 8, 14)
    (True, False)
    """
    if unit == "tuổi" or unit in ("tháng", "năm", "tuần", "ngày") and _AGE_AFTER.match(text, uend):
        return not (_AVERAGE.search(text, max(ss, s - 40), s) or _AVERAGE.match(text, uend + 1))
    if unit == "bên":
        return value <= 3 or bool(_SIDE_PREPOSITION.match(text, uend))
    return False


def _pos_unit(text: str, tokens, p: int, se: int) -> tuple[str | None, int]:
    """The noun right after offset ``p`` (underthesea words + POS), else (None, p)."""
    for t in tokens:
        if t.end <= p:
            continue
        if t.start < p:                          # the tokenizer glued "5-6 lớp": use the rest
            rest = text[p:t.end].strip()
            if rest and t.pos in _NOUN_TAGS and rest[0].islower():
                return rest, t.end
            return None, p
        if text[p:t.start].strip() or t.start >= se:
            return None, p
        word = t.text
        if (t.pos in _NOUN_TAGS or word in _NOUN_WORDS) and word[:1].islower() and word not in _NOT_UNITS:
            return word, t.end
        return None, p
    return None, p


def _qualifier(text: str, ss: int, s: int, approx: bool = False) -> tuple[int, str]:
    m = _QUALIFIER.search(text, max(ss, s - 20), s)
    if not m:
        return s, "approx" if approx else "exact"
    word = m.group(1).lower()                  # "Trên 95% cán bộ" opens a sentence
    return m.start(1), "approx" if approx else _QUALIFIER_KIND.get(word, "exact")


# part of a year: "6 tháng đầu năm 2021", "sáu tháng cuối năm", "quý I/2020", "9 tháng năm 2019",
# "từ đầu năm (2021) đến nay", "tháng 3/2020", "trong tháng 5"
_PARTIAL_YEAR = re.compile(
    r"(?<![\wđ])(?:"
    r"(?P<half>6|sáu)\s+tháng\s+(?P<hw>đầu|cuối)\s+năm"
    r"|(?P<nm>3|ba|9|chín)\s+tháng(?:\s+đầu)?\s+năm"
    r"|quý\s+(?P<q>IV|III|II|I|[1-4])(?![\w])"
    r"|(?P<ytd>từ\s+đầu\s+năm)"
    r"|(?P<month>(?:trong\s+)?tháng\s+\d{1,2})(?:\s*[/-]\s*|\s+năm\s+)(?=(?:19|20)\d{2})"
    r")(?:\s*(?:[/-]|năm)?\s*(?P<y>(?:19|20)\d{2}))?(?!\d)", re.IGNORECASE)
_QUARTERS = {"i": "Q1", "1": "Q1", "ii": "Q2", "2": "Q2", "iii": "Q3", "3": "Q3", "iv": "Q4", "4": "Q4"}


def _attach_year_parts(text: str, ss: int, se: int, figures: list[Figure]) -> None:
    """Mark figures that count part of a year only ("Sáu tháng đầu năm 2021, … kết nạp 2.140 đảng viên"
    -> year 2021, year_part "H1"), so they are not compared with whole-year values. The nearest frame
    before the figure decides, within its clause (no ";" and no other year between them)."""
    frames = list(_PARTIAL_YEAR.finditer(text, ss, se))
    if not frames or not figures:
        return
    for f in figures:
        m = next((m for m in reversed(frames) if m.end() <= f.start), None)
        if m is None or ";" in text[m.end():f.start] or _YEAR.search(text[m.end():f.start]):
            continue
        if m.group("half"):
            part = "H1" if m.group("hw").lower() == "đầu" else "H2"
        elif m.group("nm"):
            part = "Q1" if m.group("nm").lower() in ("3", "ba") else "9M"
        elif m.group("q"):
            part = _QUARTERS[m.group("q").lower()]
        elif m.group("ytd"):
            part = "YTD"
        else:
            part = "M" + re.search(r"\d+", m.group("month")).group(0)
        f.year_part = part
        if m.group("y") and f.period_start is None and f.period_end is None:
            f.year = int(m.group("y"))


def _attach_years(text: str, ss: int, se: int, figures: list[Figure], pub_year: int | None = None) -> None:
    """Year or period of each figure: the nearest time frame before it in its sentence, a single year
    ("năm 2019") or a multi-year period ("nhiệm kỳ 2015 - 2020", "5 năm qua"; see ``period_frames``),
    inside its own parenthesis if it is in one ("(năm 2015 là 51,4%)"; parentheses it is not in are
    skipped). With no frame before it, a period written after it in the same clause ("kết nạp 9.092 đảng
    viên trong nhiệm kỳ qua") frames it, unless it counts from an event ("... sau hơn 10 năm"). A period figure keeps ``year`` None."""
    if not figures:
        return
    sentence = text[ss:se]
    periods = period_frames(text, ss, se, pub_year)
    anchors = [(pos, (year, None, None)) for pos, end, year in
               ((ss + m.start(), ss + m.end(), int(m.group(1) or m.group(2))) for m in _YEAR.finditer(sentence))
               if not any(a < end and pos < b for a, b, _, _ in periods)
               and not _VISION_BEFORE.search(text, max(ss, pos - 30), pos) and not VISION_AFTER.match(text, end)]
    anchors += [(a, (None, start, end)) for a, _, start, end in periods]
    anchors.sort(key=lambda x: x[0])
    if not anchors:
        return
    open_at_pos = open_parens(text, ss, [f.start for f in figures] + [pos for pos, _ in anchors])
    for f in figures:
        open_at = open_at_pos[f.start]
        best = None
        for pos, frame in anchors:
            if pos >= f.start:
                break
            if open_at is not None:
                if pos > open_at:
                    best = frame
            elif open_at_pos[pos] is None:
                best = frame
        if best is None:
            best = next(((None, start, end) for a, _, start, end in periods if a >= f.end
                         and ";" not in text[f.end:a] and not _SINCE_EVENT.match(text, a)), None)
        if best is None and open_at is None:
            best = next(((year, None, None) for pos, (year, _, _) in anchors
                         if pos >= f.end and year is not None and _year_after_frames(text, f.end, pos)), None)
        if best is not None:
            f.year = best[0]
            if best[0] is None:
                f.period_start, f.period_end = best[1], best[2]


# A year written after a figure frames it when it closes the figure's clause: "kết nạp 181 đảng viên
# mới trong năm 2016", "45 TCCSĐ đạt trong sạch vững mạnh năm 2016". Not a comparison base, a start,
# an end or a deadline ("tăng 20 so với năm 2015", "từ năm", "đến năm 2020", "sau năm"), nor across
# a comma, a bracket or another number.
_YEAR_AFTER_GAP = re.compile(r"[^,;:()\[\]\d\n]{0,80}")
_YEAR_AFTER_NOT = re.compile(r"(?<![\wđ])(?:so với|với|so|từ|kể từ|đến|tới|sau|trước|hơn|bằng|như|cùng kỳ|"
                             r"lên|xuống|còn|là|mục tiêu|kế hoạch|chỉ tiêu|[Ll]uật|[Hh]iến pháp|[Nn]ghị quyết|[Nn]ghị định|[Cc]hỉ thị|"
                             r"[Qq]uyết định|[Kk]ết luận|[Cc]hương trình|[Đđ]ề án)(?![\wđ])", re.IGNORECASE)
# "năm 2013, 2014", "năm 2015 và 2016": a list of years frames nothing by itself
_YEAR_LIST_AFTER = re.compile(r"\s*(?:,|và|-|–|—|đến|tới)\s*(?:năm\s+)?(?:19|20)\d{2}(?!\d)")


def _year_after_frames(text: str, end: int, pos: int) -> bool:
    """True when the year at ``pos`` (``năm YYYY``) closes the clause of the figure ending at ``end``."""
    gap = re.sub(r"sạch\s*,\s*vững", "sạch vững", text[end:pos])   # the rating "trong sạch, vững mạnh"
    return bool(_YEAR_AFTER_GAP.fullmatch(gap)) and not _YEAR_AFTER_NOT.search(gap) \
        and not text[pos:pos + 6].lower().startswith("tháng") \
        and not _YEAR_LIST_AFTER.match(text, _YEAR.match(text, pos).end())


# The period in the title of a strategy or plan dates nothing and is no deadline: "quy hoạch … đến năm 2020,
# tầm nhìn năm 2030" (``VISION_AFTER`` is shared with nlp.targets).
_VISION_BEFORE = re.compile(r"(?<![\wđĐ])(?:tầm nhìn|định hướng)(?:\s+(?:đến|tới))?\s*$", re.IGNORECASE)
VISION_AFTER = re.compile(r"\s*,?\s*(?:và\s+)?(?:tầm nhìn|định hướng)(?![\wđĐ])", re.IGNORECASE)

_SMALL_NUMBERS = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
                  "mười lăm": 15, "hai mươi": 20}
_YEAR_SPAN = r"(?P<a>(?:19|20)\d{2})\s*[-–—]\s*(?P<b>(?:19|20)?\d{2})(?!\d)(?![.,]\d)"
# "nhiệm kỳ 2015 - 2020", "giai đoạn 2016-2020", "những năm 2016 - 2020", "(2016 - 2020)"
_PERIOD_SPAN = re.compile(r"(?:(?P<lead>nhiệm kỳ|giai đoạn|thời kỳ|những năm|các năm|năm|trong|từ)\s+|\(\s*)"
                          + _YEAR_SPAN, re.IGNORECASE)
# "từ năm 2016 đến nay", "từ năm 2016 đến năm 2020", "từ 2016 đến hết tháng 6/2020"
_PERIOD_FROM = re.compile(r"(?<![\wđ])từ\s+(?:năm\s+)?(?P<a>(?:19|20)\d{2})\s*,?\s*(?:đến|tới)\s+(?:(?P<now>nay)|"
                          r"(?:hết\s+|cuối\s+)?(?:năm\s+)?(?P<b>(?:19|20)\d{2})|"
                          r"(?:hết\s+|cuối\s+)?tháng\s+\d{1,2}\s*[/-]\s*(?P<c>(?:19|20)\d{2}))(?!\d)", re.IGNORECASE)
# "5 năm qua", "sau 10 năm thực hiện", "trong 5 năm", "qua hơn 3 năm triển khai"
_PERIOD_YEARS = re.compile(
    r"(?<![\wđ])(?:(?P<pre>trong|sau|qua|suốt)\s+(?:(?:hơn|gần|trên)\s+)?)?"
    r"(?P<n>\d{1,2}|mười lăm|hai mươi|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+năm"
    r"(?P<post>\s+(?:qua|vừa qua|trở lại đây|gần đây|thực hiện|triển khai|tổ chức thực hiện))?(?![\wđ])",
    re.IGNORECASE)
# "trong nhiệm kỳ qua", "cả nhiệm kỳ", "từ đầu nhiệm kỳ đến nay", "nửa nhiệm kỳ"
_PERIOD_TERM = re.compile(r"(?<![\wđ])(?:(?P<since>(?:từ\s+)?đầu|nửa)\s+nhiệm kỳ(?:\s+(?:đến nay|tới nay))?|"
                          r"(?:trong|cả|suốt)\s+nhiệm kỳ(?:\s+(?:qua|vừa qua|trước))?|nhiệm kỳ\s+(?:qua|vừa qua|trước))"
                          r"(?![\wđ])(?!\s*(?:mới|tới|tiếp theo|sau|\d))", re.IGNORECASE)
# "... là đảng viên đầu tiên của bản sau hơn 10 năm": counts from an event, does not frame the figure before it
_SINCE_EVENT = re.compile(r"sau\b", re.IGNORECASE)
# "Đại hội (đại biểu) Đảng bộ tỉnh X lần thứ XVI, nhiệm kỳ ...": only words of a congress's name in between
# ("Báo cáo chính trị trình Đại hội cho biết, nhiệm kỳ 2015 - 2020, ..." is a frame, not a name)
_CONGRESS_BEFORE = re.compile(
    r"[Đđ]ại hội(?:[\s,()]+(?:đại biểu|toàn quốc|đảng bộ|Đảng bộ|Đảng|đảng|lần thứ|các cấp|cơ sở|tỉnh|thành phố|"
    r"huyện|quận|thị xã|xã|phường|khối|TP\.|[" + UPPER + r"][^\s,;:.()]*|[IVXLC]+|\d+))*[\s,()]*$")


def period_frames(text: str, ss: int, se: int, pub_year: int | None = None) -> list[tuple[int, int, int | None, int | None]]:
    """Multi-year periods written in the sentence ``text[ss:se]``: ``(start, end, first_year, last_year)``.

    Years are None when only the article's year (``pub_year``) could tell them and it is unknown.
    "N năm qua" / "sau N năm thực hiện" run from ``pub_year - N`` to ``pub_year`` (the term convention:
    five years are "2015 - 2020"); "nhiệm kỳ qua" is the last party term (terms end in years divisible
    by 5; in such a year and the year before it, that term); "từ đầu nhiệm kỳ đến nay" runs from the
    start of the current term. A "nhiệm kỳ 2020 - 2025" that names a congress ("Đại hội ... nhiệm kỳ
    2020 - 2025") is a name, not a frame. Single years ("từ năm 2020 đến nay" in 2020) are not periods.

    >>> s = "Nhiệm kỳ 2015 - 2020, toàn tỉnh kết nạp 9.092 đảng viên."
    >>> period_frames(s, 0, len(s))
    [(0, 20, 2015, 2020)]
    """
    out: list[tuple[int, int, int | None, int | None]] = []

    def add(a: int, b: int, first: int | None, last: int | None) -> None:
        if first is not None and last is not None and not 0 < last - first <= 30:
            return
        if not any(x < b and a < y for x, y, _, _ in out):
            out.append((a, b, first, last))

    for m in _PERIOD_SPAN.finditer(text, ss, se):
        first, last = int(m.group("a")), m.group("b")
        last = int(last) if len(last) == 4 else first - first % 100 + int(last)
        if (m.group("lead") or "").lower() == "nhiệm kỳ" and _CONGRESS_BEFORE.search(text, ss, m.start()):
            continue                             # "Đại hội Đảng bộ tỉnh lần thứ XVI, nhiệm kỳ 2015 - 2020": a name
        add(m.start(), m.end(), first, last)
    for m in _PERIOD_FROM.finditer(text, ss, se):
        last = pub_year if m.group("now") else int(m.group("b") or m.group("c"))
        if last is not None and last == int(m.group("a")):
            continue                             # "từ năm 2020 đến nay" in 2020: that year
        add(m.start(), m.end(), int(m.group("a")), last)
    for m in _PERIOD_TERM.finditer(text, ss, se):
        if pub_year is None:
            add(m.start(), m.end(), None, None)
        elif m.group("since"):
            add(m.start(), m.end(), (pub_year - 1) - (pub_year - 1) % 5, pub_year)
        else:
            last = pub_year + (-pub_year) % 5 if pub_year % 5 in (0, 4) else pub_year - pub_year % 5
            add(m.start(), m.end(), last - 5, last)
    for m in _PERIOD_YEARS.finditer(text, ss, se):
        if not (m.group("pre") or m.group("post")):
            continue
        n = m.group("n").lower()
        n = int(n) if n.isdigit() else _SMALL_NUMBERS[n]
        if n < 2:
            continue
        add(m.start(), m.end(), pub_year - n if pub_year else None, pub_year)
    out.sort()
    return out


def _open_paren(text: str, ss: int, pos: int) -> int | None:
    """Offset of the "(" still open at ``pos`` (within the sentence), else None."""
    depth_close = 0
    i = pos - 1
    while i >= ss:
        c = text[i]
        if c == ")":
            depth_close += 1
        elif c == "(":
            if depth_close == 0:
                return i
            depth_close -= 1
        i -= 1
    return None


_PAREN = re.compile(r"[()]")


def open_parens(text: str, ss: int, positions: list[int]) -> dict[int, int | None]:
    """``_open_paren(text, ss, p)`` for every ``p`` of ``positions``, in one pass over the sentence from ``ss``
    (not a scan back to the sentence start for each one: long sentences hold many figures).

    >>> open_parens("a (b (c) d) e (f", 0, [0, 3, 7, 9, 12, 16])
    {0: None, 3: 2, 7: 5, 9: 2, 12: None, 16: 14}
    """
    out: dict[int, int | None] = {}
    stack: list[int] = []
    todo = sorted(set(positions))
    k = 0
    for m in _PAREN.finditer(text, ss, todo[-1] if todo else ss):
        while todo[k] <= m.start():
            out[todo[k]] = stack[-1] if stack else None
            k += 1
        if m.group() == "(":
            stack.append(m.start())
        elif stack:
            stack.pop()
    for p in todo[k:]:
        out[p] = stack[-1] if stack and p >= ss else None
    return out


def _attach_indicators(text: str, ss: int, se: int, figures: list[Figure]) -> None:
    sentence = text[ss:se]
    los: list[int] = []
    open_at_pos = open_parens(text, ss, [f.start for f in figures])
    for i, f in enumerate(figures):
        j = i - 1
        while j >= 0 and open_at_pos[figures[j].start] is not None and text.find(")", figures[j].end, f.start) >= 0:
            j -= 1                               # figures of a bracket closed before f: "(khiển trách 19, cảnh cáo 4)"
        lo = figures[j].end if j >= 0 else ss
        if j >= 0 and (_COORDINATED.fullmatch(_BRACKETED.sub("", text[lo:f.start])) or (
                figures[j].unit == f.unit and _COORDINATED_MOD.fullmatch(text, lo, f.start))
                or _COORDINATED_AFTER_MODIFIER.fullmatch(text, lo, f.start)):
            lo = los[j]                          # "kỷ luật 87 tổ chức đảng và 6.098 đảng viên": shared verb
        los.append(lo)
        hi = figures[i + 1].start if i + 1 < len(figures) else se
        open_at = open_at_pos[f.start]
        if i and open_at is not None and open_at >= figures[i - 1].end and _YEAR.search(text, open_at, f.start):
            prev = figures[i - 1]                # "(năm 2015 là 51,4%)" compares with the figure before
            if prev.unit == f.unit:
                f.indicator = prev.indicator
                continue
        after_from = None
        if i + 1 < len(figures) and _PART_OF.fullmatch(text, f.end, figures[i + 1].start):
            after_from = figures[i + 1].end      # "401 trong tổng số 415 TCCSĐ đạt …": the words after the whole
            hi = figures[i + 2].start if i + 2 < len(figures) else se
        f.indicator = indicator_for(sentence, f, ss, bounds=(lo, hi), after_from=after_from)
        if f.indicator is None and i:
            f.indicator = _inherited_indicator(text, ss, figures, i)
        if (f.indicator is None or f.indicator.endswith(".total")) and i + 1 < len(figures) \
                and _AND.fullmatch(text, f.end, figures[i + 1].start):
            nxt = figures[i + 1]                 # "4 chi bộ và 43 đảng viên được xếp loại HTXSNV": the words after both
            far = figures[i + 2].start if i + 2 < len(figures) else se
            both = indicator_for(sentence, f, ss, bounds=(lo, far), after_from=nxt.end)
            if both and not both.endswith(".total"):
                f.indicator = both               # "có 81 tổ chức và hơn 6.000 đảng viên bị kỷ luật"


def _one_counted_with_others(text: str, e: int, se: int) -> bool:
    """"kiểm tra một tổ chức đảng, 14 đảng viên", "kỷ luật một tổ chức đảng và 120 đảng viên", "kỷ luật Đảng
    một cán bộ": "một" before a party unit coordinated with a count, or right after a verb of discipline, is
    a count, not an article."""
    hit = match_unit(text, e)
    if not (hit and hit[0] in _DISCIPLINED_UNITS and hit[0] not in ("trường hợp", "đồng chí")):
        return False
    s = e - 3                                 # where "một" starts
    return bool(_THEN_COUNT.match(text, hit[1], se) or _DISCIPLINE_VERB_BEFORE.search(text, max(0, s - 30), s))


def _inherited_indicator(text: str, ss: int, figures: list[Figure], i: int) -> str | None:
    """The role of an earlier figure for one that names none of its own: a share of a rated count in
    brackets ("HTXSNV 9.513 ĐV (15%)"), a subset ("kiểm tra 1.245 ĐV, trong đó có 412 cấp ủy viên") or an
    item of a list by organisation or place ("kết nạp 312 ĐV, đạt 124%; Đảng bộ huyện A 187 ĐV")."""
    f, prev = figures[i], figures[i - 1]
    between = text[prev.end:f.start]
    after = text[f.end:f.end + 30]
    sentence = text[ss:f.end]
    if f.unit == "%" and _BRACKET.fullmatch(between):
        code = prev.indicator
        role = code.partition(".")[2] if code else ""
        return recode(code, f) if role in _GRADES else None
    if f.unit == "%":
        return None
    if prev.indicator and _SUBSET.fullmatch(between) and not prev.indicator.endswith(".total"):
        return recode(prev.indicator, f, after, sentence)     # a subset of a stock is no stock
    if prev.indicator and _COORDINATED.fullmatch(between):
        return recode(prev.indicator, f, after, sentence)     # "có 38 TCCSĐ, 412 chi bộ trực thuộc"
    cut = max(text.rfind(c, ss, f.start) for c in ",;:")
    if cut < 0 or not _LIST_ITEM.fullmatch(text, cut + 1, f.start):
        return None
    head = next((g for g in reversed(figures[:i]) if g.indicator and g.unit != "%"), None)
    if head is None:
        return None
    code = recode(head.indicator, f, after, sentence)
    return code if code and code.partition(".")[0] == head.indicator.partition(".")[0] else None


def _times(value: float, factor: float) -> float:
    """``value * factor`` without binary noise: 1,1 triệu tỷ = 1.1e15 exactly."""
    return float(Decimal(repr(value)) * Decimal(repr(factor)))


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for a, b in spans)


__all__ = ["extract_figures"]
