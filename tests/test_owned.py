"""Whose slur it is (moderation.targets.owned): the writer's own group word, a literal sense, or an attack."""

import pytest

from moderation.encoded import _codes
from moderation.features.signals import signals
from moderation.features.vocabulary import FEATURE_NAMES
from moderation.targets.owned import LITERAL, OWN, owned_spans, reading
from moderation.text.normalize import normalize
from moderation.vectorizer import TextFeatures
from tests.support.owned_words import read_word


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("we are both dykes and the allotment is ours", "dykes", OWN),
    ("i was a bit of a queer even at school", "queer", OWN),
    ("fellow homos like us built that float", "homos", OWN),
    ("they called ourselves nothing, but we call ourselves queers", "queers", OWN),
    ("trannies like me vote too", "trannies", OWN),
    ("me and my niggas fixed the van", "niggas", OWN),
    ("my nigga neighbour parks on the pavement", "nigga", 0),  # "my" + singular: a person noun follows
    # session 30: "my" before the -a spelling names a friend; a friend addressed in warm words
    ("me and my nigga dev drove to the coast", "nigga", OWN),
    ("that's my nigga, we go back to year seven", "nigga", OWN),
    ("my nigga you already know the plan", "nigga", OWN),
    ("my nigga cousin owes me money", "nigga", 0),
    ("my nigga of a landlady kept the deposit", "nigga", 0),  # session 31: "of a" before the person noun
    ("my nigga of a referee gave us nothing", "nigga", 0),
    ("my nigga of all time", "nigga", OWN),
    ("that nigga dev stole my bike", "nigga", 0),
    ("my bitch of a landlord", "bitch", 0),  # "my" + singular only for the -a spelling
    ("love you, bitch, see you at the match", "bitch", OWN),
    ("miss you bitch, ring me later", "bitch", OWN),
    ("happy birthday bitch, have a good one", "bitch", OWN),
    ("congrats on the new job, you clever bitch", "bitch", OWN),
    ("i don't love you, bitch, leave", "bitch", 0),  # warm words denied
    ("nobody loves you, you sad bitch", "bitch", 0),
    ("thanks for nothing, bitch", "bitch", 0),
    ("shut up bitch, i love you is what you said", "bitch", 0),  # the warm words come after it
    ("love you all. you lying bitch, you took my money", "bitch", 0),  # another sentence
    # session 31: the warm reading ends at a denial (denied.py's spans), sarcastic thanks or an unkind word said
    ("nobody will miss you, bitch", "bitch", 0),
    ("no one is going to miss you, bitch", "bitch", 0),
    ("i didnt love you, bitch", "bitch", 0),
    ("who could love you, you ugly bitch", "bitch", 0),
    ("thank you for nothing, bitch", "bitch", 0),
    ("thanks a lot for fuck all, bitch", "bitch", 0),
    ("congrats on getting fired, you stupid bitch", "bitch", 0),
    ("thanks you fat bitch", "bitch", 0),
    ("congrats nigga, three years in and still no one can stand you", "nigga", 0),
    ("happy birthday bitch, you lying cow, where is my tenner", "bitch", 0),
    ("thank you bitch, i owe you one", "bitch", OWN),
    ("happy birthday bitch, don't think i forgot", "bitch", OWN),  # a denial, but no warmth denied
    ("love you bitch, nobody else gets my jokes", "bitch", OWN),
    ("those dykes ruin every meeting", "dykes", 0),
    ("you dyke, get out of the meeting", "dyke", 0),
    ("faggots in gravy at the rugby club dinner", "faggots", LITERAL),
    ("a bundle of faggots for the fire", "faggots", LITERAL),
    ("he smoked a fag by the bins", "fag", LITERAL),
    ("the collie is a bitch from a good litter", "bitch", 0),  # said of someone by a copula: the sense is not read
    ("the spaniel bitch had her pups", "bitch", LITERAL),
    ("the sea dyke held", "dyke", LITERAL),
    ("a chink of light under the door", "chink", LITERAL),
    ("some fag smoked by the bins", "fag", 0),  # picked out as a person
    ("that faggot at the dinner", "faggot", 0),
    ("faggots ruin every match. we had peas", "faggots", 0),  # the cue is in another sentence
    ("homo sapiens left africa", "homo", LITERAL),
    # session 28: the writer described with one word after an article, singular ("i'm a" normalises to "ima")
    ("i was such a moody bitch before my coffee", "bitch", OWN),
    ("call me a petty bitch but i return the trolleys", "bitch", OWN),
    ("ima bossy bitch at work", "bitch", OWN),
    ("we hate fags", "fags", 0),  # no article: an object, not a description
    ("ima slap bitches", "bitches", 0),  # plural after a free word: "I'm going to", not "I am a"
    ("ima stop fuckin with them", "fuckin", 0),  # a swear word is no person noun
    ("ima fan of dykes on bikes", "dykes", 0),
    ("you are such a moody bitch to the staff", "bitch", 0),
    # session 37: a first-person copula with an adverb or a tense, coming out or identifying as one, the writer set
    # beside the word, two describing words, proud to be one
    ("i have always been a dyke and my gran knew", "dyke", OWN),
    ("we have long been queers in this family", "queers", OWN),
    ("i will always be a homo whatever the vicar says", "homo", OWN),
    ("i am still queer at sixty", "queer", OWN),
    ("i identify as queer and i vote", "queer", OWN),
    ("i came out as a dyke at forty", "dyke", OWN),
    ("picture me, an old faggot, on the parish council", "faggot", OWN),
    ("i am a proud old dyke", "dyke", OWN),
    ("i am so proud to be a queer in this town", "queer", OWN),
    ("i have a faggot for a neighbour", "faggot", 0),  # "have" without "been": no self-description
    ("i will have the fags thrown out", "fags", 0),
    ("you should be proud to be a dyke", "dyke", 0),  # said to someone else
    ("leave me, faggot", "faggot", 0),  # beside "me" only with an article
    ("he is a proud old dyke", "dyke", 0),
    ("i will be a faggot killer", "faggot", 0),  # an agent noun of harm after it: the word names the target
    ("i'm a proud dyke hater", "dyke", 0),
    ("we are queer bashers", "queer", 0),
    ("i'm a proud dyke and a baker", "dyke", OWN),
    ("we went coon hunting with the hounds", "coon", LITERAL),  # an agent noun stops the writer's own only
    ("faggots burning in the stove", "faggots", LITERAL),
    # session 42 (session 41's lost fix): break, end, drag and puff are the cigarette's only in their phrases
    ("nipped out for a fag break", "fag", LITERAL),
    ("down to the fag end of the packet", "fag", LITERAL),
    ("a long drag on a fag after the match", "fag", LITERAL),
    ("fags will break the law wherever they go", "fags", 0),
    ("fags at the end of our road", "fags", 0),
    ("fags in drag on the high street", "fags", 0),
    # ... but one cigarette had keeps them anywhere in its sentence (read2, session 42), unless someone is near
    ("quick fag before the end of my shift, then home", "fag", LITERAL),
    ("went out for a quick fag, then back to the break room", "fag", LITERAL),
    ("i stubbed my fag out at the end of the pier", "fag", LITERAL),
    ("a fag like him will break the law", "fag", 0),
    # session 38: a self-introduction ("X here, ...") and a participle clause of the writer's own being
    ("retired dyke here, and the new bus route is a disgrace", "dyke", OWN),
    ("proud queer grandad here: loved the carnival", "queer", OWN),
    ("faggot spotted here. disgusting.", "faggot", 0),  # a report of someone present (read2, session 38)
    ("nigger sighting here, lock your doors", "nigger", 0),
    ("dyke alert here!", "dyke", 0),
    ("tranny here - ban him", "tranny", 0),
    ("tranny here, ban him", "tranny", 0),  # spoken of in the third person after it
    ("dyke here and there, everywhere you look", "dyke", 0),
    ("being a homo at a rugby club, i learnt to laugh", "homo", OWN),
    ("being a proud dyke in a village, we kept to ourselves", "dyke", OWN),
    ("too many queers here", "queers", 0),  # a quantifier, and plural
    ("there is a dyke here, watch out", "dyke", 0),  # not at a clause's start
    ("that faggot here, he is a menace", "faggot", 0),
    ("being a faggot is a sin", "faggot", 0),  # no first-person main clause
    ("being a faggot, he should be ashamed", "faggot", 0),
    ("being a faggot is something i despise", "faggot", 0),  # a gerund subject, no participle clause
    # session 39: someone else's own word for themself (third-person in-group use)
    ("my gran calls herself a proper old dyke and runs the bowls club", "dyke", OWN),
    ("the choir describes itself as a queer collective from hull", "queer", OWN),
    # session 42: "as a" names the writer only (read2, session 39: coming out is the writer's own reading)
    ("he came out as a homo at the rugby club dinner", "homo", 0),
    ("a memoir about growing up a shy queer on a farm", "queer", OWN),
    ("they called him a faggot at the rugby club dinner", "faggot", 0),  # someone naming another
    ("i call her a dyke because she is one", "dyke", 0),
    ("growing up around faggots was hard", "faggot", 0),  # no article: not growing up as one
    ("she called herself a fan of dykes on bikes", "dykes", 0),
    ("anyone who identifies as queer should be run out of town", "queer", 0),  # a class of people: the group
    ("people that call themselves dykes are sick", "dykes", 0),
    # read2, session 39: a bare "X here" then a warning to the reader, or nothing of the writer, is a report
    ("tranny here. lock up your kids.", "tranny", 0),
    ("dyke here, watch your backs", "dyke", 0),
    ("faggot here. vile.", "faggot", 0),
    ("nigger here. hide your bikes.", "nigger", 0),
    ("queer here. my bins were not collected again.", "queer", OWN),  # the writer goes on as themself
    ("old dyke here, watch your step on the ice", "dyke", OWN),  # described: a self-introduction
    # ... and a reflexive naming with scorn after it is the writer's sneer
    ("she calls herself a dyke, the filthy thing", "dyke", 0),
    ("he calls himself a proud faggot, what a disgrace", "faggot", 0),
    # session 40: a group word after the reflexive is no owned slur ("that tranny calls herself a woman")
    ("the bloke in the chip shop calls himself a muslim", "muslim", 0),
    ("that one calls herself a woman now", "woman", 0),
    # read2, session 40: a witness reacts in the first person too; a comment right after the naming is the writer's
    ("tranny here. i'm calling security.", "tranny", 0),
    ("faggot here, i feel sick.", "faggot", 0),
    ("dyke here, we want it out of our pub.", "dyke", 0),
    ("dyke here, i loved this piece.", "dyke", OWN),
    ("she calls herself a dyke, the dirty thing.", "dyke", 0),
    ("he calls himself a queer, makes me want to throw up.", "queer", 0),
    ("she calls herself a dyke and laughs about it with her mates.", "dyke", OWN),
    ("my gran calls herself a proper old dyke, and runs the bowls club", "dyke", OWN),
    # session 42 (en_own_group_probe): "the" or "your" one of them, a number of them, out as one, what they call the
    # writer, "we" set beside the word, counted among them, each other, the writer's own body, the group called as "we"
    ("i'm the only dyke in the village and the vicar loves me", "dyke", OWN),
    ("we were the last queers left at the bar", "queers", OWN),
    ("i'm your average middle-aged queer", "queer", OWN),
    ("she's the only dyke in the village", "dyke", 0),
    ("we're the ones faggots should fear", "faggots", 0),  # a word that turns to others
    ("i'm the reason those fags left", "fags", 0),
    ("we're the lads beating queers", "queers", 0),  # a participle
    ("we are the dykes' worst nightmare", "dykes", 0),  # a possessive: others'
    ("i'm your worst nightmare faggot", "faggot", 0),
    ("we're your local queers", "queers", 0),  # "your" before a singular only
    ("we are three old dykes with a caravan", "dykes", OWN),
    ("we are three old dyke fans", "dyke", 0),  # a number before a plural only
    ("i've been out as a dyke since school", "dyke", OWN),
    ("i'm what you'd call a queer", "queer", OWN),
    ("we came out as queers in 1990", "queers", OWN),
    ("i, an old faggot, was there", "faggot", OWN),
    ("we, the dykes of hull, say no", "dykes", OWN),
    ("both of us are queers", "queers", OWN),
    ("both of them are queers", "queers", 0),
    ("as one of the dykes who marched, thank you", "dykes", OWN),
    ("as one of those fags, he should know better", "fags", 0),  # the clause goes on with someone else
    ("as a dyke, you should know better", "dyke", 0),
    ("as a dyke who loves her wife, i say yes", "dyke", OWN),
    ("we some real niggas on this street", "niggas", OWN),
    ("the queers among us", "queers", 0),  # an outsider's enemy within too (read2, session 42)
    ("there are faggots among us and they need rooting out", "faggots", 0),
    ("dykes such as myself", "dykes", OWN),
    ("dykes such as her", "dykes", 0),
    ("loads of fags, me included, were there", "fags", OWN),
    ("loads of fags, him included, were there", "fags", 0),
    ("we call each other faggots", "faggots", OWN),
    # read2, session 42: "us" is an object before "the" or a number; "your" only with a closed list's words; a
    # determiner after the comma of "as one of ..." is someone else
    ("give us the faggots and we'll sort them out ourselves", "faggots", 0),
    ("send us two dykes and we'll teach them a lesson", "dykes", 0),
    ("i'm your landlord faggot and you have a week to get out", "faggot", 0),
    ("as one of those fags, the new vicar should resign", "fags", 0),
    ("as one of the queers who marched, the councillor should be sacked", "queers", 0),
    ("we call those lads faggots", "faggots", 0),
    ("they call each other faggots, disgusting", "faggots", 0),  # scorn after the naming
    # "our" is the town's as often (read2, session 42): no writer's own word; since session 45 the group's neutral
    # name (moderation.targets.identity), read as the word's other sense
    ("our queer choir sang", "queer", 0),  # no warmth said: the identity reading is not asked (session 46)
    ("our dyke march is a disgrace", "dyke", 0),
    ("our fag bar got torched last night, good riddance", "fag", 0),
    ("our tranny night at the pub should be banned, it's disgusting", "tranny", 0),  # scorn of it after
    ("our queer neighbours are loud", "queer", 0),  # "our" before a person: others
    ("get my fat dyke arse to the gym", "dyke", OWN),
    ("my faggot landlord", "faggot", 0),
    ("kiss my fucking ass", "fucking", 0),  # a swear word is no slur of the writer's own
    ("laughing my fucking ass off", "fucking", 0),
    ("dykes, we need more of us at the meeting", "dykes", 0),  # a bare "we" may be others than those called
    ("fags, we're watching", "fags", 0),
    ("fags, our patience has run out", "fags", 0),
    ("queers, let's fill the hall", "queers", OWN),
    ("as queers, we fought for this clinic", "queers", OWN),
    ("dykes, we will find you", "dykes", 0),  # someone else in the sentence
    ("queers, we should burn the lot out", "queers", 0),  # a threat said
    ("fags, we hate the sight of every last one", "fags", 0),
    ("as queers, they should keep quiet", "queers", 0),
    # "as a" at a clause's start or after the writer; not of someone else
    ("as a dyke i can tell you it was our second home", "dyke", OWN),
    ("speaking as a queer, this bill scares me", "queer", OWN),
    ("as a dyke, she should be ashamed", "dyke", 0),
    ("she came out as a dyke at nineteen", "dyke", 0),
    ("she's been out as a dyke for years and it makes me sick", "dyke", 0),
    ("they treat me as a faggot at work", "faggot", OWN),
    # session 43: forms still unread ("not the only" / "not just", "as ... as", becoming, "one of them", "i know, me
    # included", "all of us at ... are", "me / us being" at a clause's start, "the other ... and i"); never a
    # possessive, one the writer only imagines being, or asks of in disbelief
    ("i'm not the only dyke on the parish council", "dyke", OWN),
    ("we're not the only queers in the street", "queers", OWN),
    ("i'm not just a faggot, i'm a grandad", "faggot", OWN),
    ("i'm not a dyke, you are", "dyke", 0),
    ("i'm not just a faggot hater", "faggot", 0),
    ("i'm as queer as a nine bob note", "queer", OWN),
    ("you're as queer as a nine bob note", "queer", 0),
    ("i became a dyke at forty and never looked back", "dyke", OWN),
    ("he became a faggot at uni", "faggot", 0),
    ("i'm one of them queers from the estate", "queers", OWN),
    ("he's one of them queers from the estate", "queers", 0),
    ("every faggot i know, me included, loves that film", "faggot", OWN),
    ("every faggot i know, my brother included, deserves a kicking", "faggot", 0),
    ("all of us at the allotment are dykes", "dykes", OWN),
    ("all of us at the pub are sick of queers", "queers", 0),
    ("us being dykes never came up", "dykes", OWN),
    ("imagine me being a faggot, i'd rather die", "faggot", 0),
    ("me being a queer? don't make me laugh", "queer", 0),
    ("me, a fag? say that again", "fag", 0),
    ("if i was a faggot i'd move away", "faggot", 0),
    ("so what if i'm a dyke, i still pay my taxes", "dyke", OWN),
    ("the other dykes and i run the quiz", "dykes", OWN),
    ("him and the other queers should be run out of town", "queers", 0),
    ("the other queers and her should be barred", "queers", 0),
    ("i'm a faggot's worst nightmare", "faggot", 0),
    ("i'm a queer's queer, sequins and all", "queer", OWN),  # the word's own kind, said twice
    # read2, session 43: the included one set off by commas in a subject; "as a" before a determiner's person or a
    # name; "my" and a harm before the own thing; a conjunction or a plural noun is no describing word; "me, a" as an
    # apposition only; one fag who breaks something
    ("everybody on this street hates the dykes, me included", "dykes", 0),
    ("everybody hates the dykes, me included, and so does the vicar", "dykes", 0),
    ("as one of those dykes the headteacher should resign", "dykes", 0),
    ("as a queer, david should know better", "queer", 0),
    ("join my queer spotting club tonight", "queer", 0),
    ("my queer walking group meets on tuesdays", "queer", OWN),
    ("i'm the caretaker and queers can find another school", "queers", 0),
    ("we're the residents so dykes aren't welcome", "dykes", 0),
    ("promise me, a dyke teaching maths is a joke", "dyke", 0),
    ("my partner and i, both queers, run the stall", "queers", OWN),
    ("each fag breaks the rules sooner or later", "fag", 0),
    ("no fag breaks at work now", "fag", LITERAL),
    ("the fag breaks hearts wherever he goes", "fag", 0),
    ("the fag breaks are too short here", "fag", LITERAL),
    ("no fag breaks this week, the boss is watching", "fag", LITERAL),
    ("speaking for myself, a dyke who has taught here for years, the cuts hurt", "dyke", OWN),
    ("picture me, an old queer, at the bowls club", "queer", OWN),
    ("between us, a dyke who teaches maths is a disgrace", "dyke", 0),
    ("she said i'm one of them dykes, so i left", "dykes", 0),
    ("i said i'm a dyke and proud of it", "dyke", OWN),
    ("we chased the other queers and i caught one", "queers", 0),
    ("the lads upstairs call each other faggots and should be kicked out", "faggots", 0),
    ("they call themselves queers and deserve a beating", "queers", 0),
    # session 44: more describing words (hyphenated, several, set off by commas when each is an adjective's shape), a
    # count of "a bunch of", a longer apposition after "i, a", a sign-off, quoted in-group speech; refused: a noun
    # before the comma (the reader addressed), an insult among them, a participle of harm or one right before a plural,
    # an apposition with a verb closed by its sentence's end, quoted speech followed by a harm or scorn
    ("i'm a semi-retired dyke with a bad hip", "dyke", OWN),
    ("i'm a grey, slightly deaf queer", "queer", OWN),
    ("we're just a bunch of soggy dykes after the fun run", "dykes", OWN),
    ("we became a pair of smiling, cake-stuffed queers at the fete", "queers", OWN),
    ("i'm the shy, stammering fag from the library", "fag", OWN),
    ("me, a forty-year-old dyke, on a skateboard", "dyke", OWN),
    ("i, a slightly nervous queer in borrowed shoes, gave the speech", "queer", OWN),
    ("signed, one soaked, happy dyke", "dyke", OWN),
    ("yours truly, the token queer on the board, said no", "queer", OWN),
    ("my gran told the paper 'i'm a proper old dyke and i always was'", "dyke", OWN),
    ("the choir sang 'we queers are singing still' and we cried", "queers", OWN),
    ("i'm a council-tax-paying neighbour, you lazy dyke", "dyke", 0),
    ("i'm a decent hard-working man, smelly fag", "fag", 0),
    ("i'm a nice, patient, filthy dyke", "dyke", 0),
    ("we're the crew chasing old queers tonight", "queers", 0),
    ("we're the blokes laughing queers out of the pub", "queers", 0),
    ("we're a couple of lads spotting queers", "queers", 0),
    ("believe me, a dyke is never to be trusted.", "dyke", 0),
    ("that's me, a dyke with a mortgage.", "dyke", OWN),
    ("my brother said 'i'm a queer now' so dad kicked him out", "queer", 0),
    ("she keeps saying 'we dykes are so brave', pathetic", "dykes", 0),
    ("i told 'im a fag like him is not welcome", "fag", 0),
    ("frankly as a dyke i think the new pool is great", "dyke", OWN),  # an adverb opens the clause
    ("frankly as a dyke she should resign", "dyke", 0),
    ("they sang 'we dykes are here to stay', not for long they aren't", "dykes", 0),  # a veiled threat after the quote
    ("he told the room \"i'm a proud queer\" and he got what was coming", "queer", 0),
    ("ima slap dat bitch", "bitch", 0),  # a determiner of speech or a pronoun is no describing word
    ("ima catch you bitch", "bitch", 0),
    ("ima soft bitch", "bitch", OWN),
    ("i'm a proper fucking dyke and proud", "dyke", OWN),  # an intensifier is no scorn
    ("i love being a dyke, best thing about me", "dyke", OWN),
    ("we enjoy being queers in a small town", "queers", OWN),
    ("i love being a queer's worst nightmare", "queer", 0),
    ("been a fag my whole life and never once been to a pride march", "fag", OWN),
    ("been a dyke all her life, that one", "dyke", 0),
    ("he's been a fag since school", "fag", 0),
    ("the new coach. been a dyke since uni. keep the girls away", "dyke", 0),  # after a sentence naming someone
    ("new coach at st mary's\nbeen a dyke since uni\nkeep the girls away", "dyke", 0),  # or a line
    ("i love being a fag-free pub, my rules", "fag", 0),
    # exclusions by someone in charge name the group by the word as a referring noun: never the writer's own
    ("i'm the head of the board, so dykes won't be coaching here", "dykes", 0),
    ("we're just a bunch of parents and queers can keep away from our kids", "queers", 0),
    ("signed, the owner: no fags served", "fags", 0),
    ("i'm a busy, hard-working landlord and faggots need not apply", "faggots", 0),
    ("yours truly, the chair, and no dyke is joining while i'm in charge", "dyke", 0),
    # session 45: hatred said after quoted in-group speech ends its reading (the one training row part A re-read)
    ('when eminem said "call me a faggot, cause i hate a pussy"', "faggot", 0),
    ("my best mate texted me 'us queers have got to stick together' after the result", "queers", OWN),
    # session 45: after "ima" and a degree adverb a verb is no describing word (read2)
    ("ima so kick faggot ass after school tomorrow", "faggot", 0),
    ("ima quite happily stab bitch if she tries it", "bitch", 0),
    ("ima totally smash faggot face in if he tries it", "faggot", 0),
    ("signed, one very tired dyke who wants the bins collected", "dyke", OWN),
    ("yours truly, one less dyke on the parish council, thank god", "dyke", 0),  # counted off (read2, session 44)
    ("yours truly, one very tired dyke on the parish council", "dyke", OWN),
    # session 45: "just a" and describing words of an adjective's shape before a self-introduction
    ("just a tired, overworked dyke nurse here, please stop parking across the ambulance bay", "dyke", OWN),
    ("just a boring old queer here, wondering why the bins haven't been collected", "queer", OWN),
    ("just a filthy dyke here, and i vote", "dyke", 0),
    ("just a stinking faggot here, i've reported it", "faggot", 0),
    ("just a dyke nurse here, so get her off the children's ward", "dyke", 0),
    ("just another faggot here trying to ruin our town, ban him", "faggot", 0),
])
def test_reading(text, word, expected):
    assert read_word(text, word) == expected


