"""Whether "as a [word]" names the writer ("as a dyke, i ...", "they see me as a queer") or someone else ("as a
dyke, she should ...", "i see him as a faggot"): openings.py's "as" reading, apart so openings.py stays one noun."""

from __future__ import annotations

from moderation.pattern_cache import compiled
from moderation.targets.literal import SENTENCE_END as _SENTENCE_END
from moderation.wordlists.addressees import EN_PEOPLE

# the writer as a subject, and as an object (the group `first` says which a pronoun match was)
_I_WE = r"i|i['’]m|im|i['’]ve|i['’]d|i['’]ll|we|we['’]re|we['’]ve"
_FIRST_OBJECT = r"(?P<first>me|us|myself|ourselves)"
# "as a dyke, ..." goes on with thanks to the reader: the writer speaks ("as one of the dykes who marched, thank you")
_SUBJECT_AFTER = compiled(r" (?:the|that|this|these|those|his|her|their|your|some|every|any|an?) ")
_THANKS = compiled(r"(?:thank|thanks|cheers|congrat|well done|good luck|welcome|please|let['’]s|let us)")
# "as a ..." names the writer at a clause's start ("as a dyke i can tell you", "speaking as a queer, ...") unless the
# clause then turns to someone else first ("as a dyke, she should ..."), and inside a clause only after the writer
# ("i came out as a dyke", "they see me as a queer"); "she came out as a dyke", "he's been out as a faggot for
# years" name someone else in the writer's word (read2, session 39: coming out is the writer's own only); an adverb
# of the writer's stance may open the clause ("honestly as a fag i find this hilarious": session 44)
_AS_OPENS = compiled(r"(?:^|[.!?\n;:(,] *|(?:^|[^a-z'’])(?:and|but|so|speaking|writing|talking|even|just|also"
                     r"|only|honestly|frankly|personally|seriously|genuinely|tbh|well|look|listen|yes|yeah|ok"
                     r"|okay) )$")
_FIRST_BEFORE = compiled(r"(?<![a-z'’])(?:" + _I_WE + r"|me|us|myself|ourselves)(?![a-z'’])")
_DETERMINER = compiled(r"(?:the|that|this|these|those|an?|his|her|their|your|some|every|any|each)(?: [a-z'’-]+){0,2}?"
                       r" (?:" + EN_PEOPLE + r"|councillors?|mayors?|bishops?|reporters?|journalists?|editors?"
                       r"|judges?|people|person|members?|couple|family|families|lot)(?![a-z'’])")
# a pronoun as an object ("her" only before "to", "as", "and", "for" or a stop: else it is a possessive, "her mum");
# not "you" (a subject as often: "you best watch what you say cause i get drunk as a ...") nor a third person's
# reflexive ("that refers to herself as a bitch"): two training rows main reads by the writer before "as"; nor the
# agent of a passive ("i was described by him as a ...": the subject is described; read2's round r, s47), nor one
# after "to" ("i am known to her as a ...", "i get introduced to them as a ...": read2's round t)
_OBJECT = compiled(r"(?<![a-z'’])(?<!by )(?<!to )(?:" + _FIRST_OBJECT + r"|him|them"
                   r"|her(?= (?:to|as|and|for)(?![a-z])|[,.;!?]))(?![a-z'’])")
# where the verb "as" hangs on starts: a subject pronoun, a word opening a clause, "to" before a verb, a comma or colon
_AS_CLAUSE = compiled(r"(?<![a-z'’])(?:" + _I_WE + r"|he|she|they|you"
                      r"|that|when|why|who|which|because|to(?! (?:me|us|him|her|them|you|it|myself|ourselves)"
                      r"(?![a-z'’])))(?![a-z'’])|[,;:]")
_BY = compiled(r"(?<![a-z'’])(?:by|to) $")
# but the object of a verb's preposition is the one "as" describes ("she referred to me as a dyke", "i'll keep
# referring to them as ...", "he speaks of us as ...", "they look on me as ...": read2's round w, s47)
_PREP_OBJECT = compiled(r"(?<![a-z'’])(?:(?:refer|refers|referred|referring|allude|alludes|alluded|alluding) to"
                        r"|(?:speak|speaks|spoke|spoken|speaking|think|thinks|thought|thinking|talk|talks|talked"
                        r"|talking) of|(?:look|looks|looked|looking) (?:up)?on)"
                        r" (?:" + _FIRST_OBJECT + r"|him|her|them)(?![a-z'’])")
_PRONOUN = compiled(r"(?<![a-z'’])(?:(?P<first>i|i['’]m|im|i['’]ve|i['’]d|i['’]ll|me|my|we|we['’]re|we['’]ve|us"
                    r"|our)|you|your|ya|u|he|him|his|she|her|they|them|their)(?![a-z'’])")


def as_writer(t: str, s: int, b: int) -> bool:
    """Whether "as a" or "as one of the" at `s` (its word ending at `b`) names the writer: at a clause's start, when
    the clause it opens goes on with the writer or with no one else (the first word after its comma, else the first
    pronoun after the word: "as a dyke, she should ..." and "as one of those fags, he ..." are someone else; "as one of
    the dykes who marched, thank you" is the writer); inside a clause, when the writer is the person named last before
    it (at most 64 characters either side, never past the sentence)."""
    start = max(0, s - 64)
    for stop in _SENTENCE_END.finditer(t, start, s):
        start = stop.end()
    if _AS_OPENS.search(t, max(start, s - 12), s):
        end = min(len(t), b + 64)
        if (stop := _SENTENCE_END.search(t, b, end)) is not None:
            end = stop.start()
        if (comma := t.find(",", b, end)) != -1:
            at = comma + 1 + (t[comma + 1:comma + 2] == " ")
            if _DETERMINER.match(t, at, end):  # "as one of those fags, the new vicar should ...": someone else
                return False
            if (first := _PRONOUN.match(t, at)) is None and _THANKS.match(t, at) is None:
                first = _PRONOUN.search(t, at, end)  # "as a dyke, this bill scares me": the writer; "as a dyke,
                if first is None:  # karen has no business coaching": a name, and no writer in the clause (read2)
                    return False
        else:
            first = _PRONOUN.search(t, b, end)
            if _DETERMINER.match(t, b + 1, end) or (first is None and _SUBJECT_AFTER.match(t, b, end)):
                return False  # "as one of those queers the vicar should step down" (read2), "... the head should"
        return first is None or first.group("first") is not None
    # inside a clause "as" describes the verb's first object if it has one ("they see me as a queer", "they introduced
    # me to her as a dyke": the writer; "i see him as a faggot", "they introduced her to me as a dyke": someone else),
    # else the person named last before it ("i came out as a dyke"; session 46, read2's round i)
    clause = start  # the nearest verb's: after the last subject, clause word or "to" + a verb before "as" (read2, s47:
    for cut in _AS_CLAUSE.finditer(t, start, s):  # "i asked him to introduce me as a", "i wrote to him to say i have
        clause = cut.end()  # lived as a", "trust me, the whole estate sees her as a")
    if (obj := _PREP_OBJECT.search(t, clause, s) or _OBJECT.search(t, clause, s)) is not None:
        return obj.group("first") is not None
    last = None
    for pronoun in _PRONOUN.finditer(t, start, s):
        if not _BY.search(t, max(0, pronoun.start() - 4), pronoun.start()):  # an agent or "to" her describes no one
            last = pronoun
    return last is not None and last.group("first") is not None and _FIRST_BEFORE.search(t, start, s) is not None
