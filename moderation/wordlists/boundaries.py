"""Where a hiragana word starts and ends (moderation/matcher.py's boundary rules): particles, addressees, run-ons."""

from moderation.wordlists.addressees import SCORNED_ME
from moderation.wordlists.context import FAVOUR_YARU

# the hiragana that may end the word before a hiragana hit (お前は|ばか): the hit begins a word. Not the list of
# moderation.kernels.runs.PARTICLES, which asks what may begin the word after a kanji stem (see there)
# not て (second read F1, F2): after it ごみ/あほ/がいじ read in 歩いてごみを拾った and ってやつ named a person
# (日本の政治ってやつはゴミだ); the death words after a te-form start a word as LEFT_FREE (まとめて|きえろ)
PARTICLES = frozenset("はがをにもへとでやのよねかなっ")
ADDRESSEES = ("おまえ", "あんた", "こいつ", "あいつ", "てめえ", "きさま", "おめえ")
# hiragana (or kana-ending kanji) entry -> characters that, right after it, make it part of another word (かたわら,
# めくらない, そのうちに, やつれる too)
RIGHT_EXCLUDE = {"ばか": "りし", "くず": "れすしさせそ", "はげ": "しまむ", "かす": "", "ごみ": "", "ぶす": "っ",
                 "でぶ": "", "あほ": "", "くそ": "", "きもい": "", "うざい": "",
                 "かたわ": "ら", "めくら": "なずれせ", "うち": "に", "やつ": "れ",
                 "いなくなれ": "ばるなた", "やつら": "れ",  # いなくなれば (F3), あやつられる (F5)
                 # a kanji entry ending in kana too (matcher.py): 消えな is a rough order only where the clause
                 # ends or よ/って/ー follow; 消えない, 消えなかった, 消えなくて, 消えなければ, 消えなきゃ, 消えながら,
                 # 消えなさそう (so 消えなさい is left out), Kansai 消えなあかん and 消えなんだ are other words
                 # (read2 s34: and the drawled negative 消えなーい / 消えなぃ, ニキビが全然消えなーい: ー and ぃ too)
                 "消えな": "いかくけきがさそあんぃー", "失せな": "いかくけきがさそあんぃー",
                 # 殺したいほど grades a feeling (殺したいほど愛してる: read2 s46), no violence wished
                 "殺したい": "ほ"}
# after an insult's contempt suffix め (addressees.SCORNED_ME), what makes め begin another word: 豚めし, 豚めん,
# アホめっちゃ, バカめいた, 謎めく, め|だか, め|ざす, め|ぐる (not が: このクズめが)
RIGHT_EXCLUDE.update({w: "しんっちいくかぐざでだた" for w in SCORNED_ME})
# hiragana entry -> characters that, right before it, make it part of another word; any other hiragana may end the
# word before: these start a word wherever they stand (早く|くたばれ, もう|いなくなれ, 書いた|やつら), while the short
# insults must not (動か|す, 少し|ね). Not やつ alone: after a verb it is as often a thing (昨日買ったやつ、ゴミだった
# rose from harassment 0.10 to 0.28 in a trial fit when it was read as a person); its plural names people
# not おやつらしい, あやつる (F5); not こころ|してやる or まごころ|してやる (心してやる: session 33)
LEFT_FREE = {"くたばれ": "", "くたばっちまえ": "", "いなくなれ": "", "ころすぞ": "", "ころしてやる": "こご",
             "しばくぞ": "", "しばいたろ": "", "きえろ": "", "やつら": "おあ"}
# a favour or a resolve before てやる written in kana starts a word after any hiragana (もうゆるしてやる, いっぱいほめて
# やる, こころしてやる: the verb is the word, whatever ends before it)
LEFT_FREE.update({w: "" for w in FAVOUR_YARU if all("\u3041" <= c <= "\u3096" for c in w)})
# and where the te-form ends a clause and やる is the verb "do" after it, no favour: やる気 (動画を見てやる気が出た),
# やってみる (見てやってみたい), やったこと (聞いてやったことない)
RIGHT_EXCLUDE.update({w: {"やる": "気", "やって": "み", "やった": "こ"}[end] for w in FAVOUR_YARU
                      for end in ("やる", "やって", "やった") if w.endswith(end)})
