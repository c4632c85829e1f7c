"""English harm words spelt around a filter are read as the word; real words one edit away are left as they are."""

import pytest

from moderation.encoded import _codes
from moderation.features.signals import signals
from moderation.features.vocabulary import FEATURE_NAMES
from moderation.text.misspellings import READ_AT_MOST, misspellings, split_run
from moderation.text.normalize import normalize
from moderation.text.spellings import HARM_WORDS, NEIGHBOURS, neighbours
from moderation.wordlists import SLURS_AS_WRITTEN
from moderation.wordlists.near_misses import NEAR_MISSES, SPLIT_WORDS

READ = [  # (text, what normalisation makes of it)
    ("you stup!d b!tch", "you stupid bitch"),
    ("those mu$lims", "those muslims"),
    ("a worthless a$$hole", "a worthless asshole"),
    ("only a r3t@rd", "only a retard"),
    ("shut up, you f*ggot!", "shut up, you faggot!"),
    ("f**k you", "fuck you"),
    ("nobody asked you, idot", "nobody asked you, idiot"),
    ("you absolute mron", "you absolute moron"),
    ("i will murdr you", "i will murder you"),
    ("those mulsims", "those muslims"),
    ("shut up, you retrad", "shut up, you retard"),
    ("you are an idiiot", "you are an idiot"),
    ("so stuppid", "so stupid"),
    ("i hate mus lims", "i hate muslims"),
    ("you are a total id iot", "you are a total idiot"),
    ("i will ki ll you", "i will kill you"),
    ("youareanidiot, everyone knows", "you are an idiot, everyone knows"),
    ("honestly ihateimmigrants", "honestly i hate immigrants"),
    ("gokillyourself now", "go kill yourself now"),
    ("i h8 you", "i hate you"),  # text speak
    ("do us all a favour and d!e", "do us all a favour and die"),  # the verbs of a threat, inflected
    ("they should be lynchd", "they should be lynched"),
    ("i will tortrue you", "i will torture you"),
    ("only a 1d10t", "only a idiot"),  # a digit at a word's edge
    ("you 5tupid cow", "you stupid cow"),
    ("i'm going to kil l you", "i'm going to kill you"),  # a one-letter right half
    ("i am going to ki-ll you", "i am going to kill you"),  # a hyphen or a dot inside
    ("nothing but an id.iot", "nothing but an idiot"),
    ("you are a m o r o n", "you are a moron"),  # spaced letters joined with their article
    ("ihate women", "i hate women"),
    ("those muzlims", "those muslims"),  # a letter substituted by one alike
    ("read it, you idiat", "read it, you idiot"),
    ("you are so stoopid", "you are so stupid"),  # a vowel written as another one doubled
    ("that fagit upstairs", "that faggot upstairs"),  # two edits: a doubled letter once, a vowel substituted
    ("send the immgrnts back", "send the immigrants back"),  # every inner vowel dropped
    ("those muzlimz", "those muslims"),  # every s written as z
    ("someone should ki11 you", "someone should kill you"),  # "1" for "l", at the end (ki11) or inside (mus1ims)
    ("the mus1ims next door", "the muslims next door"),
    ("they should 1ynch them", "they should lynch them"),
    ("they ki11ed him", "they killed him"),
    ("only a r3trd", "only a retard"),  # leet and an edit
    ("all the imm igr ants", "all the immigrants"),  # two spaces inside a long word
    ("you are re tar ded", "you are retarded"),
    ("shut it, you stupiid beetch", "shut it, you stupid bitch"),  # a vowel inserted (stupiid: doubled; beetch)
    ("what a retaard", "what a retard"),
    ("all those niggeers", "all those niggers"),
    ("those filthy faggouts", "those filthy faggots"),
    ("motherphucker", "motherfucker"),  # ph for f, k for ck
    ("you phag", "you fag"),
    ("those dikheads again", "those dickheads again"),
    ("you're a jrk", "you're a jerk"),  # a short word without its vowels, its skeleton no other word's
    ("i'll kll him", "i'll kill him"),
    ("such a clwn", "such a clown"),
    ("you are a t w a t", "you are a twat"),  # spaced letters joined with their article
    ("what a s l u t", "what a slut"),
]