def test_owned_spans_are_the_words_read_and_no_more_than_the_cap():
    t = normalize("We're all queers at the pub quiz, and faggots and peas for tea, but that dyke is not welcome").text
    assert [t[a:b] for a, b in owned_spans(t)] == ["queers", "faggots"]
    many = "the dykes like me " * 200  # only the first READ_AT_MOST slur words are read
    assert len(owned_spans(many)) == 64


def test_signals_count_own_and_literal_words_not_as_slurs():
    def sig(text):
        norm = normalize(text)
        row = signals(norm, _codes(norm))
        return {k: row[FEATURE_NAMES.index(k)] for k in ("slur", "self_ref", "literal")}

    assert sig("A fag after the shift, lit by the bins")["literal"] > 0
    assert sig("A fag after the shift, lit by the bins")["slur"] == 0
    assert sig("We're dykes and we run the pub quiz")["self_ref"] > 0
    assert sig("They're dykes and they ruin the pub quiz")["slur"] > 0


def test_owned_words_are_hashed_apart_only_with_the_option():
    text, attack = ["Faggots in gravy at the rugby club dinner"], ["That faggot at the rugby club dinner"]
    plain, apart = TextFeatures(quoted_apart=True), TextFeatures(quoted_apart=True, owned_apart_en=True)
    for f in (plain, apart):
        f.fit((text + attack) * 3)
    assert set(plain.transform(text).indices) != set(apart.transform(text).indices)
    # said of a person: no literal sense, the same n-grams either way
    assert set(plain.transform(attack).indices) == set(apart.transform(attack).indices)


