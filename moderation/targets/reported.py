"""Words a comment reports someone else saying, and what an English negation denies: hashed apart."""

from __future__ import annotations

import bisect
import re
import re._parser

from moderation.needles.guards import NeedleIndex
from moderation.needles.parts import Parts
from moderation.pattern_cache import compiled
from moderation.targets.constructions import ENDORSED_EN
from moderation.targets.denied import whole_denial
from moderation.targets.threats import QUOTATIVE_TO
from moderation.targets.triggers import Triggers

# what someone else said, reported or condemned, not said by the writer: a quotation followed by と/って/という...,
# the clause before だなんて/という投稿/って言う人, and in English what follows calling/saying/the word
REPORTED_QUOTE = compiled(r"(?:「[^「」\n]{1,80}」|『[^『』\n]{1,80}』)"
                          r"(?=\s?(?:と|って|という|などと|など|とか|なんて|は差別|は暴言|はヘイト))"
                          r"|\"[^\"\n]{1,80}\"|“[^“”\n]{1,80}”")


# read2 (session 35): the view's holder judged right ("…と言うやつの言う通りだ", "…と思ってる奴、正解",
# "…と思う人が増えてるのも無理はない", "…と思う人の気持ちがわかる"): the writer's own view, not reported words
_JA_AGREED = (r"(?![^。！？!?\n]{0,8}?(?:正しい|正しかった|正解|まとも|言う通り|いう通り|その通り"
              r"|に同意|に賛成|気持ち(?:が|は|も)?(?:よく)?(?:わかる|分かる)|無理(?:は|も)ない|正論"
              r"|よく言った))")
REPORTED_BEFORE_JA = compiled(r"(?:だなんて|なんて言う|とか言う|って言う(?:人|奴|やつ|の)|と言う(?:人|奴|のは)"
                              r"|という(?:投稿|書き込み|発言|言葉|言い方|考え|主張|意見|声|コメント|メッセージ|dm|ヤジ|落書き)"
                              # session 35: a view judged by the writer, not held (…死ねば解決するなんて考えるのは
                              # 狂ってる, …と思ってる奴がいるのが怖い, …死ね、みたいな発言は許せない): what someone
                              # thinks or says, named as another's (人, 奴, のは; not のは俺だけ, のは当然: the
                              # writer's own)
                              r"|(?:なんて|とか|と|って)(?:考え(?:る|て(?:い)?る|てた|ていた)|思(?:う|って(?:い)?る|ってた"
                              r"|っていた))(?:(?:人|奴|やつ|連中|輩)" + _JA_AGREED
                              + r"|のは(?!俺|私|僕|自分|わたし|あたし|おれ|ぼく|うち|当然|当たり前|普通"
                              r"|自然|仕方|無理))"
                              r"|と言う(?:やつ|連中|輩)" + _JA_AGREED +
                              # a wish cited with a comma (…消えろ、みたいな書き込み), not a comment likened to a
                              # thing (ゴミみたいなコメントしかしないお前: the writer's insult)
                              r"|(?<=[、,!！?？])\s?(?:みたいな|ような)(?:発言|投稿|書き込み|コメント|ツイート|メッセージ|ヤジ"
                              r"|落書き|言い方|暴言)"
                              # a wish cited without quotation marks (…死ね、と書いた者): written, posted,
                              # said; not an adverb's と (二度と書き込むな: threats.QUOTATIVE_TO), nor words the
                              # writer calls right
                              r"|" + QUOTATIVE_TO + r"(?:叫|書き込|投稿|発言|脅|罵|言った|言われ)" + _JA_AGREED +
                              # 書いた only after a comma or a clause's end (…死ね、と書いた, 消えろと書いた; not
                              # 的外れなこと書いてる, ほんと書いてよかった), and not the writer's own act with a will
                              # (…と書いておく / 書いとく / 書いてやった: read2, session 42)
                              r"|(?<=[、,ねろれえよぞなだいるたすう])と書い(?!てお|とい|とく|とこ|てや|たる|たろ)"
                              + _JA_AGREED +
                              # session 25 (issue 12): a claim taken back, the clause before it: no
                              # evidence of it (〜した証拠はない, 根拠はない, 事実はなかった), denied
                              # (〜を否定), cleared (無罪, 不起訴, 潔白, 嫌疑不十分, 疑いは晴れ, 事実無根)
                              r"|(?:証拠|根拠|事実|形跡)(?:は|も)(?:一切|全く|何も|まだ)?(?:ない|なく|なかった|ありません"
                              r"|見つか(?:って|ら)|出て(?:こ|い)ない)"
                              r"|(?:を|は|も)(?:強く|全面的に|きっぱり|一貫して)?否定|無罪|不起訴|潔白|嫌疑不十分"
                              r"|疑い(?:は|が|も)晴れ|事実無根|事実ではない|認められなかった)")