LEFT = [  # real words, names, codes and ordinary run-togethers: no rewrite
    "i like the moon", "my sister flew back to niger", "muslin sheets", "the retread tyres", "the idol",
    "micro$oft licence fees", "ke$ha songs", "c# developers", "5* reviews", "result* (*unofficial)",
    "the m*a*s*h reruns", "honestly ihatemondays", "killallbugs before the release", "youareanangel",
    "he is a therapist", "it's hit the shelves", "k ill drink.pa then what", "black coffee", "she has a rash",
    "backs to the wall", "an omen", "she wore a hat", "mp3 files", "covid19 cases", "email me at bob@fish.com",
    "a pass hole in the fence", "the ass hole", "pics of the party",
    "c u l8r m8, that was gr8", "a 1080p stream", "the 5g mast", "a ski-lift pass", "your i.d. card", "a strange man",
    "the therapist", "aspic", "apathetic voters", "stab bed", "the ides of march", "he was shooing the cat",
    "sub-human", "it's a gas", "a hat e-shop",
    "ask mr moran", "a batch of cookies", "the rapid decline", "they roped it off", "shout it out", "the keller family",
    "ca11 me later", "he11o there", "we'11 see", "a11 done", "wi11 do", "the imp ort ant bit",
    "the roof was re tar red", "the muzzles", "a retired person", "we stooped to it", "a fidget toy",
    "fagin in the play", "the laser cutter",
    "i cnt come tonight", "whr are you", "sht happens", "a mrn shift", "the county fair", "he counts them",
    "a bmb shelter", "dck 4", "i was brn here", "stb box", "the beach", "the heated pool", "a phat beat",
    "the spices", "a bold move", "abbc news", "aback", "a btch of letters", "the aspic",
]


@pytest.mark.parametrize(("text", "read"), READ)
@pytest.mark.slow
def test_an_obfuscated_harm_word_is_read_as_the_word(text, read):
    assert normalize(text).text == read


@pytest.mark.parametrize("text", LEFT)
def test_real_words_and_names_one_edit_away_are_left_alone(text):
    assert misspellings(text, set(text))[1] == []


def test_the_original_span_of_a_read_word_is_the_whole_spelling():
    raw = "Nobody asked you, IDIIOT. Those Mu$lims... youareanidiot"
    n = normalize(raw)
    for word, spelt in (("idiot", "IDIIOT"), ("muslims", "Mu$lims"), ("you are an idiot", "youareanidiot")):
        i = n.text.index(word)
        assert raw[slice(*n.span(i, i + len(word)))] == spelt


def test_the_reading_is_counted_as_the_trick_it_undoes():
    assert normalize("you f*ggot").masked == 1
    assert normalize("you idiiot").lookalike == 1
    assert normalize("i hate mus lims").spaced == 1


def test_a_comment_has_at_most_read_at_most_readings():
    """A text of nothing but spellings reads the first READ_AT_MOST: its cost stays near an ordinary comment's."""
    _text, found, symbols, *_ = misspellings("mu$lims " * 1250)
    assert len(found) == symbols == READ_AT_MOST and found[-1][0] == 8 * (READ_AT_MOST - 1)


def test_every_near_miss_is_still_one_the_rules_would_make():
    """The dictionary's collisions (model/near_misses.py) are current: each listed word is still a neighbour or a
    run-together split of the rules without it, each listed split still joins to a harm word, and none is read."""
    raw = neighbours()
    assert all(w in raw or split_run(w) for w in NEAR_MISSES)
    assert all(w not in NEIGHBOURS for w in NEAR_MISSES)
    assert all(w.replace(" ", "") in HARM_WORDS for w in SPLIT_WORDS)
    for pair in ("ass hole", "mo ron"):
        assert pair in SPLIT_WORDS and misspellings(pair)[1] == []


@pytest.mark.slow
def test_slurs_listed_as_written_are_slurs_and_no_spelling_near_them_is_read_as_one():
    """SLURS_AS_WRITTEN feed the slur signal; the words one edit from them are other words, so none is read."""
    for text in ("some gook drove the taxi", "pakis bought the shops", "my dago landlord", "the wogs next door"):
        norm = normalize(text)
        assert signals(norm, _codes(norm))[FEATURE_NAMES.index("slur")] > 0
    assert not set(SLURS_AS_WRITTEN) & HARM_WORDS
    for text in ("hokis pokis", "a pukey smell", "the darkes night", "@iampikey thanks", "dogos and dags"):
        assert misspellings(text)[1] == []
