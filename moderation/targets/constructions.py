"""Threats, accusations, group attacks, negations and quotations as linear regexes over the normalised text."""

from __future__ import annotations

import re
import re._parser

from moderation.needles.tails import width
from moderation.targets.accused import ACCUSE_NAMED
from moderation.wordlists.context import POSITIVE_EN
from moderation.wordlists.groups import GROUPS

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


_THREAT_JA_WORDS = (
    _JA_VIOLENCE + _KANA + r"{0,4}?" + _JA_WILL
    + r"|覚悟し(?:と|ろ|て(?:お|ろ))|夜道(?:に|には)気をつけ(?!た方|たほう|ましょう|てください|て下さい|てね)"
    r"|どうなるか(?:分|わ)かって|どうなっても知らな|顔(?:は|を|も)?覚えた|血を見る(?:ことに|ぞ)|会いに行ける"
    r"|楽しみにしと(?=[けき]).|首を洗って待|" + _INCITE_JA
    + r"|命(?:は|が)ない|ただ(?:じゃ|では)(?:おかな|済まな|すまな)|タダじゃ(?:おかな|済まな)|後悔させ(?:て|る)"
    r"|思い知らせ|家(?:に|まで)(?:行く|行って|押しかけ)|(?:殺害|爆破)予告|殺す(?:ぞ|から|わ|よ)")


# session 23-24 (issue 12): the deed said, each form a part behind its own needles (THREAT_JA_PARTS; a guard of
# common characters made a 200-character score 25% slower): a verb whose volitional form aims at a body or a home
# (轢いてやる, 突き落としてやる, 首を絞めてやる, 家ごと焼いてやる, 火を放ってやる, 連れ去ってやる; not 焼く / 折る /
# 切る alone: 肉を焼いてやる, 骨を折る is an effort); someone's body part broken, cut or gouged
# (お前の指を切り落として); a home set on fire (記者の家に火をかけて); acid or petrol thrown (顔に硫酸をかけて);
# a child taken (子供をさらって);
# then the will. Each starts with a literal, so the engine skips to it; (?i:...) (no case in Japanese) keeps common
# words (かけ, もって, 行く) from being needles, so a part is looked for only where its rare word is
_JA_DEEDS = (r"(?:轢|突き落と|絞め殺|首を絞め|切り刻|えぐり出|抉り出|へし折|叩き割|焼き殺|焼き払|(?:家|店|車)ごと焼"
             r"|火を放|連れ去|誘拐|監禁|八つ裂き)")
_JA_BODY_DEED = (r"の(?:指|腕|足|脚|骨|歯|首|顔|目|鼻|耳|喉|背骨|肋骨|あばら|膝)(?:を|も)" + _G + r"{0,8}?"
                 r"(?:折|切|潰|砕|絞|えぐ|抉|引きちぎ|焼)(?:り落と|り取|り裂|き折)?")
_JA_FIRE = r"(?:家|店|車|会社|事務所|実家|部屋|社屋|編集部)(?:ごと|に|にも)火を(?i:つけ|付け|かけ|放)"
_JA_ACID = r"(?:硫酸|塩酸|熱湯|灯油|ガソリン)を?(?:ぶっ)?(?i:かけ|掛け|浴びせ|まい|撒い|ぶちまけ)"
_JA_TAKEN = r"(?:子供|子ども|娘|息子|妻|嫁|家族|孫)を(?:さら|連れ去|誘拐|拉致)" + _G + r"{0,8}?"
# a weapon brought to someone (包丁を持って行くから, ナイフ持って待ってる): the carrying and the going or waiting
_JA_ARMED = (r"(?:包丁|ナイフ|刃物|出刃|バット|鉄パイプ|ハンマー|斧|銃|拳銃|猟銃|ガソリン|灯油|硫酸)(?:を|も)?"
             r"(?i:持って|もって|持参して|用意して|手に)" + _G + r"{0,12}?"
             r"(?i:(?:行く|いく|来る|くる|会いに行く|向かう|待ってる|待っている)(?:から|ぞ|わ|ね|よ)?(?:な|ね|よ)?"
             r"(?=$|[。!！…w]|\s)|行って(?:やる|やっ|やろ)|待ってろ|押しかけ(?:てやる|るぞ|るから))")
THREAT_JA_PARTS = (re.compile(_THREAT_JA_WORDS),
                   *(re.compile(deed + _KANA + r"{0,4}?" + _JA_WILL)
                     for deed in (_JA_DEEDS, _JA_BODY_DEED, _JA_FIRE, _JA_ACID, _JA_TAKEN)),
                   re.compile(_JA_ARMED))
THREAT_JA = re.compile("|".join(part.pattern for part in THREAT_JA_PARTS))


# the will to act: I'll / I'm going to / we're gonna / you'd better / someone should (a threat's first half)
_EN_WILL = (r"(?<![a-z])(?:i(?:'ll| will| am going to|'m going to|'m gonna| gonna| shall| want to|'d love to"
            r"| would love to|'d like to)|im gonna|im going to|we(?:'ll| will| are going to|'re going to|'re gonna"
            r"| gonna)|you(?:'d| had)? better"
            r"|(?:someone|somebody) (?:should|needs to|ought to|has to|is going to|will))")


# a harm done to a body (not find, send, show, cut, crack: done for people, or figurative, as often as to them)
# session 23: the deed said (snap your neck, fracture your skull, crush your windpipe, rip your eyes out, stamp on your
# head, cut you): cut not as in "cut you off / some slack"; snap, crush, tear and rip only a body ("crush you on
# Saturday" is a match, "rip your wallpaper out" a chore)
_EN_HARM = (r"(?:(?:snap|fracture|crush|gouge|tear|rip)(?= (?:your|his|her|their) (?:[a-z]{1,20} )?(?:neck|skull"
            r"|windpipe|jaw|nose|ribs|fingers|spine|eyes|ears|throat|face|head|legs?|arms?|knees|kneecaps|teeth|bones"
            r"|tongue|guts)(?![a-z]))|stamp on|stomp on|throttle|smother|suffocate|mutilate|disfigure"
            r"|dismember|kneecap|set fire to|(?:throw|pour|splash) acid (?:in|on|over|at|into)"
            r"|cut(?! (?:you|him|her|them) (?:off|in|out|loose|free|short|some|a|an|any|down|up"
            r"|slack)(?![a-z]))"
            r"|kill|murder|shoot|stab|hurt|beat|rape|burn|slit|strangle|slaughter|choke|punch|smash|break|bomb|hang"
            r"|lynch|gut|torture|hunt|end|destroy|harm|attack|assault|behead|execute|gas|knife|cripple|maim|poison"
            r"|drown|kick|slap|batter|knock|bash|torch|skin|bury|waste|snipe|gun|ruin|run over)")


# a person or a group named by a noun (the next immigrant, that reporter, every one of you)
_EN_PERSON = (r"(?:people|person|men|man|women|woman|guy|guys|kid|kids|children|girl|girls|boy|boys|bitch|bitches"
              r"|bastards?|reporters?|journalists?|author|writer|editor|commenter|poster|moderators?|mods?|judge"
              r"|councillor|mayor|cops?|traitors?|idiots?|clowns?|family|immigrants?|migrants?|refugees?|muslims?"
              r"|jews?|blacks?|gays?|lesbians?|queers?|foreigners?|asians?|mexicans?|arabs?|liberals?|leftists?"
              r"|conservatives?|protesters?|one of (?:you|them|those|these)|faggots?|niggers?|trannys?|trannies|kikes?"
              r"|spics?|chinks?|retards?|homosexuals?|infidels?|whites|white people|policem[ae]n|officers?|cunts?"
              r"|hoes?|hos|niggas?|coons?|crackers?|mosques?|churche?s?|synagogues?|temples?)")


_EN_BODY = (r"(?:your|yo|ur|his|her|their) (?:whole |entire |little |ugly |fat |stupid |fucking )?(?:family|kids"
            r"|children|wife"
            r"|husband|mother|mom|mum|father|dad|son|daughter|sister|brother|parents|house|home|car|face|head|skull|neck|throat|legs?"
            r"|arms?|knees|kneecaps|teeth|body|bones|life|dog|office|ass|guts|brains|jaw|nose|ribs|fingers|spine|windpipe"
            r"|eyes|ears|tongue|shop|flat|business)")