# what opens English reported words, in REPORTED_AFTER_EN's order: said words, the idea that, someone else who says,
# thinks or said (people still say, my grandad thought, the man told us; never I or we), telling/hearing/thinking that,
# wrong to say (apart, so each is scanned only where its own needles are: "i think" alone opens nothing)
_AFTER_EN = (r"calling|called|saying|say that|said that|says that|the word|the term|"
             r"(?:shout|yell|scream|chant|shriek)(?:ing|ed|s)?(?= ['‘\"“])|"
             r"statements like|comments like|phrases like|words like|tweets like|posts like|"
             r"things like|claims? that|claiming|suggesting|implying|insisting|pretending",
             # hate named by what is done with it (session 13): describing/labelling/branding [group] as ...,
             # repeating or spreading the claim, posting/tweeting/writing/printing/chanting that ...
             r"describing|referring to|label(?:l)?ing|branding|portraying|depicting|repeating|spreading"
             r"|(?:posting|tweeting|writing|printing|chanting|spraying) that",
             # the claim named by what it is to condemn it (session 15): the slogan, rumour, trope, smear that X; since
             # session 17 after any determiner and two modifiers, in the plural, as an accusation, comment or remark,
             # and with "about" ("these myths that", "that old slogan that", "your comment that", "his remark that",
             # "those tired stereotypes about [group] being ...", "this nonsense about")
             r"(?:the|that|this|these|those|your|his|her|their|such)(?: [a-z]{1,12}){0,2}? (?:idea|notion|lie|myth"
             r"|belief|view|assumption|stereotype|suggestion|slogan|rumou?r|trope|smear|canard|meme|narrative"
             r"|talking point|conspiracy theory|line|joke|accusation|allegation|insinuation|comment|remark|claim"
             r"|propaganda|nonsense|rubbish|garbage|falsehood|misconception)s? (?:that|about)",
             # the needles are the verbs (a stronger set than the subjects: "he" and "my" are inside nearly every
             # English text); no (?i:) around the subjects: it took the engine's first-letter skip (issue 13)
             # session 41: "our [landlord]" too (not a place the subject is in: "nobody in our street thinks ..." is
             # denied.py's), and who reckons or argues that (no quotation marks needed: "our landlord insists that
             # [group] need to be hurt", "my aunt reckons ..."; not "argued about this article")
             r"(?:who|people|anyone|someone|somebody|everyone|you|he|she|(?:my|his|her|their|your|a|the) [a-z]{1,20}"
             r"|(?<!in )(?<!of )(?<!at )(?<!on )(?<!from )our [a-z]{1,20})"
             r" (?:still |always |just |really |keep |kept |actually |once |even |then )?(?:think|thinks|thought"
             r"|believe|believes|believed|say|says|said|claim|claims|claimed|insist|insists|insisted|reckon|reckons"
             r"|reckoned|(?:argue|argues|argued) that|pretend|pretends|post|posts|posted"
             r"|posting|write|writes|wrote|told (?:me|us|them|him|her|everyone|people)|tells (?:me|us|them|everyone"
             r"|people)|shouted|yelled)",
             r"telling(?! you)|hearing|(?:thinking|believing|assuming|pretending) that|told (?:me|us) that",
             r"(?:racist|sexist|wrong|hateful|bigoted|offensive|cruel|false|ignorant|unfair|dangerous"
             r"|homophobic|transphobic|antisemitic|disgusting|vile|absurd) to (?:say|claim|suggest"
             r"|imply|call|think)",
             # hate or a threat referred to by what is done with it (session 18): a gerund of comparison, depiction,
             # hate or threat as the subject of what the writer says of it (comparing [group] to rats is ..., hating
             # [group] makes you ..., threatening to burn down the mosque is a crime, joking that [group] should be
             # shot is not banter): not after "I'm / we're", and only with a verb of its own in the clause, not after
             # "and" / "but" ("hoping every [group] dies, and nothing will stop me" is the writer's wish)
             r"(?<!i'm )(?<!i’m )(?<!i am )(?<!we're )(?<!we’re )(?<!we are )(?:comparing|likening|equating"
             r"|stereotyping|demoni[sz]ing|dehumani[sz]ing|vilifying|hating|despising|loathing|talking about"
             r"|speaking (?:of|about)|threatening|vowing|plotting|urging|inciting|joking (?:about|that)|bragging about"
             r"|boasting about|cheering|celebrating|hoping|wishing|wanting|demanding|arguing that)"
             r"(?=(?:(?! and | but )[^.!?\n,;]){0,80}? (?:is|was|are|were|isn't|wasn't|aren't|makes|made|got|gets"
             r"|earned|earns|will|won't|should|belongs?|says|said|shows|showed|does|did|doesn't|didn't|has|had"
             r"|deserves|leads|led|needs|costs|can|cannot|can't)(?![a-z]))",
             # people / those / the few who hate or threaten [group], and a bare verb of depiction or threat after
             # someone else ("the way you describe", "newspapers that portray", "when they paint [group] as ...", "you
             # threatened to lynch ...")
             r"(?:(?:people|anyone|anybody|those|someone|somebody|everyone|everybody|the few|the ones) who|whoever)"
             r" (?:still |really |openly |just |secretly )?(?:hate|hates|hated|loathe|loathes|despise"
             r"|despises|threaten|threatens|threatened)",
             r"(?:who|that|you|they|people|he|she|(?:my|his|her|their|your|a|the) [a-z]{1,20})"
             r" (?:still |always |just |really |keep |kept |even |then |would |love to |like to )?(?:describe|describes"
             r"|described|depict|depicts|depicted|portray|portrays|portrayed|paint|paints|painted|compare|compares"
             r"|compared|liken|likens|likened|stereotype|stereotypes|stereotyped|demoni[sz]e|demoni[sz]es"
             r"|demoni[sz]ed|vilify|vilifies|vilified|threaten|threatens|threatened|vowed|joked about|joked that"
             r"|bragged about|boasted about|cheered)")


