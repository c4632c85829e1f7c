"""Constructions that say who is attacked and how: threats, accusations, group attacks, personal information.

Each is a regex over the NORMALISED text whose gaps are bounded character classes that stop at a sentence end
(no nested or overlapping quantifiers), so a scan is linear in the text whatever the input. The personal
information detector is deterministic and tuned for precision: an address, phone number or e-mail counts only
next to a person or an act of exposure (晒す, 特定, 凸, 住んでる) and never next to a company or public office.
"""

from __future__ import annotations

import re

from moderation.needles import NeedleIndex

__all__ = ["CONSTRUCTIONS", "PII_PATTERNS", "personal_info"]

_G = r"[^。．.!?！？\n]"  # any character inside one sentence
_KANA = r"[ぁ-んァ-ヶー]"

_JA_VIOLENCE = r"(?:殺|刺|殴|しば|ボコ|潰|燃や|放火|爆破|襲|拉致|埋め|沈め|始末|ぶっ飛ば|ぶちのめ|痛い目)"
_JA_WILL = (r"(?:てやる|てやっ|たろか|たろう|たる|しに行く|しにいく|に行く|にいく|に行って|すぞ|るぞ|くぞ|すから"
            r"|るから|すわ)")
THREAT_JA = re.compile(
    _JA_VIOLENCE + _KANA + r"{0,4}?" + _JA_WILL
    + r"|覚悟し(?:と|ろ|て(?:お|ろ))|夜道(?:に|には)気をつけ|どうなるか(?:分|わ)かって|どうなっても知らな"
    r"|命(?:は|が)ない|ただ(?:じゃ|では)(?:おかな|済まな|すまな)|タダじゃ(?:おかな|済まな)|後悔させ(?:て|る)"
    r"|思い知らせ|家(?:に|まで)(?:行く|行って|押しかけ)|殺害予告|爆破予告|殺す(?:ぞ|から|わ|よ)")
THREAT_EN = re.compile(
    r"(?<![a-z])(?:i(?:'ll| will| am going to|'m going to|'m gonna| gonna| shall)|we(?:'ll| will| are going to|'re"
    r" going to|'re gonna)|you(?:'d| had| better)|someone should|somebody should|should be|deserve to be|i want to|"
    r"i'd love to|i would love to)" + _G + r"{0,24}?(?<![a-z])(?:kill|murder|shoot|stab|hurt|find you|hunt|beat|"
    r"rape|burn|slit|destroy you|end you|bomb|hang|lynch|shot|killed|hanged|executed|exterminated|gassed|"
    r"slaughter|strangle|watch your back|regret)"
    r"|(?<![a-z])(?:watch your back|i know where you live|you(?:'re| are) (?:dead|going to die|gonna die)|"
    r"you will (?:die|pay|regret)|your days are numbered|(?:should|deserve to|must) (?:all )?(?:die|be killed|be shot|"
    r"hang|be hanged|be exterminated|be wiped out)|(?:kill|shoot|hang|gas|exterminate) (?:all|every|them|the)"
    r"(?![a-z]))")
THREAT_REPORTED = re.compile(r"と(?:脅|脅迫|書き込|投稿)|脅迫(?:され|した|容疑|罪)|予告(?:が|を)(?:受|届|し)"
                             r"|(?<![a-z])(?:threatened to|was threatened|threats? against|received threats)")
ACCUSE_JA = re.compile(
    r"(?:詐欺|横領|盗撮|痴漢|不倫|窃盗|万引き|脱税|レイプ|強姦|放火|覚醒剤|薬物|暴行|虐待|ストーカー|前科|逮捕歴|"
    r"パワハラ|セクハラ|賄賂|裏金|着服|泥棒|性犯罪|援交|買春|反社|闇営業)" + _G + r"{0,4}?"
    r"(?:してる|している|してた|していた|した(?:んだ|奴|人|のは)|やってる|やってた|常習|確定|間違いない|だ(?:よ|ぞ|な|から)?$|"
    r"だ(?:よ|ぞ|な)|犯だ|師だ|者だ|です|である|の常習犯|前科持ち|がいる|の犯人|みんな知って|有名)")
ACCUSE_EN = re.compile(
    r"(?<![a-z])(?:is|was|he's|she's|you're|you are) (?:a |an )?(?:known |convicted |serial |fucking )?"
    r"(?:fraud|thief|criminal|rapist|pedophile|paedophile|molester|abuser|crook|scammer|murderer|embezzler)"
    r"|(?<![a-z])(?:stole|embezzled|molested|raped|abused|defrauded|cheated on)(?![a-z])")
HATE_EN = re.compile(
    r"(?<![a-z])i (?:really |just |absolutely |truly |fucking |so |totally )?(?:hate|despise|detest|loathe|"
    r"can't stand|cannot stand)(?![a-z])"
    r"|(?<![a-z])(?:are|is) (?:all |just |nothing but |such |so |a bunch of )?(?:vermin|animals|rats|parasites|scum|"
    r"subhuman|savages|cockroaches|pigs|apes|filth|trash|a plague|a disease|a cancer|disgusting|inferior|worthless|"
    r"criminals|terrorists|rapists|evil|a burden|stupid|dumb|pathetic)(?![a-z])")
NEGATED_EN = re.compile(r"(?<![a-z])(?:don't|do not|doesn't|does not|never|not|no one should|nobody should|won't|"
                        r"wouldn't|can't|isn't|aren't) (?:\w+ ){0,2}?(?:hate|kill|hurt|despise|say|call|think)")