@pytest.mark.parametrize(("text", "expected"), [
    # session 29: hoe and slut are found to be read, so the writer's own use hashes apart like the other words
    ("us hoes stick together on a night out", ["hoes"]),
    ("we sluts had the best night of the year", ["sluts"]),
    ("I'm a proud slut and my body is mine", ["slut"]),
    ("sluts like me get told to cover up", ["sluts"]),
    ("those hoes ruin every party", []),  # aimed at others
    ("you slut, get out of my house", []),
    ("she is such a hoe", []),
    ("my new shoes for the hoedown", []),  # inside or before other words: no stem read
])
def test_hoe_and_slut_are_read_like_the_other_words(text, expected):
    t = normalize(text).text
    assert [t[a:b] for a, b in owned_spans(t)] == expected


@pytest.mark.parametrize(("text", "word", "expected"), [
    # session 46 (read2's rounds a-c on prof-s45-a2): after "ima" itself a degree adverb and a verb is no describing
    ("ima totally finish faggot off if he comes near me again", "faggot", 0),
    ("ima really bully faggot till he cries like last year", "faggot", 0),
    ("ima fully string faggot up from the lamppost", "faggot", 0),
    ("ima so pistol-whip dyke if she says one more word", "dyke", 0),
    ("ima so tired bitch lol", "bitch", OWN),
    ("ima totally knackered fag after that shift, goodnight all", "fag", OWN),
    ("i'm a very obvious dyke and i'm teaching my daughter to ride a bike", "dyke", OWN),
    # ... a sign-off's "one" that counts them off or says them dead
    ("yours truly, one dead dyke on the parish council would be a good start", "dyke", 0),
    ("regards, one last queer left in this town, and we'll sort him too", "queer", 0),
    ("yours truly, one tired dyke on the parish council, signing off for the night", "dyke", OWN),
    # ... and the writer's hostility to a quoted speaker before the quote or after it across sentences
    ('she said "i\'m a dyke" like it\'s normal. people like her shouldn\'t be allowed near kids.', "dyke", 0),
    ('i\'ve hated her ever since she stood up in assembly and said "i\'m a dyke".', "dyke", 0),
    ('the new teacher said "i\'m a dyke, ask me anything." i hate her.', "dyke", 0),
    ('she said "i\'m a dyke" and my hatred for her has only grown.', "dyke", 0),
    ('she said "i\'m a dyke" and my respect for her has only grown.', "dyke", OWN),
    ('the new teacher said "i\'m a dyke, ask me anything." i love her.', "dyke", OWN),
])
def test_read2_rounds_on_part_a(text, word, expected):
    assert read_word(text, word) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # session 46: the writer's own word said again of the writer's partner
    ("I'm a dyke. My wife is a dyke too, and we've run the village shop for twenty years.", OWN),
    ("I'm a proud old queer and my husband is a queer too, and we've been together forty years.", OWN),
    # ... not of anyone else, not without the writer's own use first, not with scorn or harm after it
    ("I'm a dyke. My boss is a dyke too and she's a useless cow.", 0),
    ("My wife is a dyke, everyone in the village knows.", 0),
    ("I'm not a dyke. My wife is a dyke.", 0),
    ("I'm a dyke. My wife is a dyke and a lying cow.", 0),
    ("I'm a dyke. My wife is a dyke and deserves a good slap.", 0),
    ("He's a dyke's son. My wife is a dyke, apparently.", 0),
])
def test_the_partner_after_the_writer(text, expected):
    t = normalize(text).text
    word = "queer" if "queer" in t else "dyke"
    a = t.rindex(word)
    assert reading(t, a, a + len(word)) == expected


