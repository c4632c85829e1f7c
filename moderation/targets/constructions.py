"""Accusations, negations and quotations as linear regexes, and every construction by the feature it feeds.

Threats live in threat_en.py and threat_ja.py (what both share in threats.py), attacks on groups in hate_ja.py,
hate_en.py and withheld_en.py; the names other modules and the tests read from here are re-exported.
"""

from __future__ import annotations

from moderation.needles.parts import Joined
from moderation.pattern_cache import compiled
from moderation.targets.accused import ACCUSE_NAMED, ACCUSE_SPY_EN, ACCUSE_SPY_JA
from moderation.targets.hate_en import _EN_REMOVED as _EN_REMOVED
from moderation.targets.hate_en import ENDORSED_EN as ENDORSED_EN
from moderation.targets.hate_en import HATE_EN as HATE_EN
from moderation.targets.hate_en import HATE_EN_PARTS as HATE_EN_PARTS
from moderation.targets.hate_en import HATE_EN_TAILS as HATE_EN_TAILS
from moderation.targets.hate_ja import _JA_DENIED_AFTER as _JA_DENIED_AFTER
from moderation.targets.hate_ja import HATE_JA as HATE_JA
from moderation.targets.hate_ja import HATE_JA_PARTS as HATE_JA_PARTS
from moderation.targets.hate_ja import HATE_JA_TAILS as HATE_JA_TAILS
from moderation.targets.located import LOCATED_VISIT
from moderation.targets.located import LOCATED_VISIT_PARTS as LOCATED_VISIT_PARTS
from moderation.targets.threat_en import _EN_DEATH as _EN_DEATH
from moderation.targets.threat_en import THREAT_EN as THREAT_EN
from moderation.targets.threat_en import THREAT_EN_PARTS as THREAT_EN_PARTS
from moderation.targets.threat_en import THREAT_EN_TAILS as THREAT_EN_TAILS
from moderation.targets.threat_ja import THREAT_JA as THREAT_JA
from moderation.targets.threat_ja import THREAT_JA_DEEDS as THREAT_JA_DEEDS
from moderation.targets.threat_ja import THREAT_JA_PARTS as THREAT_JA_PARTS
from moderation.targets.threats import _G as _G
from moderation.targets.threats import THREAT_REPORTED

ACCUSE_JA_PARTS = (compiled(
    r"(?:詐欺|横領|盗撮|痴漢|不倫|窃盗|万引き|脱税|レイプ|強姦|放火|覚醒剤|薬物|暴行|虐待|ストーカー|前科|逮捕歴|"
    r"パワハラ|セクハラ|賄賂|裏金|着服|泥棒|性犯罪|援交|買春|反社|闇営業)" + _G + r"{0,4}?"
    r"(?:してる|している|してた|していた|した(?:んだ|奴|人|のは)|やってる|やってた|常習|確定|間違いない|だ(?:よ|ぞ|な|から)?$|"
    r"だ(?:よ|ぞ|な)|犯だ|師だ|者だ|です|である|の常習犯|前科持ち|がいる|の犯人(?:だ|です|じゃ|なんだ|で(?:確定|間違い)|に(?:違いない|決まって)|"
    r"は" + _G + r"{0,12}?(?:さん|くん|ちゃん|先生|って(?:奴|男|女)|お前|あいつ|こいつ|コメ主|記者|で(?:確定|間違い)|"
    r"に(?:違いない|決まって)))|みんな知って|有名)"), compiled(ACCUSE_SPY_JA))
ACCUSE_JA = Joined(ACCUSE_JA_PARTS)


# session 52: spying for a state told as fact of a named or singled-out person (accused.py) is an accusation said,
# in both languages (ACCUSE_JA_PARTS above): none of its words is a crime word
ACCUSE_EN_PARTS = (compiled(
    r"(?<![a-z])(?:is|was|he's|she's|you're|you are) (?:a |an )?(?:known |convicted |serial |fucking )?"
    r"(?:fraud|thief|criminal|rapist|pedophile|paedophile|molester|abuser|crook|scammer|murderer|embezzler)"
    r"|(?<![a-z])(?:stole|embezzled|molested|raped|abused|defrauded|cheated on)(?![a-z])"), compiled(ACCUSE_SPY_EN))
ACCUSE_EN = Joined(ACCUSE_EN_PARTS)


# what a negation denies: the attack verb or the dehumanising word
_EN_DENIED = (r"(?:hate|kill|hurt|despise|say|said|call|think|thought|believe|want(?!ed)"
              r"|vermin|animals|rats|parasites|scum|subhuman|savages|filth|trash|disgusting|inferior|worthless"
              r"|criminals|terrorists|rapists|evil|a burden|stupid|dumb|pathetic|dangerous|a threat|lazy|deport"
              r"|expel|banish|driven out|kicked out|chased out|sent back|sent home)")


# a denied attack: a negation at most two words before it, or a denial of the whole claim at most four words before
# it ("nobody here thinks", "not one person in this thread hates", "it's not true that [group] are a burden")
NEGATED_EN = compiled(r"(?<![a-z])(?:(?:don't|do not|doesn't|does not|didn't|did not|never|not|no one should|"
                      r"nobody should|won't|wouldn't|can't|isn't|aren't) (?:\w+ ){0,2}?"
                      r"|(?:no one|nobody|not one (?:person|of us|of them)|none of us|(?:it's|it is|that's|that is) "
                      r"(?:not true|a lie|a myth|false|nonsense) that) (?:\w+ ){0,4}?)" + _EN_DENIED)


COUNTER_EN = compiled(
    r"(?<![a-z])(?:the word|the term|is a slur|are slurs|a slur|offensive (?:to|word)|not ok|not okay|unacceptable|"
    r"stop (?:using|calling|saying)|shouldn't (?:say|call|use)|should not (?:say|call|use)|(?:people|anyone|those) who "
    r"(?:say|call|use|think)|if you (?:say|call|use|think)|when (?:people|you|someone) (?:say|call|use)|called me|"
    r"calling (?:me|us|them|people|someone)|saying that|said that|say that|you can't say|quote|quoting)(?![a-z])")


QUOTE = compiled(r"「[^「」\n]{1,60}」|『[^『』\n]{1,60}』|\"[^\"\n]{1,60}\"|“[^“”\n]{1,60}”")


CONSTRUCTIONS = {
    "threat_ja": THREAT_JA, "threat_en": THREAT_EN, "threat_reported": THREAT_REPORTED, "located_visit": LOCATED_VISIT,
    "accusation_ja": ACCUSE_JA, "accusation_en": ACCUSE_EN, "accusation_named": ACCUSE_NAMED,
    "hate_statement_en": HATE_EN, "hate_statement_ja": HATE_JA,
    "negated_en": NEGATED_EN, "counter_speech_en": COUNTER_EN, "quotation": QUOTE,
}