# whom: a pronoun (not in a game, a debate, an election or a court, not with a second object: shoot you a
# message, beat you to it), the body, home or family of "you", or a person or group
_EN_OBJECT = (r"(?:(?:you|u|ya|y'all|yall|him|her|them)(?![a-z'])"
              r"(?! (?:[a-z]{1,20} )?(?:in|at|on|to|during) (?:the |a |this |next |our |their |that |your )?(?:debate"
              r"|election|elections|polls|vote|race|primary|primaries|midterms|game|match|final|finals|playoffs"
              r"|tournament|league|court|argument|chess|poker|tennis|golf|cards|quiz|trivia|field|pitch|ballot|punch"
              r"|it)(?![a-z]))(?! (?:a|an|some|any|my|our|another|more|out of)(?![a-z]))"
              r"|" + _EN_BODY + r"|(?:(?:the|that|this|these|those|every|all|any|some|each|a|an|the next"
              r"|every single) )?(?:(?!for |to |with |about |of |from |by |on |in |at )[a-z]{1,20} ){0,2}?"
              + _EN_PERSON + r")(?![a-z])")


# what may stand between the will and the harm (I'll find you and hurt you), not a negation (I'll never hurt you)
_EN_GAP = r"(?! never| not)" + _G + r"{0,36}?"


# a call for a death or a beating (the modal and what it calls for: "should die", "deserves to be shot")
_EN_DEATH = (r"(?:should|must|deserves? to|ought to|needs? to) (?:all )?(?:die|be (?:killed|shot(?! down)|hanged|hung"
             r"|executed|exterminated|gassed|lynched|wiped out|put down|strung up|beaten|raped|burned alive|stabbed))"
             r"(?![a-z])")


# whom a death is wished on: a person or group noun (_EN_PERSON and the groups it lacks), and the death wished
_EN_WISHED = (r"(?:" + _EN_PERSON[3:-1] + r"|gypsy|gypsies|roma|romani|pakis?|sikhs?|hindus?|christians?|africans?"
              r"|somalis?|palestinians?|israelis?|trans|transgenders?|disabled|cripples?|homos?|dykes?|referees?|refs?"
              r"|managers?|ministers?|mps?|politicians?|president|premier|teachers?|boss|neighbou?rs?|landlords?"
              r"|cyclists?|drivers?|players?|fans?|owners?|lawyers?|doctors?|nurses?|priests?|imams?|rabbis?|vicars?"
              r"|wife|husband|ex|brother|sister|dad|mum|mom|cronies|lot|crowd|bunch)(?![a-z])")
_EN_WISHED_DEATH = (r"(?:dead|wiped out|exterminated|gassed|hanged|lynched|executed|killed|shot|strung up"
                    r"|six feet under|in (?:the|a|their|an early) (?:ground|grave)|burned alive|eradicated|put down"
                    r"|wiped off the (?:map|face of the earth))")


# not the writer's own safety ("I won't be safe until we fix the lights", "we're never safe when we ..."): fixed-width
# looks back at the commonest first-person subjects
_EN_NOT_I = "".join(f"(?<!{w} )" for w in ("i", "we", "i'm", "i’m", "i am", "we're", "we’re", "we are", "i'll", "i’ll",
                                            "we'll", "we’ll", "i will", "we will", "i can", "we can", "i could"))


# threat idioms that need no harm verb, and calls for a death (one alternative each: THREAT_EN_PARTS scans them apart)
_EN_IDIOMS = (
    r"watch (?:your|his|her|their) back", r"sleep with one eye open", r"your days are numbered",
    r"i know (?:where|which [a-z]{1,20}) (?:you|your(?: [a-z]{1,20}){1,2}) (?:live|lives|work|works|sleep|sleeps|go"
    r"|goes|park)(?![a-z])", r"break every bone in", r"won't live to see",
    r"be sorry (?:when|once|if) (?:i|we)(?![a-z])",
    r"(?:gets?|getting|deserves?) a bullet", r"going to need (?:an ambulance|a coffin|a body bag)",
    r"(?:com|go|driv|head|show)(?:e|es|ing)? (?:[a-z]{1,20} ){0,4}?with (?:my|a) (?:gun|shotgun|rifle|knife|machete)",
    r"you won't see (?:it coming|tomorrow|the next)",
    r"you(?:'re| are) (?:dead|dead meat|a dead man|finished)(?= *(?:$|[.!,]| when| if| now| once))",
    r"you(?:'ll| will| are going to|'re going to|'re gonna| gonna)"
    r" (?:die|get (?:hurt|killed|shot|stabbed|beaten|what's coming)|pay for (?:this|that|it|what)|regret (?:this|it"
    r"|that|the day|ever|saying|writing|posting|what you|crossing))",
    r"(?:make|making) (?:you|him|her|them) (?:pay|bleed|suffer|regret|disappear)",
    r"i(?:'m| am|m) coming (?:for|after) (?:you|him|her|them)",
    r"(?:i|we)(?:'ll| will) come (?:for|after) (?:you|him|her|them)",
    r"(?:i|we)(?:'ll| will| am going to|'m going to|'re going to) (?:find|track) (?:you|him|her|them)"
    r"(?= *(?:$|[.!]| down| and))",
    r"hunt (?:you|him|her|them|every one of [a-z]{1,20}) down",
    r"put a (?:bullet|knife) (?:in|through|into) (?:you|your|his|her|him|them)",
    r"(?:send|put) (?:you|him|her|them) (?:to|in|into) (?:the |an? )?(?:hospital|grave|morgue|ground|icu|ambulance"
    r"|coffin|body bag)",
    r"run (?:you|him|her|them|every (?:single )?one of (?:you|them)) over",
    r"crack (?:your|his|her|their) (?:skull|head)",
    # session 23: the deed said around its object (set your car on fire, push you under a train); one needle or three
    # each, since THREAT_EN's own guard keeps at most MAX_NEEDLES (set fire to, throw acid on are harm verbs)
    r"(?:set|light) (?:you|him|her|them|(?:your|his|her|their) (?:[a-z]{1,20} )?(?:house|home|car|shop|flat|office"
    r"|family|kids|business)) on fire(?![a-z])",
    r"(?:push|throw) (?:you|him|her|them) (?:under|in front of|off) (?:a|the|that) (?:train|bus|lorry|truck"
    r"|tram|bridge|cliff|roof|balcony|platform)(?![a-z])",
    r"blow (?:your|his|her|their) (?:brains|head) (?:out|off)",
    r"(?:he|she|they|you|him|them|who|" + _EN_PERSON[3:-1] + r")(?: [a-z]{1,20}){0,3}? " + _EN_DEATH,
    r"(?:kill|shoot|hang|gas|exterminate|slaughter|lynch|murder|stab|rape) (?:them all|all of them|every (?:last"
    r" |single )?one of (?:them|you)|(?:all (?:of )?|every |the |those |these )(?:the )?(?:[a-z]{1,20} )?"
    + _EN_PERSON + r"(?![a-z]))",
    # veiled threats with no harm verb (session 17, en_veiled_threat_probe): safety denied with the writer as its
    # source ("you will never be safe here again, I promise", "[group] won't be safe once I ...", "no [group] is safe
    # from me"; not a concern: "won't be safe without proper lanes"), a harm wished on someone's own as a shame, people
    # like you disappearing, the days you have left, what's coming to you, you're next
    r"(?:" + _EN_NOT_I + r"(?:(?:wo|ca|are|is|was|were|do|does|did|would|could|will|can)n['’]t|not|never|no longer)"
    r"(?: (?:be|feel|stay|ever be|ever feel|going to be|gonna be))?|(?:no|nobody|no one)(?: [a-z]{1,20}){0,5}?"
    r" (?:is|are|will be|feels?)) safe(?![a-z])[^.!?\n]{0,40}?(?<![a-z])(?:(?:from|around|near) (?:me|us)"
    r"|(?:once|after|when|while|as long as|if|until)(?: what)? (?:i|we)|(?:i|we) (?:promise|swear"
    r"|guarantee)|(?:i|we)(?:['’]ll| will) (?:make sure|see to))"
    r"(?![a-z'’])",
    r"(?:shame|pity) if (?:something|anything)(?: bad)? (?:happened|happens|were to happen|was to happen) to (?:you"
    r"|your|him|her|them)(?![a-z])",
    r"(?:people|folks|men|women|guys|those) like (?:you|him|her|them)(?: [a-z]{1,20}){0,3}? (?:disappear|go missing"
    r"|have accidents|end up (?:dead|hurt|in (?:a |the )?(?:hospital|ditch|river|morgue)))(?![a-z])",
    r"count(?:ing)? (?:the|your) days(?: (?:you have|you['’]ve got|you got))? left(?! (?:until|till|before|to|of|in)"
    r"(?![a-z]))",
    r"what(?:['’]s| is) coming (?:for|to) (?:you|him|her|them)(?![a-z])",
    r"you(?:['’]re| are|['’]ll be| will be) next(?= *(?:$|[.!,;]| and(?![a-z])))",
    # a death wished with no harm verb (session 18, en_death_wish_probe): the writer wants / wishes / would love to see
    # a person or group dead, wiped out, six feet under ("I want that judge dead", "I'd like to see all the [group]
    # exterminated"); not a thing ("I want that bill dead") and, after a bare "them", only death itself ("I want them
    # strung up" may be fairy lights); "I don't want ..." opens none
    r"(?:i|we)(?:(?: (?:just|really|still|honestly|only|truly))? (?:want|wanted|wish|wished|want to see|wanna see"
    r"|can['’]?t wait to see|cannot wait to see|hope to see|pray to see|dream of seeing)|(?:['’]d| would)"
    r" (?:really |just )?(?:love to|like to|rather|prefer to) see) (?:(?:you|him|her|(?:(?:the|that|this|those|these"
    r"|every|all|each|all the|all of the|the lot of) )?(?:[a-z'’-]{1,20} ){0,2}?" + _EN_WISHED + r")"
    r"(?: [a-z'’]{1,20}){0,4}? (?:(?:were|was|to be|be|are) )?" + _EN_WISHED_DEATH
    + r"|(?:them|the lot of them|all of them|every (?:last |single )?one of them)"
    r"(?: [a-z'’]{1,20}){0,3}? (?:(?:were|was|to be|be|are) )?(?:dead|gassed|hanged|lynched|executed|killed"
    r"|six feet under|burned alive))(?![a-z])(?! (?:serious|tired|set|right|wrong|last|easy|simple|honest|quiet"
    r"|cent(?:re|er)|on|ahead|even|end|heat|weight|drunk|broke|beat|certain|sure|lucky|good|funny|slow|calm|straight"
    r"|still|silent|keen|down)(?![a-z]))",
)