_AFTER_EN_END = r"(?![a-z])[^.!?\n,;]{0,80}"  # the reported words themselves


# hate in single quotes named by a noun of speech after it ("the 'Somalis are leeches' posts", "that 'send them back'
# chant") or shown by a verb of writing before it ("signs reading '...'", "keeps posting '...'"): only these, since a
# free '...' is scare quotes in the writer's own sarcasm ("the 'religion of peace' strikes again") and an apostrophe
# opens none; the span ends at the noun, so what the writer says after it stays the writer's (session 16)
_SINGLE = r"['‘](?:[^'‘’\n]|(?<=[a-z])['’](?=[a-z])){1,60}['’]"
QUOTED_NAMED_EN = compiled(
    r"(?<![a-z])(?:the|that|this|those|these)(?: [a-z]{1,12})? " + _SINGLE + r" (?:posts?|chants?|jokes?|rhetoric"
    r"|signs?|comments?|slogans?|lines?|memes?|narrative|remarks?|tweets?|banners?|graffiti|messages?|stickers?"
    r"|leaflets?|placards?|trope|smear|nonsense|rubbish|garbage|talk|crowd|brigade)(?![a-z])"
    r"|(?<![a-z])(?:reading|read|saying|sprayed|scrawled|painted|posting|posted|tweeting|tweeted|chanting|chanted"
    r"|shouting|shouted|writing|wrote) " + _SINGLE)


REPORTED_AFTER_EN = compiled(r"(?<![a-z])(?:" + "|".join(_AFTER_EN) + ")" + _AFTER_EN_END)


# REPORTED_AFTER_EN's alternatives apart, in its order (X(A|B)Y is XAY|XBY: the same matches; needles/parts.py)
REPORTED_AFTER_EN_PARTS = tuple(compiled(r"(?<![a-z])(?:" + opener + ")" + _AFTER_EN_END) for opener in _AFTER_EN)


_REPOST = compiled(r"\s?@\w{1,30}:")  # a quote that starts with "@user:" reposts that user's words


_REPOST_AT = compiled(r"@\w{1,30}:")  # its "@user:" (the engine skips to each @)


_SENTENCE_ENDS = "。．.!?！？\n"


