"""Threats, accusations, group attacks, negations and quotations as linear regexes over the normalised text."""

from __future__ import annotations

import re
import re._parser

_G = r"[^。．.!?！？\n]"  # any character inside one sentence


_KANA = r"[ぁ-んァ-ヶー]"


_JA_VIOLENCE = r"(?:殺|刺|殴|しば|ボコ|潰|燃や|放火|爆破|爆弾を?仕掛け|襲|拉致|埋め|沈め|始末|ぶっ飛ば|ぶちのめ|痛い目)"


_JA_WILL = (r"(?:てやる|てやっ|たろか|たろう|たる|しに行く|しにいく|に行く|にいく|に行って|すぞ|るぞ|くぞ|すから"
            r"|るから|すわ)")


# violence wished on or incited against someone else (暗殺してくれ, 吊るされろ, 撃ち抜かれればいい, 火をつけに行こう)
_INCITE_JA = (
    r"(?:殺|殴|刺|燃や|処刑|撃ち抜|吊|踏み潰|ぶっ潰|火を(?:つけ|付け)|爆破)"  # 暗殺, 射殺, 刺し殺 all end in 殺
    + _KANA + r"{0,4}?(?:されろ|られろ|れろ|れればいい|ればいい|してくれ|てくれ|してほしい|てほしい|して欲しい|ちまえ"
    r"|てしまえ|に行こう|にいこう|せ(?=$|[。!、\s]))")


THREAT_JA = re.compile(
    _JA_VIOLENCE + _KANA + r"{0,4}?" + _JA_WILL
    + r"|覚悟し(?:と|ろ|て(?:お|ろ))|夜道(?:に|には)気をつけ(?!た方|たほう|ましょう|てください|て下さい|てね)"
    r"|どうなるか(?:分|わ)かって|どうなっても知らな|顔(?:は|を|も)?覚えた|血を見る(?:ことに|ぞ)|会いに行ける"
    r"|楽しみにしと(?=[けき]).|首を洗って待|" + _INCITE_JA
    + r"|命(?:は|が)ない|ただ(?:じゃ|では)(?:おかな|済まな|すまな)|タダじゃ(?:おかな|済まな)|後悔させ(?:て|る)"
    r"|思い知らせ|家(?:に|まで)(?:行く|行って|押しかけ)|(?:殺害|爆破)予告|殺す(?:ぞ|から|わ|よ)")


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
                        r"wouldn't|can't|isn't|aren't) (?:\w+ ){0,2}?(?:hate|kill|hurt|despise|say|call|think"
                        r"|vermin|animals|rats|parasites|scum|subhuman|savages|filth|trash|disgusting|inferior|worthless"
                        r"|criminals|terrorists|rapists|evil|a burden|stupid|dumb|pathetic|dangerous|a threat|lazy)")


COUNTER_EN = re.compile(
    r"(?<![a-z])(?:the word|the term|is a slur|are slurs|a slur|offensive (?:to|word)|not ok|not okay|unacceptable|"
    r"stop (?:using|calling|saying)|shouldn't (?:say|call|use)|should not (?:say|call|use)|(?:people|anyone|those) who "
    r"(?:say|call|use|think)|if you (?:say|call|use|think)|when (?:people|you|someone) (?:say|call|use)|called me|"
    r"calling (?:me|us|them|people|someone)|saying that|said that|say that|you can't say|quote|quoting)(?![a-z])")


QUOTE = re.compile(r"「[^「」\n]{1,60}」|『[^『』\n]{1,60}』|\"[^\"\n]{1,60}\"|“[^“”\n]{1,60}”")


CONSTRUCTIONS = {
    "threat_ja": THREAT_JA, "threat_en": THREAT_EN, "threat_reported": THREAT_REPORTED,
    "accusation_ja": ACCUSE_JA, "accusation_en": ACCUSE_EN, "hate_statement_en": HATE_EN,
    "negated_en": NEGATED_EN, "counter_speech_en": COUNTER_EN, "quotation": QUOTE,
}
