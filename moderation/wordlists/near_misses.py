"""Real English words one edit from a harm word, and two-word splits of one (written by model/near_misses.py from a
dictionary: do not edit by hand); moderation.text.misspellings leaves them as they are."""

NEAR_MISSES = frozenset((
    "apathetic", "apse", "arts", "aspics", "backs", "backstabbing", "burnout", "coked", "cokes", "coking", "downed",
    "downing", "downs", "droned", "droning", "fagots", "father", "garage", "hangout", "hats", "hatted", "hatters",
    "hatting", "ides", "korans", "looser", "loses", "moons", "morn", "morns", "niger", "rapped", "rapping", "raps",
    "refuges", "shooed", "shooing", "shoos", "shootout", "shot", "shots", "strange", "therapist", "therapists",
    "toadied", "toadies", "toadying",
))

SPLIT_WORDS = frozenset((
    "ap es", "ara bs", "ass fuck", "ass fucker", "ass fuckers", "ass hole", "ass holes", "be head", "be headed",
    "be heading", "be heads", "behead ed", "behead ing", "bit ch", "bitch ass", "bitch asses", "bitch es", "bitch fuck",
    "bitch hole", "bitch tits", "bo mb", "bomb ed", "bomb ing", "brain less", "bur ned", "burn ed", "burn ing",
    "butt fuck", "butt fucker", "butt fuckers", "ch ink", "ch oked", "ch oking", "cl own", "cluster fuck",
    "cluster fucked", "cluster fucker", "cluster fucking", "cluster fucks", "co ward", "cock roaches", "cock shit",
    "cock suck", "cock sucked", "cock sucker", "cock suckers", "cock sucking", "cock sucks", "cockroach es",
    "cocks hit", "cu nt", "cum slut", "cunt bag", "cunt elope", "cunt its", "cunt less", "cunt lick", "dark fuck",
    "dark shit", "di ed", "di es", "dick fucker", "dick head", "dick heads", "dip shits", "dip shitty", "dips hits",
    "dips hitter", "dis gusting", "disgust ing", "dr own", "dr owned", "dr owning", "dr owns", "drown ed", "drown ing",
    "dumb ass", "dumb fucks", "dumb shit", "ex terminate", "ex terminated", "ex terminates", "ex terminating", "fag go",
    "fag got", "fag gs", "fag shit", "faggot ing", "fags hit", "fuck ass", "fuck asses", "fuck az", "fuck bag",
    "fuck boy", "fuck ed", "fuck em", "fuck er", "fuck face", "fuck faces", "fuck head", "fuck headed", "fuck heads",
    "fuck in", "fuck ing", "fuck less", "fuck machine", "fuck shit", "fuck star", "fuck stick", "fuck up", "fuck wad",
    "fuck whore", "fucks hit", "fucks tar", "fucks tick", "fudge fucker", "garb age", "ha ted", "ha ting", "han ged",
    "han gs", "hang ed", "hang ing", "hat ed", "hat es", "hat ing", "hate rs", "kill ed", "kill er", "kill ing",
    "los er", "lose rs", "lynch ed", "lynch ing", "mi grants", "mig rants", "mind fuck", "mo fuck", "mo fucker",
    "mo ron", "mon keys", "mother fuck", "mother fucked", "mother fucker", "mother fuckers", "mother fucking",
    "mother fucks", "motherfucking shit", "mu slim", "mu slims", "murder ed", "murder er", "murder ing", "nigga hs",
    "nigga hz", "nigga ss", "penis fucker", "penis fuckers", "pi gs", "pig fucker", "pig fuckers", "pig fucking",
    "piggy fuck", "pussy whipped", "ra pe", "ra ping", "ra ts", "rag head", "rag heads", "rap ed", "rap es", "rap ing",
    "refuge es", "retard ed", "sc um", "scam fuck", "scum fuck", "scum fucker", "sh it", "shit ass", "shit asses",
    "shit bag", "shit bird", "shit blimp", "shit blimps", "shit brain", "shit dick", "shit dicks", "shit dip",
    "shit face", "shit freak", "shit fuck", "shit fucker", "shit fucks", "shit head", "shit heads", "shit hole",
    "shits dick", "shits fuck", "shitty dick", "shitty dicks", "shitty fuck", "shoo ted", "shoo ting", "shoo ts",
    "shoot ed", "shoot ing", "slaughter ed", "slaughter ing", "slut ty", "st ab", "stab bed", "sub human", "sum bitch",
    "tor turing", "towel head", "towel heads", "tran ny", "trans gender", "trash bitch", "trashy bitches", "twa ts",
    "use less", "vi le", "wank bastard", "wank er", "wet back", "wet backs", "who re", "worth less",
))