@pytest.mark.parametrize(("text", "word", "expected"), [
    # session 46: inside a clause "as a" describes the person named last before it: the writer, or someone else
    ("I see him as a faggot and nothing more.", "faggot", 0),
    ("I always thought of her as a dyke, nothing else.", "dyke", 0),
    ("They see me as a queer and that's fine.", "queer", OWN),
    ("my mum still sees me as a fag and i love her for it", "fag", OWN),
    ("i came out as a dyke at 40", "dyke", OWN),
])
def test_as_describes_the_person_named_last(text, word, expected):
    assert read_word(text, word) == expected


@pytest.mark.parametrize(("text", "word", "expected"), [
    # session 46: "as someone who's been a ..." opens as "as a ..." does, and is the writer's only as that is
    ("As someone who's been a fag for forty years, I can tell you the clinic closing is a disaster.", "fag", OWN),
    ("As someone who is queer, I find the new guidance really welcome.", "queer", OWN),
    ("As someone who's been a dyke all her life, she should know better.", "dyke", 0),
    ("As someone who's been a fag for years, Karen has no excuse.", "fag", 0),
    ("As someone who is queer, the new vicar should step down.", "queer", 0),
    ("I see him as someone who's a faggot and nothing more.", "faggot", 0),
])
def test_as_someone_who_is_one(text, word, expected):
    assert read_word(text, word) == expected