_SENTENCE_STOP = compiled("[" + re.escape(_SENTENCE_ENDS) + "]")


_BEFORE_JA_TRIGGER = frozenset("なとっい証根事形否無不潔嫌疑認")  # a character of each of REPORTED_BEFORE_JA's needles


# what each part of _reported needs, as sets: a string asked of a set is a str made per character each time (~0.1 us)
_QUOTES, _APOS, _AFTER_EN_TRIGGER = frozenset("「『\"“"), frozenset("'‘"), frozenset("cstwipayrhbgofdvu")


# the sets asked of a comment at once, in the order of held()'s bits (1: quotes, 2: the Japanese clause's, 4: an
# apostrophe): the code pass answers them (features.patterns numbers them); the English openers' letters (8) are asked
# of the text's set where it holds a Latin letter (in the code pass, a test of letters cost each letter of an English
# comment ~30 instructions, ~4.5k a comment, to save a look-up of 17 in a Japanese one)
TRIGGERS = Triggers((_QUOTES, ()), (_BEFORE_JA_TRIGGER, ()), (_APOS, ()))


_NEEDLES_REPORTED = NeedleIndex((REPORTED_QUOTE, REPORTED_BEFORE_JA, REPORTED_AFTER_EN, *REPORTED_AFTER_EN_PARTS,
                                 QUOTED_NAMED_EN))


_AFTER_EN_GUARD = Parts(REPORTED_AFTER_EN_PARTS, _NEEDLES_REPORTED)  # REPORTED_AFTER_EN, part by part
# read from the index once, here: looking a guard up by its pattern hashes the compiled pattern's code on every call
# (REPORTED_BEFORE_JA 1.7 us, QUOTED_NAMED_EN 1.0 us), which reported_spans paid per comment
_QUOTE_GUARD, _BEFORE_JA_GUARD, _NAMED_EN_GUARD = (_NEEDLES_REPORTED[rx] for rx in (REPORTED_QUOTE, REPORTED_BEFORE_JA,
                                                                                   QUOTED_NAMED_EN))


REPORTED_NEEDLES = frozenset(_NEEDLES_REPORTED.automaton.keys)  # what reported_spans's `found` must hold