# the will (or "ill" right before the harm), then a harm aimed at a person
_EN_WILL_HARM = (r"(?:" + _EN_WILL + _EN_GAP + r"|(?<![a-z])ill )(?<![a-z])" + _EN_HARM
                 + r"(?: (?:up|down|out|in|off|over))?(?: the (?:shit|hell|crap|life) out of)? " + _EN_OBJECT)


# a threat: the will and a harm aimed at a person, or an idiom (bounded gaps)
THREAT_EN = re.compile(_EN_WILL_HARM + r"|(?<![a-z])(?:" + "|".join(_EN_IDIOMS) + ")")


# THREAT_EN's alternatives apart, in its order (the idioms share no first character and few needles): signals
# scans each only when its own needles are in the text, and merges their matches into THREAT_EN's
# (moderation/needles/parts.py; tests/test_pattern_parts.py compares them with THREAT_EN's own scan)
THREAT_EN_PARTS = (re.compile(_EN_WILL_HARM), *(re.compile(r"(?<![a-z])(?:" + idiom + ")") for idiom in _EN_IDIOMS))


THREAT_REPORTED = re.compile(r"と(?:脅|脅迫|書き込|投稿)|脅迫(?:され|した|容疑|罪)|予告(?:が|を)(?:受|届|し)"
                             r"|(?<![a-z])(?:threatened to|was threatened|threats? against|received threats)")


ACCUSE_JA = re.compile(
    r"(?:詐欺|横領|盗撮|痴漢|不倫|窃盗|万引き|脱税|レイプ|強姦|放火|覚醒剤|薬物|暴行|虐待|ストーカー|前科|逮捕歴|"
    r"パワハラ|セクハラ|賄賂|裏金|着服|泥棒|性犯罪|援交|買春|反社|闇営業)" + _G + r"{0,4}?"
    r"(?:してる|している|してた|していた|した(?:んだ|奴|人|のは)|やってる|やってた|常習|確定|間違いない|だ(?:よ|ぞ|な|から)?$|"
    r"だ(?:よ|ぞ|な)|犯だ|師だ|者だ|です|である|の常習犯|前科持ち|がいる|の犯人(?:だ|です|じゃ|なんだ|で(?:確定|間違い)|に(?:違いない|決まって)|"
    r"は" + _G + r"{0,12}?(?:さん|くん|ちゃん|先生|って(?:奴|男|女)|お前|あいつ|こいつ|コメ主|記者|で(?:確定|間違い)|"
    r"に(?:違いない|決まって)))|みんな知って|有名)")


ACCUSE_EN = re.compile(
    r"(?<![a-z])(?:is|was|he's|she's|you're|you are) (?:a |an )?(?:known |convicted |serial |fucking )?"
    r"(?:fraud|thief|criminal|rapist|pedophile|paedophile|molester|abuser|crook|scammer|murderer|embezzler)"
    r"|(?<![a-z])(?:stole|embezzled|molested|raped|abused|defrauded|cheated on)(?![a-z])")


# exclusion: a wish or demand that people be removed (should be deported, wants them driven out, kick them out, send
# them back), or that they are not welcome or wanted (issue 12: attacks carried by the predicate, not the group word).
# A will or an imperative, never a report ("were driven out", "fear being deported"); a negation inside the will
# breaks it ("should not be deported"). The not-welcome form starts at its subject, so a denial of the predicate
# alone (moderation/targets/denied.py: "aren't ...") does not take it for a denied attack
_EN_REMOVED = (r"(?:deported|expelled|banished|(?:driven|chased|hounded|kicked|forced|pushed|booted|smoked|turfed"
               r"|run) out|sent (?:back|home)|shipped (?:back|home|off)|rounded up|kept out|locked out)")
_EN_EJECT = (r"(?:(?:kick|throw|drive|chase|boot|push|ship|send|turf|hound|get) (?:them|those|these|the|every|all|each"
             r"|any)(?: [a-z']{1,20}){0,3}? (?:out|back|home)|(?:deport|expel|banish) (?:them|those|these|the|every|all"
             r"|each|any))(?![a-z])")
# where people are told to go back to, by name ("can go back to Korea"): continents and the countries named in such
# demands, not towns (a report names a town: "went back to Leeds")
_EN_LANDS = (r"(?:africa|asia|mexico|china|india|pakistan|bangladesh|poland|romania|albania|syria|somalia|korea"
             r"|japan|israel|russia|nigeria|jamaica|iraq|iran|afghanistan|turkey|vietnam|the philippines|morocco"
             r"|the middle east)")
