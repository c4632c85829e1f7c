"""Loaders of the English data sets (YouTube, SMS, Davidson, Stormfront, Jigsaw) and their label mapping."""

from __future__ import annotations

import re
from pathlib import Path

from model.data.rows import CATEGORY_NAMES, TEST, TRAIN, VALID, Row, _bucket, _clean, _csv_rows, skeleton, split_of

# the named features that mean a harm word or an attack construction is in the text (moderation/features/)
_HARM_SIGNALS = frozenset((
    "sexual_word", "death_wish", "violence_word", "slur", "dehumanize", "expel", "sexual_harass", "self_harm_push",
    "self_harm_self", "crime_word", "insult_at_person", "insult_at_group", "insult_at_self", "insult_reported",
    "insult_at_thing", "sexual_at_person", "death_wish_at_person", "violence_at_person", "group_attack",
    "self_harm_at_person", "crime_at_person", "crime_at_public", "hate_at_group", "caution_at_person",
    "attack_at_public", "threat_ja", "threat_en", "threat_reported", "located_visit", "accusation_ja", "accusation_en",
    "accusation_named",
    "hate_statement_en", "insult_unaimed", "profanity_unaimed", "quoted_harm", "pii_exposed",
    "denied_harm"))


def ham_cats(text: str) -> dict | None:
    """A real English message that is not spam (SMS ham, a YouTube comment) is clean for every harm category when
    no harm word or attack construction is in it: it talks to people ("are you coming?", "you nailed it") without
    attacking anyone, which the harm heads otherwise never see in English (every harassment row of Davidson is
    addressed, so "you" alone learnt harassment). With a harm word it stays unlabelled: ham is not a judgement
    of civility (issue 12, mechanism 5)."""
    from moderation.features.signals import signal_dict

    sig = signal_dict(text)
    if any(sig[name] > 0 for name in _HARM_SIGNALS):
        return None
    return {**_clean(), **dict.fromkeys(HAM_UNLABELLED)}


# the harm categories a civil ham message leaves unlabelled (teaches them nothing): () = clean for all seven;
# ("threat",) keeps the threat head's negatives to the sets that judged harm (chat, Davidson "neither", Stormfront
# noHate, the generated look-alikes), so "I'll see you tomorrow" does not argue against "I'll find you"
HAM_UNLABELLED: tuple[str, ...] = ()


def load_youtube(d: Path) -> list[Row]:
    out = []
    for f in sorted((d / "youtube-spam-collection").glob("Youtube0*.csv")):
        heldout = "Eminem" in f.name
        for r in _csv_rows(f.read_bytes()):
            text = r["CONTENT"]
            g = "yt:" + skeleton(text)
            split = TEST if heldout else (VALID if _bucket(g) < 12 else TRAIN)
            spam = int(r["CLASS"])
            out.append(Row(text, spam, None, "youtube-spam", "en", g, split, cats=None if spam else ham_cats(text)))
    return out


def load_sms(d: Path) -> list[Row]:
    out = []
    for line in (d / "sms-spam-collection" / "SMSSpamCollection.tsv").read_text(encoding="utf-8").splitlines():
        if "\t" not in line:
            continue
        lab, text = line.split("\t", 1)
        g = "sms:" + skeleton(text)
        spam = int(lab == "spam")
        out.append(Row(text, spam, None, "sms-spam", "en", g, split_of(g, 20, 10),
                       cats=None if spam else ham_cats(text)))
    return out


# a tweet aimed at the person it talks to: Davidson's "offensive" class is mostly profanity and slang at nobody in
# particular ("bad bitch", "hoes on my jitterbug"), which is not harassment of a person
_ADDRESSED_EN = re.compile(r"(?<![a-z])(?:you|your|yours|yourself|u|ur|ya|yo|youre|you're|yall|y'all)(?![a-z])", re.I)


# the identity words a group's own members reclaim (model/synth_harms_en.py's reclaimed family uses the same)
_RECLAIMABLE_EN = re.compile(r"(?<![a-z])(?:niggas?|niggah|nigguh|niggaz|queers?|dykes?|fags?|homos?|trann(?:y|ies)|"
                             r"cripples?|crips?)(?![a-z])", re.I)

# "addressed": hate/offensive tweets are harassment only when they address someone (unlabelled otherwise);
# "all": every hate/offensive tweet is harassment; "vulgar": every one too (vulgar, degrading language is
# moderatable on a news site, as Civil Comments and Perspective's TOXICITY rate it), except a tweet at nobody
# that uses a reclaimable in-group word, which stays unlabelled (in-group use is not a harm: issue 12); "reclaimed"
# (an ablation, en_quick --davidson-harassment reclaimed): as "vulgar", and an offensive (not hate) tweet with such a
# word is unlabelled even when it addresses someone: no Davidson tweet with "nigga" is in the "neither" class, so under
# "vulgar" the harassment head sees the word in 569 addressed positives and no negative
DAVIDSON_HARASSMENT = "vulgar"


# a tweet whose slur or vulgar word the writer says of themself or their own circle, or in its literal sense
# (moderation.targets.owned: "im a crazy bitch", "me and my bitches", "we queers") harasses no one: no harassment
# positive (session 28). At nobody it is a negative, addressed it is unlabelled (the "you" may be the attack). The
# word lists' rule taught "bitch" +harassment whoever it named: HateCheck's reclaimed slurs were flagged 45.7% by
# 2026.12.03-10, 36 of 37 by harassment; its hate label stays
OWNED_NOT_HARASSMENT = True