def reported_spans(text: str, chars: set, english: bool = True, found: set | None = None,
                   hits=None, latin: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of the parts of `text` that report or quote someone else's words (sorted, may overlap);
    `english=False` leaves out "..." and calling/saying/the word. The signals and the n-gram hashing of one
    comment ask for the same text one after the other: the last answer is kept. `found`: the REPORTED_NEEDLES
    in the text, if known (an index holding them as extra strings found them with its own); `hits`: the text's
    code pass (moderation/codepass.py), where the guards' starts are found; `latin`: how many of its characters are
    a-z, if known (none: no English opener's letter, not asked of `chars`)."""
    global _LAST
    last = _LAST
    if last[0] is text or last[0] == text:
        spans = last[1]
    else:  # a text none of whose parts can start (no trigger character) is kept too: it is asked again in turn
        has = TRIGGERS.held(chars, found) | (8 if latin != 0 and not chars.isdisjoint(_AFTER_EN_TRIGGER) else 0)
        spans = _reported(text, chars, found, hits, has) if has else ()
        _LAST = (text, spans)
    # most texts report nothing: no comprehension's frame for them (two calls a comment: the signals', the hashing's)
    return [(a, b) for a, b, latin in spans if english or not latin] if spans else []


_LAST: tuple[str | None, tuple] = (None, ())  # the last text reported_spans worked out, and its spans


def _reported(text: str, chars: set, found: set | None = None, hits=None, has: int | None = None
              ) -> tuple[tuple[int, int, bool], ...]:
    """Every reported span of `text` with whether it is an English one (double quotes, calling/saying...); `has`:
    TRIGGERS.held's answer for it, if known."""
    out = []
    if has is None:
        has = TRIGGERS.held(chars, found) | (0 if chars.isdisjoint(_AFTER_EN_TRIGGER) else 8)
    if found is None:
        found = _NEEDLES_REPORTED.found(text)  # one pass for the needles of all three (not a search for each)
    if has & 1 and (guard := _QUOTE_GUARD).may_match(text, chars, found):
        # a whole comment in quotes is the writer's own (a retweet, a shout), and so is a repost ("@user: ...")
        spans = [m.span() for m in guard.finditer(text, at=hits)]
        # reposts found in one scan: where "@user:" follows an opening quote (a _REPOST.match per quotation cost a
        # Python step each in a text of thousands)
        reposts = set()
        for q in [m.start() for m in _REPOST_AT.finditer(text)] if spans and "@" in chars else ():
            reposts.add(q - 1)  # _REPOST matches right after the quote at q - 1, or after it and a space
            if q > 1 and text[q - 1].isspace():
                reposts.add(q - 2)
        n = len(text)
        out += [(a, b, text[a] not in "「『") for a, b in spans if n - (b - a) >= 10 and a not in reposts]
    if has & 2 and (guard := _BEFORE_JA_GUARD).may_match(
            text, chars, found):
        last_end = 0
        stops = None  # where sentences end, found once (a search back per match cost a Python step per end mark)
        for m in guard.finditer(text, at=hits):
            at = m.start()
            if at < last_end:
                continue
            if stops is None:
                stops = [s.start() for s in _SENTENCE_STOP.finditer(text)]
            j = bisect.bisect_left(stops, at) - 1  # the last sentence end before the match, if after last_end
            start = stops[j] + 1 if j >= 0 and stops[j] >= last_end else 0  # the sentence's start
            out.append((max(start, last_end), at, False))
            last_end = m.end()
    if has & 4 and (guard := _NAMED_EN_GUARD).may_match(text, chars, found):
        out += [(*m.span(), True) for m in guard.finditer(text, at=hits)]
    # each part where its needles are (moderation/needles/parts.py); not a claim the whole comment asks after to deny
    # it ("who says [group] are [bad]? nobody I know.": denied.whole_denial's)
    if has & 8 and (text[:4] != "who " or not whole_denial(text)):
        out += [(*m.span(), True) for m in _AFTER_EN_GUARD.finditer(text, chars, found, hits) if not _endorsed(text, m)]
    return tuple(sorted(out))


# someone else's words the writer then endorses ("... says [group] are parasites, and he's right", "... and I agree
# with every word"): the writer's own. Searched from the opener to at most 40 characters past the reported words,
# inside the sentence (each window bounded: linear); a named claim the writer calls true is endorsed too ("the comment
# that [group] are greedy is spot on", "the myth that ... is a fact"; not "is simply not true"), and so is hate the
# writer calls natural or fair ("hating [group] is only natural", "comparing [group] to rats is perfectly fair")
_ENDORSED = compiled(r"(?<![a-z'’])(?:" + ENDORSED_EN + r"|(?:is|was|are|were) "
                     r"(?:(?:absolutely|totally|completely|dead|so|quite|simply|just|only|perfectly|entirely) )?"
                     r"(?:true|correct|spot on|accurate|a fact|facts|not wrong|natural|normal|justified|fair"
                     r"|understandable|reasonable|healthy|deserved)(?![a-z]))")


def _endorsed(text: str, m: re.Match) -> bool:
    """Whether the writer endorses the reported words of `m` in the same sentence."""
    stop = _SENTENCE_STOP.search(text, m.end(), m.end() + 40)
    return _ENDORSED.search(text, m.start(), stop.start() if stop else m.end() + 40) is not None


# what an English negation denies: the words after not / never / no longer / a -n't verb up to the clause's end (at
# most 60 characters), so "[group] are not vermin" and "I don't hate [group]" do not share the plain words' n-gram
# weights (the writer denies them) while "vermin" said stays what it is; "not only" / "not just" deny nothing
NEGATION_EN = compiled(r"(?<![a-z])(?:not(?! only| just)|never|no longer|cannot|(?:do|does|did|is|are|was|were|wo|"
                       r"would|ca|could|should|has|have|had|ai|need|must)n['’]t)(?![a-z])([^.!?\n,;:()\"“”]{1,60})")


_NEGATION_TRIGGER = frozenset("nt")


_NEGATION_CUES = ("not", "n't", "n’t", "never", "no longer")  # one of them is in every match ("cannot" holds "not")


def negated_spans(text: str, chars: set) -> list[tuple[int, int]]:
    """(start, end) of what English negations in `text` deny (after the negating word; sorted, not overlapping)."""
    if chars.isdisjoint(_NEGATION_TRIGGER) or not any(cue in text for cue in _NEGATION_CUES):
        return []
    return [m.span(1) for m in NEGATION_EN.finditer(text)]