_EN_EXCLUDE = (
    r"(?<![a-z])(?:want|wants|wanted|should|must|ought to|needs? to|has to|have to)(?![a-z'])"
    r"(?: (?!not |never )[a-z']{1,20}){0,4}? " + _EN_REMOVED + r"(?![a-z])",
    r"(?<![a-z])(?:should|must|needs? to|has to|have to|ought to|can)(?: all| just)? (?:go|be sent|get) (?:back|home)"
    r"(?: to)? (?:where (?:they|you|he|she) (?:came|come) from|(?:their|your|his|her) (?:own )?(?:country|countries"
    r"|land|lands|homes?))",
    r"(?<![a-z])(?:should|must|needs? to|has to|have to|ought to|can just|can all)(?: all| just)? (?:go|be sent|get)"
    r" back to " + _EN_LANDS + r"(?![a-z])",
    r"(?:^|(?<=[.!?;:,\n]) *|(?<![a-z])(?:let's|lets|just|and|time to|should|must|ought to|needs? to|has to|have to"
    r"|want to|wants to)(?: all| just)? )" + _EN_EJECT,
    r"(?<![a-z'])(?!(?:i|i'm|im|we|we're|you|you're)(?![a-z']))[a-z']{1,20}(?: (?:are|is|were|was))?(?:n't| not"
    r"| never) (?:welcome|wanted)(?![a-z])",
    # issue 12 (session 21, en_peoples_neutral_probe): a removal supported ("I support deporting [group]", "we fully
    # support kicking the ... off our street", "I'd vote for sending them all back"); not negated, not whom someone
    # else's support is said of ("people who support deporting refugees"): the verb, no subject, so a report of others'
    # support is reported.py's to read
    r"(?<![a-z'’])(?<!n['’]t )(?<!not )(?<!never )(?<!who )(?<!that )(?:support|supports|favou?r|favou?rs|endorse"
    r"|endorses|welcome|welcomes|applaud|applauds|cheer|cheers|celebrate|celebrates|(?:vote|voted|votes) for)"
    r"(?![a-z])(?: (?!not |never |against )[a-z'’]{1,20}){0,4}? (?:deporting|expelling|banishing|evicting|interning"
    r"|(?:the |a |mass |their |any )?(?:deportation|expulsion|eviction|internment|banishment)s? of"
    r"|(?:kicking|throwing|sending|shipping|chasing|driving|booting|turfing|hounding|forcing)(?: [a-z'’]{1,20}){0,4}?"
    r" (?:out|off|back|home)|(?:[a-z'’]{1,20} ){1,4}?(?:being|getting) (?:thrown out|" + _EN_REMOVED + r"))"
    r"(?![a-z])",
    r"(?<![a-z'])(?!(?:i|we|you)(?![a-z']))[a-z']{1,20} (?:don['’]t|do not|never|will never) belong (?:here|in (?:this"
    r"|our|a decent|any|a civilised|a civilized|any part of this) (?:country|town|city|society|neighbourhood"
    r"|neighborhood|street|school)|among us|with us|in europe|in britain|in england|in america)(?![a-z])",
)


# Japanese exclusion: a demand or wish that people be removed or kept out (出ていけ, 帰れ, 追い出してほしい,
# 入国させるな, 強制送還すべき, 日本に来るな), or their branding as criminals-in-waiting (犯罪者予備軍だ, 全員スパイだ)
# (issue 12: in Japanese only the bare group word carried these, so civil rows that damped the word took the attacks
# along). An imperative, a wish, a should or a copula only, never a report (出ていった, 追い出された, 排除した,
# 予備軍扱いした): each form ends in what only the writer's will or claim ends in, and what denies it right after
# (とは思わない, べきではない, と決めつける) breaks it. Someone else's words (「…」という書き込み, と言われた)
# are quoted_harm
_JA_WISH = r"(?:ほしい|欲しい|くれ(?![たてるまれ])|もらいたい|しまえ|やれ|ちまえ)"
_JA_SHOULD = r"べき(?!では|じゃ|でな|か|かど|だと|との|論)"
_JA_ORDER = r"(?![るばなずたてま])"  # 帰れ, 追い出せ as orders, not 帰れる, 追い出せば, 出ていけない
_JA_REMOVE = (
    r"(?:追い(?:出|返|払)|叩き出|締め出|放り出|送り返|つまみ出)(?:せ" + _JA_ORDER + r"|して" + _JA_WISH
    + r"|す" + _JA_SHOULD + r"|せばいい|そう(?![とにな]))"
    r"|出て(?:い|行)(?:け" + _JA_ORDER + r"|って" + _JA_WISH + r"|く" + _JA_SHOULD + r"|けばいい)|出てけ"
    r"|(?<![繰持])帰(?:れ(?![るばなずたてまんそ])|せ" + _JA_ORDER + r"|って" + _JA_WISH + r"|る" + _JA_SHOULD
    + r"|らせろ|ればいい)"
    r"|(?:強制送還|国外追放|追放|排除|隔離|国外退去|出禁|出入り禁止)(?:しろ|せよ|す" + _JA_SHOULD + r"|して"
    + _JA_WISH + r"|させろ|すればいい|一択)"
    r"|(?<!手に)(?<!受け)入れ(?:るな|んな|ないで" + _JA_WISH + r"|るべきでない|させるな)|受け入れるな"
    r"|(?:入国|入学|入店|入居|入会|出場|出演|帰化|定住|永住|上陸|就職|移住|入園|通学)させ(?:るな|んな|ないで"
    + _JA_WISH + r")"
    r"|(?:住ま?わせ|住ませ|通わせ|来させ|出させ|立たせ|入らせ)(?:るな|んな)"
    r"|(?:に|へ)(?:は)?(?:二度と|もう|絶対に?)?(?:来る|住む)な(?![らどく])"
    r"|(?:に|へ)(?:は)?(?:二度と|もう|絶対に?)?来(?:んな|ないで" + _JA_WISH + r")"
)
_JA_BRAND = (
    r"(?:犯罪者|犯罪|テロリスト|テロ|性犯罪者|強姦魔|レイプ魔|殺人|泥棒|スパイ|窃盗|暴力|強盗|放火|痴漢|過激派|暴力団"
    r"|不法滞在)予備軍(?:だ|です|でしょ|ばかり|なんだ|だから|に決まって|と思え|(?=$|[。、!]))"
    r"|(?:全員|みんな|皆|一人残らず|どいつもこいつも|例外なく)(?:が)?(?:犯罪者|泥棒|スパイ|テロリスト|工作員"
    r"|嘘つき|詐欺師|偽物|偽装難民|強姦魔|性犯罪者|人殺し|殺人者|殺人鬼|寄生虫|たかり)(?:だ|です|じゃん|ばかり"
    r"|に決まって|と思え|(?=$|[。、!]))"
)
# what denies or reports the form right after it, a copula between them or not (…連中だなんて, …民族だというデマ,
# …国民性だと書き込んだ, …出すなとの声)
# also after the clause's end: a comma or an ellipsis between (…だ、とは言えない, …している……なんてことはない),
# what cannot be (…しているわけがない, …はずがない), or a question answered by a denial (…している？そんな事実はない)
_JA_DENIED_AFTER = (r"(?!\s?(?:[、,，…‥.・]+\s?)?(?:だ|です|なんだ)?(?:なんて|などと|なんぞ|との|(?:とは|とも|と|って)"
                    r"(?:思わ|思った|言わ|言っ|言えな|限らな|考えて(?:い)?な|決めつけ|決め付け|いう|言う|呼|書|投稿|発言|主張|述べ"
                    r"|叫|報じ|話し))|(?:わけ|はず)(?:では|じゃ|が|は)(?:ない|な[かく]|ありません)"
                    r"|\s?[？?]+\s?(?:そんな|んな)(?:わけ|はず|こと|事実|話|データ|証拠))")
# blame: a group named as the subject of ruining the country or living off it (在日の人が日本を悪くしている,
# …は戦争を口実にたかりに来ている, …が福祉を食い物にしている, …がマスコミを牛耳っている): the subject is in the pattern,
# at most 16 characters before the predicate, since the same predicate about a policy or a government
# (増税が日本をダメにしている) is opinion. Each predicate ends where the writer's claim ends (…している, …する), so
# a report or a denial right after it (…しているという主張, …しているなんてデマだ) breaks it; a passive
# (食い物にされている, 乗っ取られた) makes the group the victim and is not read here
_JA_GROUPS = "|".join(sorted((re.escape(g) for g in GROUPS if not g.isascii()), key=len, reverse=True))
# a group word right after a relative clause (a verb ending in た / だ, or いる / てる / する) names whom the clause
# picks out, most often one person or a few (隣に住んでいる中国人が…, 昨日会った韓国人は…, 転校してきたフィリピン人は…),
# not the group as a whole; the clauses that place the whole group in the country (日本に住んでいる…, この国に来た…)
# still read it
_JA_NOT_ONE = ("(?:" + "|".join(f"(?<={p}{v})" for p in ("日本に", "この国に", "国内に")
                                for v in ("来た", "いる", "住んでいる", "住んでる", "住む")) + r"|(?<![たるだ]))")
