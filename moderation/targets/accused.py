"""A crime asserted of a person named by office: the writer's own word, not a report, a question or a denial."""

from __future__ import annotations

from moderation.needles.parts import Joined
from moderation.pattern_cache import compiled
from moderation.targets.threats import _G  # any character inside one sentence

# session 23-24 (issue 12): "Mayor Whitfield took a bribe", "Councillor X has been pocketing money", "the mayor
# embezzled", 山田議員は業者から金をもらっている. The office and the surname (or "the/our" + an office: one
# identifiable holder), an apposition at most, then the deed at once. None when the writer reports it: after say,
# claims, alleged, evidence, that ("police say the mayor took a bribe"), with an attribution or a hedge later in the
# sentence ("..., police say", "according to", "allegedly"), or in a question; a denial ("was cleared of", "there is
# no evidence ...") is denied.py's
_EN_OFFICE = (r"(?i:councillor|councilor|cllr|mayor|senator|congressman|congresswoman|governor|minister|mp|judge"
              r"|sheriff|superintendent|inspector|detective|sergeant|constable|dr|doctor|professor|prof|mr|mrs|ms"
              r"|headteacher|head teacher|principal|bishop|pastor|reverend|chairman|chairwoman|director|ceo"
              r"|alderman|commissioner|treasurer|council leader|chief constable|vicar|priest)")
_EN_NAMEWORD = (r"(?!(?:has|have|had|is|was|were|are|and|or|of|the|who|says|said|did|does|should|will|would|been"
                r"|to|in|on|at|for|with|that|this|also|never|not|just|then|took|stole|denies|deny|denied|admits|admitted"
                r"|says|claims|claimed|calls|called|wants|wanted|promised|accused|questioned|criticised|criticized"
                r"|defended|announced|rejected|insists|insisted|against|over|about|from|by|after|before|allegedly"
                r"|reportedly|apparently|may|might|could|can|must)(?![a-z'’-]))[a-z][a-z'’-]{1,20}")
# what, right before the person, makes the rest someone else's word: a verb of saying or a conjunction of report
_EN_NOT_AFTER = "".join(f"(?<!{w} )" for w in (
    "evidence", "whether", "if", "did", "does", "has", "is", "was", "alleged", "alleges", "allege", "claims", "claim",
    "claimed", "rumour", "rumor", "say", "says", "said", "reported", "reports", "suggest", "suggests", "deny",
    "denies", "denied", "believe", "suspect", "suspects", "wonder", "ask", "asked", "investigating", "that",
    "police,", "prosecutors,", "reports,", "sources,", "allegedly", "reportedly", "told", "tell", "tells", "hear",
    "heard", "think", "thinks", "doubt", "whom", "because", "testified", "confirm", "confirmed", "accuse",
    "accused", "accuses"))
# where the person can begin (a determiner or an office, then a space or a full stop: what follows needs one) is looked
# ahead first, so the report words' look-behinds are read at those words only, not at every word (~10x faster)
_EN_BEGINS = (r"(?<![a-z'’])(?=(?:the|our|my|your|this|that|their|" + _EN_OFFICE.removeprefix("(?i:")
              + r"[ .,])")
_EN_NAMED = (_EN_BEGINS + _EN_NOT_AFTER + r"(?:" + _EN_OFFICE + r"\.? " + _EN_NAMEWORD
             + r"(?: " + _EN_NAMEWORD + r")?|(?:the|our|my|your|this|that|their) (?:[a-z]{1,20} )??"
             + _EN_OFFICE
             + r"(?:, " + _EN_OFFICE + r"\.? " + _EN_NAMEWORD + r"(?: " + _EN_NAMEWORD + r")?)?)"
             r"(?:, (?:the |our |my |a )?[a-z'’ -]{2,30},)?")