def owned(text: str) -> bool:
    """Whether owned.py reads a slur word of the tweet as the writer's own or literal (the labels here; the card's
    Davidson figure without those tweets, model.owned_tweets)."""
    from moderation.targets.owned import owned_spans
    from moderation.text.normalize import normalize_text

    return bool(owned_spans(normalize_text(text)))


def davidson_cats(text: str, cls: str, harassment: str | None = None) -> dict:
    """Class 2 (neither) is clean for every head. Hate (0) is hate; offensive (1) is not hate. Either counts as
    harassment when the tweet addresses someone; otherwise per DAVIDSON_HARASSMENT ("addressed": unlabelled, the
    row teaches neither way; "all": harassment; "vulgar": harassment unless it uses a reclaimable in-group word;
    "reclaimed": as "vulgar", and an offensive tweet with such a word is unlabelled even when addressed)."""
    if cls == "2":
        return _clean()
    rule = harassment or DAVIDSON_HARASSMENT
    if rule == "reclaimed" and cls == "1" and _RECLAIMABLE_EN.search(text):
        aimed = None
    elif _ADDRESSED_EN.search(text) or rule == "all":
        aimed = 1
    else:
        aimed = 1 if rule in ("vulgar", "reclaimed") and not _RECLAIMABLE_EN.search(text) else None
    if aimed == 1 and OWNED_NOT_HARASSMENT and owned(text):
        aimed = None if _ADDRESSED_EN.search(text) else 0
    return {**dict.fromkeys(("threat", "sexual", "self_harm", "personal_info", "defamation")),
            "hate": int(cls == "0"), "harassment": aimed}


# the double quotes of a tweet: mostly a retweet ("@user: ...") that the poster reposts as their own words
_TWEET_QUOTES = re.compile(r'"|&#822[01];|[“”]')


def davidson_training_text(text: str) -> str:
    """A training tweet without its quote marks: the annotators labelled the reposted words as the poster's, and
    the features must not learn quoted words as the writer's attack (a comment quoting a slur to condemn it is
    counter-speech). Held-out tweets are scored as they are."""
    return _TWEET_QUOTES.sub(" ", text)


# "strip": training and validation tweets lose their quote marks (davidson_training_text), held-out tweets are
# scored as they are; "train": only training tweets lose them (validation measured as served); "keep": every
# tweet as it was posted. "train" since session 11: the held-out tweets and a news site's comments are scored as
# posted, so validation (thresholds, recipe choice) is too; with 2026.12.01-1 every threshold is the same either
# way and Davidson validation reads 0.9622 as posted against 0.9659 stripped (held-out 0.9604)
DAVIDSON_QUOTES = "train"


# a tweet's @handles ("@user: ...", "RT @user"): "keep" reads every tweet with them; "train" (a candidate, session 59,
# en_quick --davidson-handles train) takes them out of the training tweets only, as their quote marks are: 8,481 of
# the 8,833 English training rows with a handle are Davidson's, 74% harassment positives, so the handle (line_id and
# its n-grams) marks the source, and a held-out 'neither' tweet scores up with each handle it has (session 59:
# 0.148 / 0.283 / 0.479 at 0 / 1 / 2 under -11). Held-out and validation tweets keep them (scored as posted). Screened
# over six paired draws: LOSES (Davidson validation -0.0109): 90% of the other training rows with a handle are
# generated harms, so a handle read as posted then scores up. Not adopted (docs/model.md, session 59)
DAVIDSON_HANDLES = "keep"
_TWEET_HANDLE = re.compile(r"(?<![\w.])[@＠][a-z0-9_]+", re.I)


def davidson_without_handles(text: str) -> str:
    """A training tweet without its @handles (DAVIDSON_HANDLES "train")."""
    return _TWEET_HANDLE.sub("", text)


def load_davidson(d: Path) -> list[Row]:
    out = []
    for r in _csv_rows((d / "davidson-hate-offensive" / "labeled_data.csv").read_bytes()):
        text = r["tweet"]
        g = "dav:" + skeleton(text)
        cls = r["class"]
        split = split_of(g, 15, 10)
        keep = split == TEST or DAVIDSON_QUOTES == "keep" or (split == VALID and DAVIDSON_QUOTES == "train")
        read = text if keep else davidson_training_text(text)
        if split == TRAIN and DAVIDSON_HANDLES == "train":
            read = davidson_without_handles(read)
        out.append(Row(read, None, int(cls in ("0", "1")), "davidson", "en", g, split, cats=davidson_cats(text, cls)))
    return out


def load_stormfront(d: Path) -> list[Row]:
    out = []
    for r in _csv_rows((d / "stormfront-hate-speech" / "stormfront_sentences.csv").read_bytes()):
        if r["label"] not in ("hate", "noHate"):
            continue
        g = "sf:" + r["file_id"].split("_")[0]  # one post's sentences stay together
        hate = int(r["label"] == "hate")
        cats = {**dict.fromkeys(CATEGORY_NAMES), "hate": 1} if hate else _clean()
        out.append(Row(r["text"], None, hate, "stormfront", "en", g, split_of(g, 15, 10), cats=cats))
    return out


def load_jigsaw(d: Path) -> list[Row]:
    out = []
    for r in _csv_rows((d / "jigsaw-toxic-sample-ibm" / "test_examples.csv").read_bytes()):
        out.append(Row(r["comment_text"], None, int(r["toxic"]), "jigsaw-sample", "en", "jig", TEST))
    return out
