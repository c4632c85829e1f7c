"""Japanese-first text normalisation shared by training and serving.

`normalize(text)` returns a `Normalized` with the normalised string, a per-character offset map back to
the ORIGINAL text (so explanation spans can be highlighted in what the user wrote) and counts of the
tricks that were undone (invisible characters, masks, look-alikes, spaced-out letters). Everything
here is a module-level function or constant so that fitted scikit-learn objects referring to
`normalize_text` pickle cleanly.

Steps, in order:
1. invisible characters (zero-width, U+2060-U+2064, variation selectors, bidi controls, BOM, soft
   hyphen, tag characters) are dropped and counted; other control characters become a space;
2. NFKC per character (full/half width, compatibility forms), lower case, look-alike letters
   (Cyrillic/Greek/bopomofo) mapped to what they imitate, half-width dakuten recombined;
3. kanji that imitate katakana (工口 -> エロ, 力ード -> カード) where they sit in a katakana context;
4. separators inside spaced-out words removed (死.ね, L I N E, 激 工 口);
5. whitespace runs become one space; long runs squashed (ｗｗｗｗ -> ww, ーーー -> ーー, ！！！！ -> !!),
   digits excepted; digits inside an English word read as the letters they imitate (h4te -> hate, w0men ->
   women; codes, domains and addresses such as mp3, covid19, amaz0n.com left alone);
   English harm words spelt around a filter read as the word (b!tch, f*ggot, h8, idiiot, lynchd, mus lims, ki-ll,
   youareanidiot -> bitch, faggot, hate, idiot, lynched, muslims, kill, you are an idiot; misspellings.py);
6. masked / 伏せ字 spellings of abusive words mapped to the canonical word (氏ね, しね, 4ね, ○ね -> 死ね).
"""