@pytest.mark.parametrize(("text", "word", "expected"), [
    # session 46 (read2's round i): inside a clause "as" describes the verb's first object if it has one
    ("They introduced her to me as a dyke, and I told them to keep her away from my kids.", "dyke", 0),
    ("They introduced me to her as a dyke, and we've been friends ever since.", "dyke", OWN),
    ("her mum sees me as a dyke and that's fine", "dyke", OWN),
    ("I think of myself as a proud dyke.", "dyke", OWN),
    # session 47 (read2's round l): the object of the verb "as" hangs on, not of an earlier one
    ("I rang him to say I have lived as a dyke since uni and I'm fine.", "dyke", OWN),
    ("I begged her to introduce me as a queer at the party, and she did.", "queer", OWN),
    ("Honestly, I see her as a dyke and nothing else.", "dyke", 0),
    ("Mark my words, the whole street sees him as a faggot.", "faggot", 0),
    ("I was described by her as a dyke, and I took it as praise.", "dyke", OWN),  # a passive: its agent is no object
    ("He was described by me as a faggot, and he deserved it.", "faggot", 0),
    ("I am known to them as a queer and a good neighbour.", "queer", OWN),  # "to them": no object (round t)
    ("She is known to us as a dyke and a liar.", "dyke", 0),
    ("He always referred to me as a queer, which I am.", "queer", OWN),  # a verb's preposition: its object (round w)
    ("I always referred to him as a queer and a liar.", "queer", 0),
])
def test_as_describes_the_first_object(text, word, expected):
    assert read_word(text, word) == expected