COUNTER_EN = re.compile(
    r"(?<![a-z])(?:the word|the term|is a slur|are slurs|a slur|offensive (?:to|word)|not ok|not okay|unacceptable|"
    r"stop (?:using|calling|saying)|shouldn't (?:say|call|use)|should not (?:say|call|use)|(?:people|anyone|those) who "
    r"(?:say|call|use|think)|if you (?:say|call|use|think)|when (?:people|you|someone) (?:say|call|use)|called me|"
    r"calling (?:me|us|them|people|someone)|saying that|said that|say that|you can't say|quote|quoting)(?![a-z])")
QUOTE = re.compile(r"「[^「」\n]{1,60}」|『[^『』\n]{1,60}』|\"[^\"\n]{1,60}\"|“[^“”\n]{1,60}”")


ADDRESS = re.compile(r"(?<=[一-龥ァ-ヶ])[市区町村郡][一-龥ぁ-んァ-ヶ]{0,10}?\d{1,4}"
                     r"(?:丁目|-|−|ー|の)\d{1,4}(?:(?:番地?|-|−|ー|の)\d{0,4})?(?:号)?")
POSTAL = re.compile(r"〒\s?\d{3}-?\d{4}|(?<!\d)\d{3}-\d{4}(?!\d)")
PHONE = re.compile(r"(?<!\d)0[789]0-?\d{4}-?\d{4}(?!\d)|(?<!\d)0\d{1,3}-\d{2,4}-\d{4}(?!\d)")
EMAIL = re.compile(r"(?<![a-z0-9._%+\-])[a-z0-9][a-z0-9._%+\-]{0,63}@[a-z0-9\-]{1,63}(?:\.[a-z0-9\-]{1,63}){1,4}")
PLACE = re.compile(r"(?:小学校|中学校|中学|高校|高等学校|大学|学園|保育園|幼稚園|会社|病院|店|工場|"
                   r"役所|支店|営業所)(?:に|で|の)?" + _G
                   + r"{0,4}?(?:通って|通う|通学|在学|勤めて|勤務して|働いて|バイトして)")
EXPOSE = re.compile(r"晒(?:す|し|せ|そ|され)|特定(?:した|して|済|完了|できた|班|しよう)"
                    r"|(?:電|家|職場|会社に)?凸(?:する|して|し|ろ|った)"
                    r"|住所(?:は|を|晒|特定|割れ|わかった|知って)|身バレ|個人情報(?:を)?晒|住んでる|住んでいる|実家は|自宅は"
                    r"|本名は|(?<![a-z])(?:dox|doxx|doxxed|his address is|her address is|lives at|home address)")
PERSON_CTX = re.compile(r"こいつ|コイツ|あいつ|アイツ|そいつ|この人|あの人|この女|この男|奴の|やつの|犯人の|お前の|"
                        r"おまえの|(?<=[一-龥ァ-ヶー])(?:さん|くん|ちゃん|氏)の|娘|息子|嫁|旦那|彼女の|彼氏の|"
                        r"(?<![a-z])(?:his|her|their|your) (?:address|phone|number|email|school|workplace|house)")
ORG_CTX = re.compile(r"本社|本店|支社|庁舎|市役所|区役所|県庁|都庁|役場|警察署|消防署|裁判所|大使館|所在地|株式会社|"
                     r"（株）|\(株\)|有限会社|工場|店舗|会場|事務所|窓口|お問い合わせ|問い合わせ|受付|営業時間|代表電話|"
                     r"フリーダイヤル|公式|記者会見|開催|移転|オープン|駅|公園|センター|ホール|ビル|0120|0800")

CONSTRUCTIONS = {
    "threat_ja": THREAT_JA, "threat_en": THREAT_EN, "threat_reported": THREAT_REPORTED,
    "accusation_ja": ACCUSE_JA, "accusation_en": ACCUSE_EN, "hate_statement_en": HATE_EN,
    "negated_en": NEGATED_EN, "counter_speech_en": COUNTER_EN, "quotation": QUOTE,
}


_PLACE_TRIGGER = frozenset("校学園社院店場所支営")
_EXPOSE_TRIGGER = frozenset("晒特凸住身個実自本dhl")
PII_PATTERNS = (ADDRESS, POSTAL, PHONE, EMAIL, PLACE, EXPOSE)
_NEEDLES = NeedleIndex(PII_PATTERNS)


def personal_info(text: str, spans: list | None = None, chars: set | None = None, digits: int = 1,
                  found: set | None = None) -> dict[str, float]:
    """Counts of the personal-information pieces, and `pii_exposed`: a piece next to a person or an act of
    exposure, with no company or public office in the text (those are news, not doxxing).

    `chars` (the set of the text's characters), `digits` (how many) and `found` (the needles of an index
    holding PII_PATTERNS found in the text) let absent pieces be skipped."""
    chars = set(text) if chars is None else chars
    pieces = 0
    for rx, needed in ((ADDRESS, digits), (POSTAL, digits), (PHONE, digits >= 9), (EMAIL, "@" in chars),
                       (PLACE, not chars.isdisjoint(_PLACE_TRIGGER))):
        if not needed or not _NEEDLES[rx].may_match(text, chars, found):
            continue
        for m in rx.finditer(text):
            pieces += 1
            if spans is not None:
                spans.append(("personal_info", m.start(), m.end()))
    expose = 0
    if not chars.isdisjoint(_EXPOSE_TRIGGER) and _NEEDLES[EXPOSE].may_match(text, chars, found):
        expose = sum(1 for _ in EXPOSE.finditer(text))
    exposed = 0.0
    if pieces and (expose or PERSON_CTX.search(text)) and not ORG_CTX.search(text):
        exposed = 1.0
    return {"pii_pieces": float(pieces), "pii_expose_act": float(expose), "pii_exposed": exposed}