# the deed, each stem spelled in full so its needle is a word (not "rig" inside "right"; session 52: "forg", "rigg",
# "fiddl", "brib", "steal" and "skimm" each stand for a stem's endings, ACCUSE_NAMED's guard holding MAX_NEEDLES)
_EN_MISDEED = (r"(?:(?:has|had|have) (?:been |also |always |long )?|is |was |(?:is|was) (?:still |caught |always )?"
               r"|keeps |kept )?(?:(?:stole|steal(?:s|ing)|stolen|nicked)"
               r"(?! (?:the |my |our |his |her |their |a |every )?(?:show"
               r"|hearts?|spotlight|limelight|headlines?|scene|glances?|kiss|march|ball|bases?|points?|victory|win|game"
               r"|moment)(?![a-z]))|embezzl(?:ed|es|ing)|pocket(?:ed|s|ing)"
               r"|launder(?:ed|s|ing)|rigg(?:ed|ing)|fiddl(?:ed|es|ing)|forg(?:ed|ing)"
               r"|defraud(?:ed|s|ing)|swindl(?:ed|es|ing)|extort(?:ed|s|ing)|blackmail(?:ed|s|ing)"
               r"|brib(?:ed|es|ing)|siphon(?:ed|s|ing)"
               r"|skimm(?:ed|ing)|(?:took|takes|taking|taken|accepted|accepts|accepting) (?:a |the |huge |cash "
               r"|secret |big )?(?:bribes?|kickbacks?|backhanders?|payoffs?|bungs?)|cook(?:ed|s|ing) the books"
               r"|lied under oath|cover(?:ed|s|ing) up (?:the |an? |his |her |their )?"
               r"(?:[a-z]{1,20} )?(?i:assault|abuse|crimes?|scandal|fraud|theft|evidence|death|attack|rape|losses"
               r"|accident|bullying|overspend)"
               r"|(?:is|was) (?:a |an )?(?:crook|thief|fraud|criminal|embezzler|swindler|conman|con man"
               r"|paedophile|pedophile)"
               r"|on the take|helped (?:himself|herself) to|molested|raped|abused|assaulted)(?![a-z])")
# nothing later in the sentence that makes it a report, a hedge or a question (bounded: linear in the text)
_EN_NOT_REPORTED = (r"(?![^.!?\n]{0,120}\?)(?![^.!?\n]{0,100}?(?<![a-z])(?:according to|allegedly|reportedly"
                    r"|(?:say|says|said|allege|alleges|alleged|claim|claims|claimed|report|reports|reported|suggest"
                    r"|suggests|told|tells|testified|wrote|writes)(?![a-z])))")
_ACCUSE_NAMED_EN = _EN_NAMED + r" " + _EN_MISDEED + _EN_NOT_REPORTED


_JA_OFFICE = (r"(?:議員|市長|町長|村長|知事|市議|県議|区議|区長|社長|会長|理事長|院長|校長|教頭|署長|部長|課長"
              r"|大臣|首相|総理|代議士|先生|監督|理事|委員長|局長|次官|教授|医師|弁護士|判事|検事|町議|村議"
              # 田中記者, 佐藤アナ: one reporter or announcer (session 33), not a kind (新聞記者, 女子アナ: read2 F11)
              r"|(?<!新聞)(?<!女子)(?<!局)(?<!御用)(?<!外国)(?<!元)(?<!大手)(?<!ベテラン)記者"
              r"|(?<!女子)(?<!局)アナ(?!ウンサ))")
_JA_MISDEED = (r"(?:賄賂|裏金|横領|着服|使い込|懐に入れ|盗ん|盗っ|だまし取|騙し取|ネコババ|ピンハネ|中抜き"
               r"|横流し|私物化"
               r"|(?:金|カネ|お金|現金|献金|謝礼)を(?:もら|貰|受け取)|(?:票|支持|議席)を(?:金で)?買|金で(?:票|支持)を買"
               r"|談合|癒着|口利き|便宜を図|袖の下|汚職"
               r"|買収し|不正受給|不正に(?:受け取|受給|使)|脱税|粉飾|改ざん|改竄|隠蔽|もみ消"
               # session 28: 山田太郎議員は収賄で私腹を肥やしている犯罪者だ was defamation 0.012: the crime
               # named by its noun (収賄, 贈賄) or idiom (私腹を肥やす), or the person called a criminal (犯罪者,
               # 詐欺師; not 犯罪者扱い)
               r"|収賄|贈賄|私腹を肥や"
               r"|(?:犯罪者|詐欺師|ペテン師|横領犯|常習犯)(?!扱い|呼ばわり|視|に|を|と|の(?:更生|社会復帰)))")