_JA_IS = r"(?:て(?:い)?る|てきた|やがる)"  # an ongoing deed, not a past one told (乗っ取った歴史)
_JA_NOT_ON = r"(?![なとか])"  # 乗っ取る, not 乗っ取るな, 乗っ取るという, 乗っ取るかどうか
_JA_BLAME_DEEDS = "|".join((
    r"を(?:悪く|だめに|ダメに|駄目に|めちゃくちゃに|滅茶苦茶に|汚く|壊)し(?:ている|てる|やがる)",
    r"を乗っ取(?:ろうとして|って)(?:いる|る)|を乗っ取(?:りつつある|る" + _JA_NOT_ON + ")",
    r"(?:たかり|金目当て|生活保護目当て|補助金目当て|福祉目当て)(?:に|で)来て(?:いる|る)",
    r"を(?:口実|言い訳)に(?:たか|せび)(?:り|って)|に(?:寄生|たか)って(?:いる|る)",
    r"を食い物にし" + _JA_IS + r"|を食い物にする" + _JA_NOT_ON,
    r"を牛耳(?:っ" + _JA_IS + r"|ろうとして(?:い)?る|る" + _JA_NOT_ON + ")",
    r"を売り渡(?:し" + _JA_IS + r"|そうとして(?:い)?る|す" + _JA_NOT_ON + ")",
    r"を(?:裏で|陰で)?操(?:っ" + _JA_IS + r"|ろうとして(?:い)?る)",
    r"を(?:衰退|弱体化|崩壊)させ" + _JA_IS + r"|を(?:滅ぼ|腐らせ|食い(?:つぶ|潰)|汚)(?:し)?" + _JA_IS,
    r"を蝕ん(?:で(?:い)?る)|を(?:吸い(?:取|と)|搾り取|むしり取|貪)っ" + _JA_IS,
    r"を(?:支配|侵略|侵食)(?:しようとして(?:い)?る|しつつある)",
    r"(?:仕事|職|雇用|土地|税金|財産)を奪(?:っ" + _JA_IS + r"|う" + _JA_NOT_ON + ")",
    r"(?:治安|秩序|風紀)を(?:乱|悪化させ)(?:し)?" + _JA_IS,
    r"を不正(?:に)?受給し" + _JA_IS,
))
_JA_BLAME_HEAD = _JA_NOT_ONE + r"(?:" + _JA_GROUPS + r")" + _G + r"{0,6}?(?:が|は|って|こそ)" + _G + r"{0,16}?"
# blame chained: a deed in its te-form chained to what the group goes on doing (…を乗っ取って好き放題している,
# …にたかって遊んで暮らしている), read to the clause's ongoing end; no comma, quote, other subject, passive or report
# between (…を盗んで逮捕されている is what was done to them), and a past (…していた) is a report
_JA_CHAIN_DEED = "|".join((
    r"を食い物にして", r"を乗っ取って", r"を牛耳って", r"(?:仕事|職|雇用|土地|税金|財産)を奪って", r"にたかって",
    r"に寄生して", r"(?:治安|秩序|風紀)を(?:乱して|悪化させて)", r"を占拠して", r"を(?:だまし|騙し)取って",
    r"を盗んで", r"を荒らして", r"を(?:食いつぶ|食い潰)して", r"を売り渡して", r"を(?:裏で|陰で)?操って",
    r"を不正(?:に)?受給して", r"を(?:吸い取|搾り取|むしり取)って", r"を買い(?:占めて|漁って)",
))
_JA_GOES_ON = (r"(?:(?![、,，。「」『』が]|という|と(?:言|思)|され|られ|逮捕|捕ま|事件|報道|ニュース|疑い)" + _G
               + r"){0,20}?(?:(?:て|で)(?:い)?る|やがる|放題(?:だ|です|(?=$|[。!！])))(?![なとか])")
_JA_CHAIN = r"(?:" + _JA_CHAIN_DEED + r")" + _JA_GOES_ON
# blame by cause: a group, or its coming, as the cause of a ruin (難民のせいで治安は崩壊した, …が増えたせいで
# この町はめちゃくちゃになった, …が来てから駅前は荒れた); the ruin is read to its end so a report or a denial right
# after it breaks the form, and a group that leaves or does not come (来なくなって) is no cause
_JA_RUIN = (r"(?:(?:崩壊|荒廃|衰退|悪化|無法地帯化|スラム化)(?:し(?:た|ている|てる|てしまった|つつある)|寸前|の一途)"
            r"|(?:めちゃくちゃ|滅茶苦茶|メチャクチャ|ボロボロ|最悪|無法地帯|スラム)(?:になっ(?:た|ている|てる|てしまった)|だ|です)"
            r"|(?:悪く|ダメに|だめに|駄目に|危なく|物騒に|汚く|住みにくく|住めなく|歩けなく|暮らせなく)"
            r"な(?:った|っている|ってる|りつつある|ってしまった|る一方)"
            r"|荒れ(?:た|ている|てる|てしまった|放題|果てた))")
_JA_COMING = (r"(?:が|を|は)?(?:大量に|どんどん|勝手に)?(?:増え|来(?:る(?:よう)?に(?:な)?)?|入って(?:き|来)|入り込ん"
              r"|住み着い|押し寄せ|居座っ|のさばっ|流れ込ん|移り住ん|受け入れ)(?![なずま])")
_JA_BECAUSE = r"(?:せいで(?![はも])|から|ので|ことで|結果|ため)"
_JA_OF_GROUP = r"(?:(?!政府|政権|軍|当局|政治|国家|大統領|首相|指導)" + _G + r"){0,4}?"  # not its state: opinion
_JA_CAUSE_HEAD = (
    r"(?:(?:" + _JA_GROUPS + r")" + _JA_OF_GROUP + r"(?:の)?せいで(?![はも])" + _G + r"{0,16}?"
    + r"|(?:" + _JA_GROUPS + r")" + _JA_OF_GROUP + _JA_COMING + _G + r"{0,6}?" + _JA_BECAUSE + _G + r"{0,16}?)"
)
# the cleft of a generalisation: those who do a misdeed are mostly a group (不正受給しているのはほとんど外国人だ,
# 万引きするのはいつも…だ); the victims of the misdeed (被害に遭うのは…) are not its doers
_JA_MISDEED = (r"(?:犯罪|犯人|犯行|不正|悪さ|迷惑|騒(?:ぎ|い|ぐ)|ゴミを|盗|万引|窃盗|強盗|暴れ|荒らし|治安を乱"
               r"|ルールを守らな|マナーが悪|違法|密入国|不法|ポイ捨て|痴漢|レイプ|強姦|殺人|詐欺|たかっ|寄生)")
_JA_MOSTLY = (r"(?:ほとんど|ほぼ|大半が?|たいてい|大抵|だいたい|大体|決まって|いつも|どうせ|全部|全員|みんな"
              r"|[7-9７-９七八九]割(?:方|が)?)")
_JA_CLEFT = (
    _JA_MISDEED + r"(?:(?!被害|狙われ|巻き込|遭|され|られ)" + _G + r"){0,14}?(?:の)?は" + _JA_MOSTLY
    + r"(?:が)?(?:" + _JA_GROUPS + r")(?:ばかり|ばっかり)?(?:だ|です|でしょ|だろ|じゃん|なんだ|に決まって"
    r"|(?=$|[。、!！]))"
)
# a group named at most 24 characters before what is said of it, where the words between are not about what is done
# to it (在日コリアンへの偏見が消えればいい, 障害者を笑いものにする番組なんか映すな: the prejudice, the programme)
_JA_GROUP_NEAR = (r"(?:" + _JA_GROUPS + r")(?:(?!への|に対する|差別|偏見|ヘイト|誤解|中傷|悪口|いじめ"
                  r"|を(?:笑|馬鹿|バカ|侮辱|揶揄|差別))" + _G + r"){0,24}?")
# a people called liars or thieves by nature: a vice, then within a few characters a word for what one is born as
# (韓国人は平気で嘘をつく国民性だ, …は盗みを働く民族だ, …って生まれつき人を騙す連中だ, 嘘つき民族); not a history's
# treatment (劣った民族として扱った, 野蛮な人種と見なされた)
_JA_VICE = (r"(?:嘘を(?:つ|吐)く|嘘つき|嘘ばかり|盗み|盗む|人を騙す|騙す|裏切る|恩を仇で返す|約束を守らない"
            r"|ルールを守らない|たかる|たかり|犯罪を(?:犯す|好む|繰り返す)|罪を犯す|卑怯な|卑劣な|野蛮な|劣った|劣等な"
            r"|不潔な|汚い|残虐な|凶暴な|狡猾な|ずる賢い|怠惰な|怠け者の|恥知らずな|恩知らずな|下品な|乱暴な|凶悪な)")