@pytest.mark.parametrize(("text", "word", "expected"), [
    # session 46 (read2's round i): a sign-off's "one" and a word of no closed list count someone else off
    ("Signed, one sacked dyke from the school, and the rest of them will follow.", "dyke", 0),
    ("Yours truly, one evicted queer from number 4, two more flats to clear.", "queer", 0),
    ("Signed, one retired dyke from the school, and the rest of us will follow soon.", "dyke", OWN),
    ("Signed, one very tired dyke who just wants the bins collected on time.", "dyke", OWN),
    # session 47 (read2's round l): what follows in its sentence counts them off, whatever the word
    ("Regards, one lonely queer left in the town, and we'll deal with him too.", "queer", 0),
    ("Signed, one out dyke, out of the council by May, and the rest of them next.", "dyke", 0),
    ("Regards, one lonely queer in the town, fancy a coffee sometime?", "queer", OWN),
    ("Signed, one lonely queer in the town, and soon to be none.", "queer", 0),
    ("Regards, one out queer on the board, and his days there are numbered.", "queer", 0),
    ("Signed, one lonely queer in the town, and his time is nearly up.", "queer", 0),
    ("Signed, one cheerful queer in the town and nobody minded him.", "queer", OWN),  # the writer in the third person
])
def test_a_sign_off_describer_of_a_closed_list(text, word, expected):
    assert read_word(text, word) == expected