# the person: a name (kanji or katakana) and an office (佐藤一郎議員, 鈴木市長, 田村社長), as the sentence's topic or
# subject, not after a source (警察によると, 報道では); the deed within the sentence, and no question, hedge of doubt,
# denial, report (と報じた, 容疑で逮捕, 〜とされる) or policy after it
_JA_NOT_AFTER = "".join(f"(?<!{w})" for w in ("によると", "によれば", "報道では",
                                               "によると、", "によれば、", "報道では、"))
_ACCUSE_NAMED_JA = (r"(?<![一-龥ァ-ヶー])" + _JA_NOT_AFTER + r"[一-龥ァ-ヶー]{1,6}[ぁ-ん]{0,3}"
                    + _JA_OFFICE
                    + r"(?i:は|が|って|も|ったら)" + _G + r"{0,24}?"
                    + _JA_MISDEED + r"(?!" + _G + r"{0,30}?(?:[？?]|か[。、]|か$|のか|だろうか|かな|かも|疑い|容疑"
                    r"|と(?:報じ|発表|告発|報道|いう|され|して|の|み(?:られ|て)|書)"
                    r"|と" + _G + r"{0,12}?(?:報じ|報道|伝え)"
                    r"|という|かどうか|とされ|否定|事実無根"
                    r"|誤解|デマ|防止|防ぐ|対策|再発|逮捕|送検|起訴|捜査"
                    r"|問題|ない方針|ていない|てない|しない|なかった|ません|はず(?:が|は)ない))")
# session 52 (issue 12, read2's thirteenth): spying for a state told as fact of a named person or one singled out by
# trade ("Senator Voss is a Russian agent", "that reporter is on Beijing's payroll", "Dr Reyes spies for Tehran", "the
# defence secretary is a traitor who sold our secrets", 田中議員は中国のスパイだ, あの記者は工作員だ); not a report,
# a question or a hedge (_EN_NOT_REPORTED, the Japanese look-ahead), nor a spy of a story ("the photographer in the
# film is a Mossad informant": the trade right before the verb), nor "traitor" said of a deal or a policy
_EN_STATES = (r"(?:russian|chinese|north korean|iranian|israeli|american|british|saudi|qatari|turkish|indian"
              r"|pakistani|foreign|kremlin|beijing|moscow|pyongyang|tehran|ccp|cia|fsb|kgb|gru|mossad|mi6|enemy"
              r"|communist|state)")
_EN_POWERS = (r"(?:russia|china|north korea|iran|israel|america|the us|saudi arabia|qatar|turkey|india|pakistan"
              r"|the kremlin|beijing|moscow|pyongyang|tehran|the ccp|the cia|the fsb|the kgb|the gru|mossad|mi6"
              r"|the enemy|the (?:russians|chinese|north koreans|iranians))")
_EN_TRADES = (r"(?:reporter|journalist|correspondent|photographer|cameraman|camerawoman|columnist|editor|anchor"
              r"|presenter|commentator|commenter|poster|blogger|secretary|minister|ambassador|envoy|spokesman"
              r"|spokeswoman|spokesperson|official|aide|adviser|advisor|general|colonel)")
# (the determiner looked ahead first, as _EN_BEGINS: the report words' look-behinds read only there: ~64 -> ~30 us a
# run)
_EN_SINGLED = (_EN_NAMED + r"|(?<![a-z'’])(?=(?:the|that|this|our|your) )" + _EN_NOT_AFTER
               + r"(?:the|that|this|our|your) (?:(?!(?:the|a|an|that|this) )[a-z'’]{1,20} ){0,2}?"
               + _EN_TRADES + r"|(?<![a-z'’])commenter @?[a-z0-9_.-]{2,30}")