_JA_NATURE_NOUN = r"(?:民族|人種|国民性|種族|連中|奴ら|やつら|生き物|血筋|人間ども)(?!として|扱い|視|と見な|と呼ば)"
_JA_NATURE_TAIL = _JA_VICE + _G + r"{0,6}?" + _JA_NATURE_NOUN
_JA_NATURE_NAMED = (
    r"(?:嘘つき|泥棒|犯罪|劣等|野蛮|寄生|たかり|詐欺|ゴキブリ)(?:民族|人種)"
    r"(?!として|扱い|視|と見な|と呼ば|という言葉)"
    r"|(?:嘘|盗み|犯罪|裏切り|たかり)(?:癖)?が(?:血|DNA|遺伝子)に(?:染み(?:付|つ)いて|刻まれて|組み込まれて)"
)
# a group or its places wished gone, or kept off the screen, the stage and the page: the group is in the pattern,
# since the same wish of a prejudice or a war (戦争なんて消えればいい) or the same ban of an advert is not about people
_JA_GONE = (r"(?:消え|滅び|絶滅し|死に絶え|いなくな|潰れ|つぶれ|くたばり)(?:れば(?:いい|良い)|りゃいい|てしまえ|ちまえ"
            r"|ろ(?![うー])|てほしい|て欲しい|てくれ(?![たてるまれ]))")
_JA_KEEP_OFF = (r"(?:(?:出|映|写|載|見)せる|出す|映す|写す|使う|起用する|出演させる|出場させる|登場させる|雇う|採用する"
                r"|呼ぶ|選ぶ)(?:な|んな)(?![らどくのいりさ])"
                r"|(?:出さ|映さ|写さ|載せ|見せ|使わ|起用し|出演させ|出場させ|雇わ|採用し)ないで" + _JA_WISH)
# a group said to be a vice or unfit as a whole (…は嘘つきばかりだ, …は恩知らずだ, …は政治に向いていない; issue 12:
# 2026.12.02-6 lost what the bare group word carried here once constructions carried the other attacks): the group as
# the topic (は, って) with no の before it (あの中国人, 同僚の韓国人, 一部の移民: one person or some, not the group),
# at most 8 characters with no other topic or subject, a vice noun, adjective or deed, or unfitness, then the
# sentence's end or a copula. A question (…ばかりなのか, …だろうか), a quote closed right after (「…だ」と言われて), a
# report or a denial right after (…だという偏見, …だなんて決めつけ, _JA_DENIED_AFTER) break it. 女性 and 男性 are no
# group words (civil text names them everywhere): only this form reads them
_JA_GENERIC_WORDS = ("女性", "男性")
_JA_TOPIC_HEAD = (r"(?<!の)(?<!一部)(?<!ある)" + _JA_NOT_ONE + r"(?:" + "|".join(_JA_GENERIC_WORDS) + "|"
                  + _JA_GROUPS + r")"
                  r"(?:の?(?:連中|奴ら|やつら|人たち|ども|たち|ってやつ))?(?:(?<=[はて])|は|って(?:のは|いうのは)?|ってのは)"
                  r"(?:(?![が、「」『』])(?!(?<!に)は)" + _G + r"){0,8}?")
# (each starts with a kanji or katakana: the Tail's place scan stops at a first character, and a common hiragana
# would stop it everywhere; unfitness is looked back at its に for the same reason)
_JA_VICE_NOUN = (r"(?:嘘つき|泥棒|詐欺師|犯罪者|怠け者|役立たず|穀潰し|恩知らず|恥知らず|卑怯者|乱暴者|厄介者|乞食"
                 r"|寄生虫|無能|野蛮人?|不潔|下品|卑怯|卑劣|狡猾|凶暴|乱暴|怠惰|無知|傲慢|感情的)")
# what ends the generalisation, looked at, not taken (so the tail's start strings are its vice words): a copula or
# the sentence's end, no quote closed, no report or denial right after (…ばかりだという書き込み)
_JA_COPULA = (r"(?:だ(?!ろうか)|です(?!か)|だろ(?!うか)|でしょ(?!うか)|じゃん|なんだ(?!ろうか)|である|(?=$|[。.!！]))"
              r"(?![」』”\"?？])" + _JA_DENIED_AFTER)
_JA_GENERALISE = (r"(?:" + _JA_VICE_NOUN + r"(?=(?:ばかり|ばっかり|ばっか|だらけ)?" + _JA_COPULA + r")"
                  r"|(?:(?:汚|臭|図々し|卑し|頭が悪|民度が低|知能が低|能力が低)い"
                  r"|(?:信用|信頼)(?:でき|なら)ない|(?:ルール|約束|法律|マナー)を守らない|マナーが悪い|働かない"
                  r"|(?:平気で)?嘘(?:を|ばかり|ばっかり)?(?:つく|吐く|ついている|ついてる)|恩を仇で返す"
                  r"|(?<=に)(?:向いていない|向いてない|向かない|不向き|適さない))"
                  r"(?=(?:(?:ん|の)?(?:だ|です)(?!ろうか|か))?(?:$|[。.!！、]|よ|ね|な(?![のん]))(?![」』”\"?？])))")

# the group as the agent of a passive takeover or ruin (この国は在日に乗っ取られている, 日本の政治は…に牛耳られている,
# 俺たちの町は…に荒らされてしまった, 日本人は…に仕事を奪われている) or handed the country (…に国を売り渡した): the group
# word right before its に / によって, not one person's (隣の…, あの…: の before it) or some (一部の…); a theft or a
# disorder only of what a people holds and only ongoing (仕事, 土地, 治安 を…奪われている, not 財布を…に奪われた:
# one event told, nor …に土地を奪われた歴史), a buyout only ongoing (…に買収された is news), and no past that names a
# time or a story (…に支配された時代). The sufferer (…がブローカーに食い物にされている) names no group before its に
_JA_AGENT_HEAD = (r"(?<!の)(?<!一部)(?<!ある)" + _JA_NOT_ONE + r"(?:" + _JA_GROUPS + r")"
                  r"(?:の?(?:連中|奴ら|やつら|人たち|ども|たち))?"
                  r"(?:に|によって)(?:は)?(?:もう|すっかり|完全に|どんどん|次々と|次々に|徹底的に|好き勝手に|いいように){0,2}"
                  r"(?:(?:国|日本|この国|土地|水源地?|仕事|職|雇用|税金|財産|治安|秩序|町|街|福祉|政治|経済|業界|農地|領土)を)?")
_JA_SUFFERED = (r"(?:(?:(?:乗っ取|牛耳|操|吸い取|搾り取)ら|蝕ま|(?:支配|占領|占拠|侵略|侵食|私物化|骨抜きに|食い物に"
                r"|食いつぶ|食い潰|荒ら|荒らし尽く|汚|滅ぼ|好き放題|好き勝手)さ|買い(?:占め|漁)ら)れ"
                r"(?:て(?:い)?る|てる|た|てしまった|ちゃった|つつある|続けている|てきた)"
                r"|(?<=を)(?:奪わ|乱さ)れ(?:て(?:い)?る|てる|つつある|続けている)"
                r"|買収され(?:て(?:い)?る|てる)|(?<=を)売り渡(?:し(?:た|て(?:い)?る)|そうとして(?:い)?る))(?![なとか])"
                r"(?!歴史|時代|過去|事件|経緯|話|こと|事|ニュース|記事|件|頃|ころ|当時)")


# HATE_JA's alternatives apart, in its order (a group word starts three of them, so the whole alternation would try
# each at every position of a text naming a group): signals scans each only behind its own needles, as HATE_EN_PARTS
# (head, tail) of each part: a head starts at a group word, so a part with one is tried only just before where its
# tail (the predicate) matches (moderation/needles/tails.py; HATE_JA_TAILS: part index -> its tail, its head's width,
# the words it starts with)
_HATE_JA_SHAPES = (
    ("", _JA_REMOVE), ("", _JA_BRAND), (_JA_BLAME_HEAD, r"(?:" + _JA_BLAME_DEEDS + r"|" + _JA_CHAIN + r")"),
    (_JA_GROUP_NEAR, _JA_NATURE_TAIL), ("", _JA_NATURE_NAMED), (_JA_GROUP_NEAR, r"(?:" + _JA_GONE + r")"),
    (_JA_GROUP_NEAR, r"(?:" + _JA_KEEP_OFF + r")"), (_JA_CAUSE_HEAD, _JA_RUIN), ("", _JA_CLEFT),
    (_JA_TOPIC_HEAD, _JA_GENERALISE), (_JA_AGENT_HEAD, _JA_SUFFERED))
HATE_JA_PARTS = tuple(re.compile(r"(?:" + head + tail + r")" + _JA_DENIED_AFTER) for head, tail in _HATE_JA_SHAPES)
_JA_GROUP_WORDS = tuple(g for g in GROUPS if not g.isascii())  # where every head starts
_TOPIC_PART = len(_HATE_JA_SHAPES) - 2  # the generalisation also starts at 女性 / 男性
HATE_JA_TAILS = {k: (re.compile(r"(?:" + tail + r")" + _JA_DENIED_AFTER), width(head),
                     _JA_GROUP_WORDS + _JA_GENERIC_WORDS * (k == _TOPIC_PART))
                 for k, (head, tail) in enumerate(_HATE_JA_SHAPES) if head}
HATE_JA = re.compile("|".join(part.pattern for part in HATE_JA_PARTS))


# what the feeling is about when the group is not its object: a treatment ("sick of [group] being blamed"), a
# clause about others ("contempt for people who abuse [group]", "sick of racists calling [group] ...")
_EN_TREATED = r"(?:being|getting|get|gets|got)"
_EN_NOT_AT = (r"(?! (?:[a-z'’,]{1,20} ){0,3}?(?:" + _EN_TREATED + r"|who|that|which|whom|when|whenever"
              r"|(?!fucking|nothing|something|anything|everything|morning|evening|during)[a-z]{3,}ing)(?![a-z'’]))")


# the writer as the one who feels disgust or contempt at whom a plural subject or an object names (issue 12: the
# construction, not the group word, carries "[group] make me sick"): the verb's plural form, so a gerund or a thing
# as subject ("[group] being refused service disgusts me", "the smell makes me sick") is none, and at most eight words
# from the sentence's start, none a negation, a report, or a treatment; a feeling at a treatment or at others is none
_EN_FEEL_WORD = (r"(?!(?:" + _EN_TREATED + r"|treated|way|how|what|when|seeing|watching|hearing|reading|don['’]t"
                 r"|dont|do|does|doesn['’]t|didn['’]t|not|never|no|nobody|hardly|say|says|said|claims?|thinks?"
                 r"|thought)(?![a-z'’]))[a-z'’,-]{1,20} ")
_EN_FEEL = (
    r"(?:^|(?<=[.!?;:\n]) *)(?:" + _EN_FEEL_WORD + r"){1,8}?(?:make (?:me|us) (?:feel )?(?:sick|ill|nauseous|puke|vomit"
    r"|want to (?:puke|vomit|throw up))|(?:disgust|repulse|revolt|sicken|nauseate|appal|appall) (?:me|us)"
    r"|turn (?:my|our) stomachs?|make (?:my|our) (?:skin crawl|stomach turn|flesh creep|blood boil)"
    r"|fill (?:me|us) with (?:disgust|loathing|contempt|hatred|hate|revulsion))(?![a-z])",
    r"(?<![a-z])(?:i['’]m|im|i am|we['’]re|we are) (?:so |really |just |getting |fucking |absolutely )?(?:sick"
    r"|sick and tired|fed up) (?:of|with)" + _EN_NOT_AT
    + r"(?! (?:it|this|that|everything|all this|all of this)(?![a-z'’]))(?= [a-z])",
    # weariness with whom the object names (session 16): tired / weary / exhausted by / done with, had enough of, how
    # tired I am of; not of a thing the writer has ("my job", "the rain") nor of what is done to them (_EN_NOT_AT)
    r"(?:(?<![a-z])(?:i['’]m|im|i am|we['’]re|we are) (?:so |really |just |getting |fucking |absolutely |completely"
    r" )?(?:tired of|weary of|exhausted by|done with)|(?<![a-z])(?:i|we)(?:['’]ve| have) (?:just |really )?had"
    r" enough of|(?<![a-z])how (?:tired|weary|sick) (?:i am|i['’]m|we are|we['’]re) of)" + _EN_NOT_AT
    + r"(?! (?:it|this|that|everything|all this|all of this|the|my|our|your|his|her|work|school|life|waiting)"
      r"(?![a-z'’]))(?= [a-z])",
    r"(?<![a-z])(?:i|we) (?:have|feel|hold) (?:nothing but |only |such |so much |pure |utter |deep )?(?:contempt"
    r"|disdain|disgust|loathing|hatred|revulsion) (?:for|towards?)" + _EN_NOT_AT + r"(?= [a-z])",
    r"(?<![a-z])are (?:all |just |so |such |really |fucking |absolutely |truly )?(?:revolting|repulsive|vile"
    r"|sickening|repugnant|despicable|contemptible|nauseating)(?![a-z])",
)


# the writer endorsing what someone else feels or says (session 16: "everyone at the pub hates [group], and rightly so",
# "[someone] says [group] are parasites, and he's right"): moderation/targets/reported.py gives an endorsed report back
# to the writer, and a third person's hatred with an endorsement after it in the sentence is a hate construction
ENDORSED_EN = (r"(?:and |but |so )?(?:(?:honestly|frankly|tbh|to be fair),? )?(?:(?:he|she|they|you|who)"
               r"(?:['’]s|['’]re| is| are| was| were) (?:(?:absolutely|totally|completely|dead|so|quite) )?(?:right"
               r"|correct|spot on|not wrong|onto something)|(?:he|she|they)(?:['’]s| has| have)? (?:got )?a point"
               r"|rightly so|i (?:completely |totally |fully )?agree|(?:i )?couldn['’]t agree more|(?:so|neither) do i"
               r"|i don['’]t blame (?:him|her|them))(?![a-z])")
_EN_ENDORSED_HATE = (r"(?<![a-z])(?:hates|hate|despises|despise|loathes|loathe|detests|detest|can['’]t stand)(?![a-z])"
                     r"(?! to )[^.!?\n]{1,60}?[ ,;:]" + ENDORSED_EN)

# a positive the writer denies whom a subject names, the attack itself ("[group] are not honest", "will never be decent
# citizens", "can't be trusted", "have never been good at", "are no good", "I don't respect [group]", "don't deserve
# rights"): from the subject, so a denial of the predicate alone (moderation/targets/denied.py, which keeps a denied
# positive's words the writer's) does not take it for a denied attack; bare "good" only as a quality of people
# what a group is refused when the refusal is the attack: a grant as a participle ("allowed", "welcomed", "given") and
# as a verb ("hire", "house", "serve"); and the group words a refusal must name within three words
_EN_GRANTED = (r"(?:[a-z'’]{1,20} )?(?:allowed|permitted|welcomed|trusted|given|hired|employed|housed|helped|served"
               r"|heard|educated|admitted|accepted|tolerated|let in|promoted|respected|protected|sheltered|rescued"
               r"|listened to|treated as equals)(?![a-z])")
_EN_GIVE = (r"(?:hire|employ|house|serve|admit|shelter|help|welcome|accept|tolerate|value|rent to|promote|educate"
            r"|let in|vote for|play with|befriend|marry|date|sit next to|work with)(?![a-z])")
_EN_GROUPS = "|".join(sorted((re.escape(g) for g in GROUPS if g.isascii()), key=lambda g: (-len(g), g)))
# a group also named by its adjective before any noun ("gay dads", "black men", "disabled tenants"), which the group
# list holds only with a fixed noun
_EN_GROUPS = _EN_GROUPS + (r"|(?:gay|lesbian|trans|black|asian|arab|african|indian|mexican|disabled|immigrant|refugee"
                           r"|migrant|foreign|muslim|jewish)(?= [a-z])")