# (?i:...) around the states, the powers and common words keeps them from being needles: each alternative is looked
# for behind its spying word (spy, agent, payroll, intelligence, traitor ...), not behind " for " or "chinese"
_EN_KIND = r"(?:(?i:paid|secret|covert|known|sleeper|double) )?"
_EN_SPYING = (r"(?:(?:is|was|has (?:always |long )?been) (?:a |an )?" + _EN_KIND + r"(?:(?i:" + _EN_STATES + r") )?spy"
              r"|(?:is|was|has (?:always |long )?been) (?:a |an )?" + _EN_KIND + r"(?i:" + _EN_STATES + r") "
              r"(?:agent|asset|informant|operative|stooge)"
              r"|spies for|(?:is|was) spy(?i:ing for)"
              r"|(?:is|was|has been) (?:on|in) (?i:the )?(?i:" + _EN_STATES + r"|" + _EN_POWERS + r")(?:['’]s)? payroll"
              r"|(?:works|worked|is working) for (?i:the )?(?i:" + _EN_STATES + r"|" + _EN_POWERS + r")(?:['’]s)?"
              r" (?:intelligence|secret police|security services?|propaganda (?:office|department|ministry"
              r"|bureau))"
              r"|(?i:works |worked )(?i:for )(?:the cia|the fsb|the kgb|the gru|mossad|mi6)"
              r"|takes? (?i:money|cash|orders|payments?)(?i: from )(?i:" + _EN_POWERS + r")"
              r"|(?:is|was) (?:a )?traitor who (?:sold|handed|leaked|passed|gave)"
              r"|(?:sold|handed|leaked|passed) (?:our |state |military |national |the country['’]s )?secrets to)"
              r"(?![a-z])")
# not a story's spy ("in the film the correspondent is a KGB agent"), nor one's own admission or a conviction told
# ("our ambassador was a spy, he admitted it in his own memoir"): read2's round (session 52)
_EN_STORY = "".join(f"(?<!in the {w} )(?<!in the {w}, )" for w in ("film", "novel", "book", "series", "show", "game",
                                                                  "story", "movie", "drama", "play", "plot", "script"))
_EN_OWNED = (r"(?![^.!?\n]{0,80}?(?<![a-z])(?:admitted|admits|confessed|confesses|memoir|convicted|jailed|sentenced"
             r"|pleaded guilty)(?![a-z]))")
ACCUSE_SPY_EN = _EN_STORY + r"(?:" + _EN_SINGLED + r") " + _EN_SPYING + _EN_NOT_REPORTED + _EN_OWNED
_JA_STATES = r"(?:中国|北朝鮮|韓国|ロシア|アメリカ|米国|イラン|中共|共産党|CIA|KGB|外国|敵国|他国|某国)"
_JA_SINGLED = (r"(?:(?<![一-龥ァ-ヶー])" + _JA_NOT_AFTER + r"[一-龥ァ-ヶー]{1,6}[ぁ-ん]{0,3}" + _JA_OFFICE
               + r"|(?:あの|この|その|例の|上の|さっきの)(?:[一-龥ァ-ヶー]{1,6})?(?:記者|特派員|カメラマン|キャスター"
               r"|アナウンサー|編集長|議員|大臣|知事|市長|教授|コメ主|投稿主|書き込み主)|コメ主|投稿主)")
ACCUSE_SPY_JA = (_JA_SINGLED + r"(?i:は|が|って|も|ったら)" + _G + r"{0,24}?"
                  r"(?:" + _JA_STATES + r"の)?(?:スパイ|工作員|諜報員|回し者|エージェント)"
                  r"(?=だ|で(?:す|ある|確定|間違い|決まり|、)|。|$|、|[!！]|確定|なんだ|なのは|じゃん|だろ)"
                  r"(?!" + _G + r"{0,30}?(?:[？?]|か[。、]|か$|のか|だろうか|かな|かも|疑い|疑惑|容疑|説|噂"
                  r"|と(?:報じ|発表|告発|報道|いう|され|して|の|み(?:られ|て)|書|言)|という|かどうか|とされ"
                  r"|否定|事実無根|誤解|デマ|ではない|じゃない|ではなく|でない|ありえない|あり得ない))")
# session 52: ACCUSE_NAMED's guard holds MAX_NEEDLES (100) needles: a cover-up's object (?i:...) and the books
# cooked as one needle (" the books") leave room for the spy's own words (the same matches: needles only guard them)
# (?i:...) around the office (English) and the particle (Japanese), which have no case: their words are no needles
# (mr, ms, って inside most texts), so each part is looked for only where a deed's word is
# scanned as two parts, each behind its own needles (moderation/needles/parts.py): the deed's words
ACCUSE_NAMED_PARTS = (compiled(_ACCUSE_NAMED_EN), compiled(_ACCUSE_NAMED_JA), compiled(ACCUSE_SPY_EN))
ACCUSE_NAMED = Joined(ACCUSE_NAMED_PARTS)