_EN_GROUP_AFTER = r"(?= (?:[a-z'’]{1,20} ){0,3}?(?:" + _EN_GROUPS + r")(?![a-z]))"
_EN_POSITIVE = "|".join(sorted({w for w in POSITIVE_EN if w != "good"}, key=lambda w: (-len(w), w)))
_EN_DENY_POSITIVE = (
    r"(?<![a-z'’])(?!(?:i|i['’]m|im|we|we['’]re|you|you['’]re|it|this|that|there|what|which)(?![a-z'’]))[a-z'’]{1,20}"
    r" (?:(?:are|is|were|was)(?:n['’]t| not| never)|never (?:are|is|were|was)|(?:(?:will|would|could|can|wo|ca)"
    r"(?:n['’]t| not| never)|cannot|can never|could never) be|(?:have|has)(?:n['’]t| not| never) been)"
    r"(?: (?:a|an|really|very|so|that|truly|fully|ever|even|at all|particularly|remotely))? (?:" + _EN_POSITIVE
    + r"|good (?:at|for|enough|people|citizens|neighbours|neighbors|parents|workers|drivers|doctors|teachers"
    r"|friends))(?![a-z])",
    r"(?<![a-z])(?:are|is|were|was) no good(?= *(?:$|[.!?,;:]| for| at| to| as))",
    r"(?<![a-z])(?:i|we) (?:(?:do|did|will|would|could|ca|wo)(?:n['’]t| not)|never|could never|will never)"
    r"(?: (?:ever|really|even))? (?:respect|trust)(?![a-z])"
    r"|(?<![a-z])(?:i|we) (?:have|feel|hold) no respect for(?![a-z])",
    r"(?<![a-z])(?:do|does|did)(?:n['’]t| not) deserve (?:[a-z'’-]{1,20} ){0,4}?(?:respect|rights|dignity|equals"
    r"|equality|to live|to exist|a place|a home|a chance|kindness|compassion)(?![a-z])",
    # a good thing a group must not be given ("[group] should not be welcomed", "must never be given a roof", "ought
    # not to be heard", "no [group] should ever be served"), from the subject (a group word, at most two words before
    # the modal: "kids shouldn't be allowed on phones" is none): denied.py reads the same modal with a harm named
    # ("should not be driven out") as denied
    r"(?<![a-z])(?:" + _EN_GROUPS + r")(?: [a-z'’]{1,20}){0,2}? (?:(?:should|must|shall)(?:n['’]t| not| never)"
    r"|ought(?: not| never) to)(?: ever)? be " + _EN_GRANTED,
    r"(?<![a-z])no (?!one |body )[a-z'’]{1,20}(?: [a-z'’]{1,20}){0,2}? (?:should|must)(?: ever)? be " + _EN_GRANTED,
    # a good thing refused to a group by someone who should give it ("landlords must never house [group]", "the school
    # shouldn't admit [group] pupils"), or by the writer ("I would never hire a woman", "we won't play with the
    # [group] kids"): the group named within three words of the verb
    r"(?<![a-z])(?:(?:should|must|shall)(?:n['’]t| not| never)|(?:i|we)(?:(?:['’]d|['’]ll| would| will| could)"
    r" never| (?:would|will|could|wo|do|did)(?:n['’]t| not)| never))(?: ever)? " + _EN_GIVE + _EN_GROUP_AFTER,
    # a good deed or a virtue a group is said never to do or have ("[group] do not work for a living", "never play
    # fair", "don't raise their own children", "have no morals")
    r"(?<![a-z])(?:" + _EN_GROUPS + r")(?: [a-z'’]{1,20}){0,2}? (?:(?:do|does|did)(?:n['’]t| not)|never)(?: ever"
    r"| really)? (?:work|contribute|pay (?:taxes|tax|their way)|integrate|raise their|play fair|love (?:this|our)"
    r"|care about|obey|tell the truth|wash|learn the language)(?![a-z])"
    r"|(?<![a-z])(?:" + _EN_GROUPS + r")(?: [a-z'’]{1,20}){0,2}? (?:have|has|had) no (?:morals|work ethic|culture"
    r"|manners|shame|loyalty|respect for|place in|right to|rights|brains|values|decency|honou?r|integrity"
    r"|sense of)(?![a-z])",
)


# HATE_EN's alternatives apart, in its order (the feelings' and the exclusion's words are rare, one alternation made
# the engine try each at every position): signals scans each only behind its own needles, as THREAT_EN_PARTS
HATE_EN_PARTS = tuple(re.compile(part) for part in (
    r"(?<![a-z])(?:i|we) (?:really |just |absolutely |truly |fucking |so |totally |all )?(?:hate|despise|detest|loathe"
    r"|resent"
    r"|abhor|can['’]t stand|cannot stand|can['’]t bear|cannot bear|can['’]t stomach)(?![a-z])(?! to )"
    r"(?! (?:[a-z'’,]{1,20} ){0,3}?(?:being|getting)(?![a-z'’]))",
    *_EN_FEEL,
    r"(?<![a-z])(?:are|is) (?:all |just |nothing but |such |so |a bunch of )?(?:vermin|animals|rats|parasites|scum|"
    r"subhuman|savages|cockroaches|pigs|apes|filth|trash|a plague|a disease|a cancer|disgusting|inferior|worthless|"
    r"criminals|terrorists|rapists|evil|a burden|stupid|dumb|pathetic)(?![a-z])",
    *_EN_EXCLUDE,
    _EN_ENDORSED_HATE,
    *_EN_DENY_POSITIVE,
))


HATE_EN = re.compile("|".join(part.pattern for part in HATE_EN_PARTS))


# what a negation denies: the attack verb or the dehumanising word
_EN_DENIED = (r"(?:hate|kill|hurt|despise|say|said|call|think|thought|believe|want(?!ed)"
              r"|vermin|animals|rats|parasites|scum|subhuman|savages|filth|trash|disgusting|inferior|worthless"
              r"|criminals|terrorists|rapists|evil|a burden|stupid|dumb|pathetic|dangerous|a threat|lazy|deport"
              r"|expel|banish|driven out|kicked out|chased out|sent back|sent home)")


# a denied attack: a negation at most two words before it, or a denial of the whole claim at most four words before
# it ("nobody here thinks", "not one person in this thread hates", "it's not true that [group] are a burden")
NEGATED_EN = re.compile(r"(?<![a-z])(?:(?:don't|do not|doesn't|does not|didn't|did not|never|not|no one should|"
                        r"nobody should|won't|wouldn't|can't|isn't|aren't) (?:\w+ ){0,2}?"
                        r"|(?:no one|nobody|not one (?:person|of us|of them)|none of us|(?:it's|it is|that's|that is) "
                        r"(?:not true|a lie|a myth|false|nonsense) that) (?:\w+ ){0,4}?)" + _EN_DENIED)


COUNTER_EN = re.compile(
    r"(?<![a-z])(?:the word|the term|is a slur|are slurs|a slur|offensive (?:to|word)|not ok|not okay|unacceptable|"
    r"stop (?:using|calling|saying)|shouldn't (?:say|call|use)|should not (?:say|call|use)|(?:people|anyone|those) who "
    r"(?:say|call|use|think)|if you (?:say|call|use|think)|when (?:people|you|someone) (?:say|call|use)|called me|"
    r"calling (?:me|us|them|people|someone)|saying that|said that|say that|you can't say|quote|quoting)(?![a-z])")


QUOTE = re.compile(r"「[^「」\n]{1,60}」|『[^『』\n]{1,60}』|\"[^\"\n]{1,60}\"|“[^“”\n]{1,60}”")


CONSTRUCTIONS = {
    "threat_ja": THREAT_JA, "threat_en": THREAT_EN, "threat_reported": THREAT_REPORTED,
    "accusation_ja": ACCUSE_JA, "accusation_en": ACCUSE_EN, "accusation_named": ACCUSE_NAMED,
    "hate_statement_en": HATE_EN, "hate_statement_ja": HATE_JA,
    "negated_en": NEGATED_EN, "counter_speech_en": COUNTER_EN, "quotation": QUOTE,
}
