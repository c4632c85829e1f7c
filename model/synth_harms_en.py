"""English generated rows with targets (issue 12): threats at a person, hate at groups, and hard negatives.

The English heads learnt from slur-heavy tweets (Davidson) and a hate forum (Stormfront), where a group word
or a slur is nearly always an attack, so they flagged counter-speech that quotes or reports a slur, in-group
(reclaimed) usage, neutral and positive mentions of groups and negated hate. These families give the heads
the same words in both directions, decided by the target and the frame: said at a person or a group (a
harm) vs quoted, reported, condemned, negated, said of oneself, aimed at a thing or at nobody (not a harm).
Rows are marked synthetic, are never evaluated, and were written from the categories' definitions, not from
any test suite's cases. model/synth_harms.py expands and decorates them like its own families. Threats come
twice: the "threat" family's direct frames and "threat_varied" (many verbs, persons, tenses, modal frames and
targets: reporters, commenters, officials, judges, groups), against "neg_threat_frame", the same frames with civil
content ("I'll send you the link", "we'll beat them on Saturday"), so the threat head learns the violence, not the
"I'll ... you" (civil SMS and YouTube messages already teach that "you" is civil: model/data/english.py ham_cats).
"""

# ruff: noqa: E501 (template tables)
from __future__ import annotations

from model.synth_harms_slots import _w

HATE_THREAT = {"threat": 1, "hate": 1}
THREAT_V = {"threat": 1, "abuse": 1, "harassment": None}  # the labels of the "threat" family, for threat_varied
HATE_THREAT_V = {**THREAT_V, "hate": 1}

# slot values of these families only (the others come from model/synth_harms_slots.py SLOTS["en"])
SLOTS_EN = {
    "slurp": _w("niggers|faggots|fags|dykes|trannies|kikes|spics|chinks|retards|wetbacks|ragheads|towelheads|queers"),
    "slur1": _w("nigger|faggot|fag|dyke|tranny|kike|spic|chink|retard|wetback|raghead|towelhead"),
    "rslur": _w("queer|dyke|fag|nigga|homo|tranny|cripple|crip"),  # identity words a group's own members reclaim
    "rslurp": _w("queers|dykes|fags|niggas|homos|cripples|crips"),
    "dehum": _w("vermin|animals|rats|parasites|cockroaches|subhuman|savages|a plague|a disease|filth|scum|trash|pigs|inferior|disgusting|worthless"),
    "neg": _w("lazy|violent|dirty|stupid|dishonest|dangerous|useless|greedy|criminals|liars|thieves"),
    "hateverb": _w("hate|despise|can't stand|loathe|detest"),
    "punish": _w("deported|locked up|banned|sterilized|kicked out|rounded up|put in camps"),
    "hs": _w("{g} are {dehum}|I hate {g}|{g} should all die|kill all {g}|{g} don't belong here|{slurp} are the worst|{g} are a disease|go back where you came from|{g} should be {punish}|all {g} are {neg}|{g} are not human|{slurp} out"),
    "rel": _w("brother|sister|cousin|best friend|neighbour|neighbor|boss|daughter|son|aunt|coworker|roommate"),
    "g1a": _w("gay|Muslim|Jewish|trans|disabled|Black|an immigrant|a refugee|lesbian|Mexican|Korean|Chinese|Arab|autistic"),
    "vpast": _w("killed|shot|stabbed|beaten|attacked|threatened|assaulted|harassed"),
    "place": _w("a mosque|a synagogue|a gay bar|a school|a supermarket|a church|a shelter|a bus stop|a market"),
    "ve2": _w("kill|hurt|stab|shoot|beat|strangle|break your legs and kill|burn|end|cut"),
    "when": _w("tonight|tomorrow|this weekend|soon|when you least expect it|after work|next time I see you|one of these days"),
    # the writer's own plans (the "neg_own_plan" family): an exasperated opener, then an ordinary act, some with a harm
    # verb aimed at a thing or at time (beat the traffic, kill an hour), never at a person
    "vent": _w("Right|Okay|Ugh|Honestly|Whatever|Oh well|Meh|Well|Enough|Anyway|Sigh|Yeah|Ah well|Time's up"),
    "vent_rude": _w("Fuck it|Fuck this|Screw it|Sod it|Bugger it|Damn it|Shit|Bloody hell|Christ|Hell with it|Fuck me|Damn"),
    "plan": _w("bed|sleep|the shops|the pub|the gym|work|church|the match|my mum's|the library|the polls early|the beach|the allotment|the dentist|my sister's|the cinema|the chippy|bed early tonight"),
    "plan_act": _w("bake bread|pick up a takeaway|reserve a table|bring the washing in|binge the whole series|boil the kettle|be up all night|be at my desk by eight|beat the traffic|beat my personal best|break for lunch|burn these old letters|bury the cat in the garden|hang the washing out|shoot some photos of the parade|kill an hour in town|kick off my shoes|hit the hay|hit the gym|crash early tonight|punch in my overtime|smash my record at the pub quiz|make dinner|walk the dog|switch off the news|finish the crossword later|brew a pot of tea|miss the last bus|call my mum|vote early|write to my MP|cry at this ending|lose my mind over this budget|stop reading the comments|water the garden|mow the lawn|fix the gutter|paint the shed|bang my head against this tax form|blast some music"),
    # swearing as an exclamation or intensifier about a thing or an event (the "neg_exclaimed" family: each form is one
    # moderation/targets/exclaimed.py reads as aimed at nobody)
    "ex_open": _w("Fuck|Oh fuck|Ah fuck|Fuck me|Aw fuck|Well fuck|Holy fuck|Fucking hell|Holy shit|Oh shit|Shit"),
    "ex_event": _w("the kettle's broken again|my phone died halfway through the second half|the queue at the post office goes round the block|I missed the last ferry home|the dishwasher flooded the kitchen|the derby got called off for a waterlogged pitch|I burnt the Sunday roast|the heating packed in overnight|my tax return is due on Friday|the wifi dropped in the middle of my interview|the cat knocked my coffee onto the laptop|they've dug up the high street again|I locked my keys in the van|the bakery sold out of bread by nine|the M6 is a car park this morning|I've lost the receipt for the fridge|the snow has closed the school|my flight home got cancelled"),
    "ex_np": _w("the traffic on the bypass|the queue for the ferry|my commute|this rain|the wait at A&E|the new tax form|the cold in this flat|the hill up to the station|the drive to the coast|this meeting|the council's planning portal|the checkout queue"),
    # session 33: a thing sworn at (exclaimed.py's reading (7)): the thing, then what it did
    "ex_thing": _w("printer|laptop|phone|wifi|router|kettle|boiler|dishwasher|washing machine|car|van|bike|bus|train|tram|traffic|weather|rain|snow|self-checkout|ticket machine|parking meter|website|app|update|lift|heating|keyboard|satnav|toaster|fridge"),
    "ex_did": _w("has jammed again|won't connect|died on me|broke down on the bypass|is late again|ate my card|froze halfway through|keeps cutting out|flooded the floor|wouldn't start this morning|crashed for the third time today|is stuck on the fourth floor|logged me out again|ruined the barbecue|needs a new part again"),
    "ex_adj": _w("long|slow|cold|hot|expensive|hard|ridiculous|exhausting|boring|confusing|steep|wet"),
    "ex_show": _w("gig|concert|match|film|meal at the new Thai place|fireworks display|sunset over the bay|cup final|comedy night|brass band contest|food market|carol service"),
    "ex_good": _w("amazing|brilliant|excellent|gorgeous|hilarious|incredible|beautiful|lovely|fantastic|delicious"),
    "ex_cond": _w("the ferry is cancelled again|the boiler breaks before Christmas|the rent goes up again|it snows on moving day|the bridge shuts for repairs|the train strike goes ahead|the van fails its MOT|the roof leaks again"),
    "ex_liked": _w("this weather|my new bike|the Sunday market|this soup recipe|our local chippy|the new library|autumn|this album|the coastal path|the village fete"),
    "ex_news": _w("the heating's fixed|the roadworks are over|my visa came through|the bus turned up on time|we won the pub quiz|the rain has stopped|the new bridge is open|my test results came back clear"),
    # threats in varied frames (the "threat_varied" family): who, what, to whom, when, in which tense and modality
    "tsubj": _w("I'm going to|I will|I'll|I'm gonna|We are going to|We'll|I swear I'll|I promise I will|I've decided to|I can't wait to|I'm about to|Me and my brothers are going to|One day I'll|I fully intend to|I'm planning to|Tomorrow I'm going to|I have every intention to|My friends and I will"),
    "tverb": _w("murder|kill|shoot|stab|hang|lynch|strangle|choke|butcher|slaughter|behead|gun down|run over|poison|drown|knife|execute|torture|bury|hunt down and kill|put a bullet in|beat the life out of|set fire to|cut up|break every bone in"),
    "tobj": _w("you|your whole family|the reporter who wrote this|the editor of this rag|every journalist at this paper|the mods here|that councillor|the mayor|the judge who freed him|{fn} {ln}|the guy who commented above|each one of you|you and your kids|the author|the officials who signed this|those cops|the protesters outside|@{handle}|the columnist|the people running this site|the senator|the school board"),
    "tobjg": _w("every {g1} I see|all {g}|the {g} on my street|the next {g1} who walks past me|those {g}|every last one of the {g}|the {g} at the {gplace}|as many {g} as I can|the {g} moving into our town|any {g1} who comes near my kids"),
    "gplace": _w("mosque|temple|community centre|market|shelter|bus station|town hall meeting"),
    "tpass": _w("murdered|killed|shot|stabbed|hanged|strangled|beaten to death|burned alive|buried|gunned down|executed|found in a ditch|taken out|made to bleed"),
    "tcond": _w("you print that again|you show up here again|they pass this law|the vote goes through|I see you at the rally|you reply to me again|you delete my post one more time|this article stays up|you come to our town|the council approves this"),
    "twhere": _w("at your office|at the rally|after the council meeting|outside your house|at the station|in the car park|at your kids' school|on your way home|in the newsroom|at the next town hall"),
    "tlast": _w("Christmas|the weekend|next year|the next election|your next birthday|Friday|the end of the month"),
    "weapon": _w("a gun|a knife|a bat|a crowbar|my rifle|a hammer"),
    # identity words in many forms for the civil families (Dixon et al. 2018: a group's name must be seen in civil
    # sentences as often as in attacks, or the name itself becomes the attack)
    "ga": _w("gay|lesbian|bisexual|trans|Muslim|Jewish|Black|Asian|Latino|Mexican|Chinese|Korean|Arab|Somali|Nigerian|Polish|Roma|Hindu|Sikh|Catholic|disabled|deaf|blind|autistic|immigrant|refugee|Indigenous|queer|Pakistani|Filipino|Vietnamese|Ukrainian"),
    "gpl": _w("{g}|gay men|lesbians|bisexual people|trans women|trans men|Hindus|Sikhs|Catholics|deaf people|blind people|wheelchair users|Indigenous people|asylum seekers|migrants|Latinos|Somalis|Nigerians|Pakistanis|Polish workers|Black women|Muslim women|Jewish families|older women|non-binary people|Filipino nurses|Vietnamese families|young Black men|autistic adults|Arab Americans|gay couples"),
    "gper": _w("woman|man|teenager|student|teacher|nurse|grandmother|pensioner|engineer|bus driver|shop owner|councillor|footballer|doctor"),
    "civic": _w("the food bank|a youth football club|the library's reading hour|a free legal clinic|the night shelter|a community garden|the school breakfast club|a choir|a repair café|the flood relief appeal|a mentoring scheme|the local radio show"),
    "good": _w("kind|hardworking|generous|brilliant|funny|welcoming|talented|brave|honest|decent|clever|patient"),
    # peoples named by their demonym (session 32: "[people] deserve to be attacked" read as nothing for the peoples
    # the death call did not list): the same words in calls for harm ("hate") and in civil sentences
    "gpeople": _w("Latinos|Latinas|Latinx people|Filipinos|Guatemalans|Salvadorans|Hondurans|Cubans|Dominicans|Haitians|Somalis|Nigerians|Ghanaians|Eritreans|Tamils|Nepalis|Pakistanis|Bangladeshis|Kurds|Serbs|Albanians|Romanians|Bosnians|Armenians|Roma|Chechens|Yemenis|Hmong families|Punjabis"),
    "ghurt": _w("attacked|beaten up|hurt|tortured|assaulted|harmed|battered|stabbed|shot"),
    "gwhere": _w("on my street|in this town|at the bus station|near the school|on our estate|in the flats opposite|down at the market"),
    "gcivil": _w("heard|helped|thanked|paid fairly|housed properly|consulted|listened to|welcomed|protected|given a fair hearing"),
    "idiom_task": _w("a plumber before Christmas|a parking space on market day|a dentist who takes new patients|the flat-pack wardrobe together|through to the council on the phone|a signal out here|the kids out the door by eight|a table on a Friday|the bins out in this wind|a train home after ten"),
    "idiom_what": _w("commute|week|shift|winter|drive home|climb|night|quarter|move|deadline|fortnight"),
    "wh_event": _w("did we lose that match|is the bus late again|has the summer gone|are rents this high|did the council approve that bypass|is the queue this long|did my phone bill double|is it snowing in April|did the ref miss that|do these roadworks never end"),
    # session 40: disgust at things, places and the news, in the hate family's disgust frame (the sight / smell of ...
    # turns my stomach): -5 held the frame with no group in it ("The smell of [a nuisance] in our street ..." 0.44)
    "dthing": _w("the overflowing bins|rotting food waste|the dead fish|black mould|fly-tipped mattresses|dog mess|burnt-out cars|the blocked drains|green slime|cigarette butts|the pigeon droppings|spilt diesel|the abandoned fridges|the rat traps|stale beer|the portaloos"),
    "dplace": _w("on our bus|in our street|at the school gates|by the canal|behind the chip shop|in the stairwell|outside the station|on the beach|along the towpath|at the recycling centre|in the underpass|on the high street|by the allotments|in the car park"),
    "dnews": _w("the fish kill in the reservoir|the state of the wards at the general|another sewage spill on the coast|the puppy farm case|the conditions at that care home|the water company's bonuses|the mould in the council's flats|the price of a pint at the stadium|the landfill fire|the expenses scandal"),
    "dfeel": _w("turns my stomach|makes my skin crawl|makes me feel sick|makes me want to gag|is revolting|is disgusting|makes me retch"),
    "civtopic": _w("housing|healthcare|jobs|the cost of living|school places|bus routes|childcare|pensions|broadband|rents|GP waiting times|energy bills"),
}

FAMILIES = {
    "threat": (  # a person (or a group's member) told the writer will hurt them
        "I'm going to {ve2} you {when}", "I will {ve2} you, {te}", "You'd better [run|hide|delete this], or I'll {ve2} you",
        "Keep talking and I'll {ve2} you", "I am going to make you bleed, {te}", "I'll put a bullet in your head", "I will find where you live and {ve2} you",
        "I'm coming for you {when}. Bring {weapon} if you want", "Mark my words, {te}: I will {ve2} you", "You're next. I'm going to {ve2} you", "I'm gonna {ve2} u {when}",
        "One day I'll catch you alone and {ve2} you", "I will burn your house down with you in it", "I'm going to put you in the ground, {te}", "I swear to god I'll {ve2} you",
        "Say one more word and I will {ve2} you", "If you show up {when} I'm going to {ve2} you", "You'd better watch yourself, I'm going to {ve2} you",
        ("I'm going to {ve2} every {g1} I see", HATE_THREAT), ("We will {ve2} all of you {g} {when}", HATE_THREAT), ("The next {g1} who walks in here is getting shot", HATE_THREAT),
        ("I'm bringing {weapon} to the [mosque|synagogue|pride parade|refugee center] {when}", HATE_THREAT), ("Any {g1} in my street will be {vpast}. Count on it", HATE_THREAT),
        ("I will personally {ve2} any {g1} who moves here", HATE_THREAT), ("We're going to {ve2} you {slurp} one by one", HATE_THREAT),
        "I'm going to hunt you down, {te}", "You will regret this. I'm going to {ve2} you", "I will wait outside your house and {ve2} you",
    ),
    "threat_varied": (  # the writer (or their side) will hurt a person or a group: many verbs, targets, tenses, frames
        ("{tsubj} {tverb} {tobj}", THREAT_V), ("{tsubj} {tverb} {tobj} {when}", THREAT_V), ("{tsubj} {tverb} {tobj} {twhere}", THREAT_V),
        ("{tsubj} {tverb} {tobjg}", HATE_THREAT_V), ("{tsubj} {tverb} {tobjg} {when}", HATE_THREAT_V),
        ("[If|When|The day] {tcond}, {tsubj} {tverb} {tobj}", THREAT_V),
        ("{tobj} [will be|is going to be|is about to be] {tpass} {when}. [I'll see to it|Count on it|That's a promise|Remember I said it]", THREAT_V),
        ("[You won't see|You won't live to see|You will not make it to] {tlast}, {te}. [I'll make sure of it|I've got plans for you|Trust me]", THREAT_V),
        ("[Sleep with one eye open|Watch your back|Better lock your doors|Enjoy your last week|Say goodbye to your family], {te}. {tsubj} {tverb} you", THREAT_V),
        ("I know where [you live|you work|your kids go to school|you park your car|your mother lives]. {tsubj} {tverb} you", THREAT_V),
        ("{tsubj} show up {twhere} with {weapon} and {tverb} [everyone there|you|them all|whoever I find]", THREAT_V),
        ("Mark my words: [those|the|all the] {g} [will die|will bleed|will burn|will hang|are going to die] {when}", HATE_THREAT_V),
        ("It's time I [started|finished] what I said I'd do to {tobjg}", HATE_THREAT_V),
        ("I have [bought|loaded|sharpened|cleaned] {weapon} [for you|with your name on it|for {tobj}], {te}", THREAT_V),
        ("{tsubj} {tverb} {tobj}, and I won't stop there", THREAT_V), ("I already know how I'll {tverb} {tobj}", THREAT_V),
        ("I've been following you for weeks, {te}. {tsubj} {tverb} you [soon|{when}]", THREAT_V),
        ("[Nobody|No one|Not even the police] will stop me. {tsubj} {tverb} {tobj}", THREAT_V),
        ("I was going to let it go, but now {tsubj} {tverb} {tobj}", THREAT_V),
        ("We've got a list, and every {g1} on it [dies|gets shot|is going to hang] {when}", HATE_THREAT_V),
    ),
    "neg_threat_frame": (  # a threat's frames (I'll ... you, I'm coming for, I know where you, watch your) with civil content
        "I'll [send|show|forward|email|text] you the [link|source|full quote|figures|court filing] [later|tonight|tomorrow|after work]",
        "I'm going to [call|visit|ring] [my mum|my sister|the council office|my MP's office] [tomorrow|this weekend|after work] about this",
        "[We'll|We are going to|We're gonna] [beat|crush|destroy|thrash|bury] [them|you|the visitors|{town}] [on Saturday|in the final|next season|at the derby]",
        "I'm coming for [your job|the title|the record|first place|your crossword score] [next season|next year|this time], {te}",
        "You're going to [love|hate|laugh at|want to frame] [this|the last paragraph|the chart in this article|the mayor's answer]",
        "I know where you're coming from, {te}, but I read the numbers differently",
        "I know where you [got that figure|found that quote|stand on this], and I still disagree",
        "Watch [your step|out for the ice|your speed] on the [bridge|hill road|ring road] [tonight|this morning|after dark], everyone",
        "[This commute|My job|The heat this week|Marking these exams] is killing me",
        "I could murder a [pizza|coffee|curry|cold beer] right now",
        "[She|He|The band|The keynote speaker|Our goalkeeper] [absolutely killed it|nailed it|destroyed it] [last night|on Saturday|on stage]",
        "I'll [track down|dig out|look up] [the original study|that interview|the council minutes] for you",
        "If they [pass|approve|sign] this, I will [sue|complain to the ombudsman|cancel my subscription|join the protest|write to the paper]",
        "I'm going to [shoot|film|photograph] [the parade|the sunset|the match|the protest] [tomorrow|for the school paper|on my new camera]",
        "[Keep|Carry on] [writing|posting|reporting] like this and [you'll|you will] [get a prize|win readers|change minds], {te}",
        "I will [find|meet|catch] you [after the game|at the book club|at the market] [tomorrow|on Sunday], {fn}",
        "Next time I see you, {fn}, I'm [buying you a drink|giving you that book back|paying you back]",
        "[We|My neighbours and I] are going to [hold a vigil|march peacefully|raise money|rebuild the fence|clean up the park] {when}",
        "[The police|Officers|Investigators] [will|are going to] [question|charge|arrest] the suspect {when}, [the report says|according to the statement]",
        "Better lock your [bike|car|shed] [tonight|around here], there have been thefts on {street} Street",
    ),
    "neg_own_plan": (  # the writer's own plans after an exasperated opener, with a threat's will (I'm going to, I'll, we're gonna) and no one harmed
        "[{vent}, |{vent}. |]I'm [going to|off to|heading to|gonna go to] {plan}",
        ("[{vent_rude}, |{vent_rude}. ]I'm [going to|off to|heading to|gonna go to] {plan}", {"abuse": None, "harassment": None}),
        "[{vent}, |{vent}. |]I'm [going to|gonna|about to] {plan_act}[| tonight| tomorrow| now| after this| first thing]",
        ("[{vent_rude}, |{vent_rude}. ]I'm [going to|gonna|about to] {plan_act}[| tonight| tomorrow| now| after this]", {"abuse": None, "harassment": None}),
        "[{vent}, |]I['ll| will] [just ]{plan_act}[| and sleep on it| and come back to this later| tomorrow]",
        ("[{vent_rude}, |{vent_rude}. ]I['ll| will] [just ]{plan_act}[| and sleep on it| tomorrow]", {"abuse": None, "harassment": None}),
        "[{vent}, |]we're [going to|gonna] {plan_act} [with the kids|this weekend|after the match|before it rains]",
        "[{vent}, |]I am going to {plan_act}, [the news can wait|this thread can wait|see you all tomorrow|good night]",
        ("[{vent_rude}, |{vent_rude}. ]we're [going to|gonna] {plan}[| now| early tonight]", {"abuse": None, "harassment": None}),
    ),
    "neg_exclaimed": (  # swearing as an exclamation or intensifier about a thing or an event, aimed at nobody: no harassment (vulgar language itself stays unlabelled, abuse None)
        ("{ex_open}, {ex_event}", {"abuse": None}), ("[For fuck's sake|For fuck's sake,] {ex_event}", {"abuse": None}),
        ("{ex_np} [is|was] [so|too|really|absolutely|just] fucking {ex_adj}[| today| this week| again]", {"abuse": None}),
        ("[That|The|This] {ex_show} was fucking {ex_good}[| last night| on Saturday|]", {"abuse": None}),
        ("[We're|I'm|We are] [totally |completely |]fucked if {ex_cond}", {"abuse": None}),
        ("I fucking [love|adore] {ex_liked}", {"abuse": None}), ("Fucking finally, {ex_news}", {"abuse": None}),
        # session 32: "bitch" said of a situation (moderation.targets.owned reads these subjects as no person), a
        # question's "the fuck" and "shit" about an event
        ("[Life|Karma]['s| is] a [real |right |proper |]bitch[|, {ex_event}|. {ex_event}]", {"abuse": None}),
        ("[It's|It is|It was|That's|That was|This is] [such |always |]a [real |right |total |]bitch [to get|getting] {idiom_task}", {"abuse": None}),
        ("Getting {idiom_task} [is|was] [always |such |]a [real |right |]bitch[| this week| in winter| round here]", {"abuse": None}),
        ("[What|That was|Honestly, what] a bitch of a {idiom_what}[|, {ex_event}|. {ex_event}]", {"abuse": None}),
        ("[How|Why|When|What] the fuck {wh_event}?", {"abuse": None}), ("Shit happens[|, {ex_event}|. {ex_event}]", {"abuse": None}),
        ("[This|That|All this] shit is [so |]{ex_adj}[| today| this week]", {"abuse": None}),
        ("[This|That|The|My|Our] [fucking|goddamn|fuckin] {ex_thing} {ex_did}[|. Brilliant.|, of course|. Every single time]", {"abuse": None}),
        ("[Ugh, |Honestly, |Great, |]the [fucking|goddamn] {ex_thing} {ex_did}", {"abuse": None}),
    ),
    "hate": (  # a group attacked by identity, in varied constructions
        "{g} are {dehum}", "{dehum}[, the lot of them|, every last one of them]. [That's all {g} are|That's all {g} will ever be|That's what {g} are]", "I {hateverb} {g}", "The [sight|smell] of {g} [on our bus|in our street|at the school gates] [turns my stomach|makes my skin crawl]", "You can't trust {g}", "{g} should be {punish}",
        "It's disgusting how {g} behave", "Why are all {g} so {neg}?", "All {g} are {neg}", "Typical {g1}, always {neg}", "I'd rather die than live next to {g}",
        "{g} are a plague on this country",
        "{g} are only good for cleaning toilets", "{slurp} are ruining this country", "Those {slurp} should leave",
        "Never hire {g}, they are {neg}", "{g} are the lowest form of life", "I think {g} are {dehum}", "Honestly {g} disgust me", "A {g1} is worth less than a dog",
        "{g} will never be equal to us", "Send all the {g} back", "{g} are {neg} and always will be", "Sick of seeing {g} everywhere",
        "{g} should not be allowed near children", "[There was|Saw|Had] a {slur1} [on the bus|at the counter|in the queue] [again|today], [stinking up|spoiling] the [whole ride|place|morning]", "Keep {g} out of our neighbourhood", "{g} can't be educated, they are {dehum}",
        "{gpeople} [deserve to be|should be|need to be|must be|ought to be] {ghurt}", "The {gpeople} {gwhere} [deserve to be|should be|need to be] {ghurt}[| tonight| one by one| until they leave]",
        "[Honestly,|Frankly,|Tbh|] {gpeople} deserve [a beating|a good kicking|to get hurt|to get beaten up]", "Every one of the {gpeople} {gwhere} [deserves to be|should be] {ghurt}",
    ),
    "neg_counter_quote": (  # someone else's hate quoted or reported in order to condemn it
        "\"{hs}\" - I can't believe people still say this", "He said \"{hs}\" and got banned. Good", "Someone wrote \"{slur1}\" on my friend's car. Disgusting",
        "Statements like \"{hs}\" are why this site needs moderators", "If you think \"{hs}\", you need to get out more", "\"{hs}\"? Who raised you?",
        "I was called a \"{slur1}\" at work today and I reported it", "The word \"{slur1}\" is a slur and has no place here", "Replying \"{hs}\" to a news story is just hate",
        "My teacher got fired for calling a student a {slur1}. Rightly so", "Anyone who posts \"{hs}\" should be reported", "\"{hs}\" is not an opinion, it's bigotry",
        "The sign said \"{hs}\". The police are investigating", "Quoting the guy above: \"{hs}\". Mods, please", "Saw \"{hs}\" scrawled on the bus stop. Sad",
        "They chanted \"{hs}\" outside the station. Shameful", "When he shouted \"{slur1}\" at her, everyone on the train stood up for her",
        "Imagine typing \"{hs}\" and thinking you're the good guy", "\"{hs}\" - this is what my {rel} hears every day", "Reported the comment that said \"{hs}\"",
    ),
    "neg_counter_ref": (  # the hate referred to, not repeated as one's own
        "Calling {g} {dehum} is disgusting", "Saying that you hate {g} says more about you than about them", "People who call {g} {dehum} should be ashamed",
        "Stop calling {g} {slurp}", "You can't say {g} are {dehum} and expect people to respect you", "It's wrong to say {g} should be {punish}",
        "Anyone who calls a {g1} a {slur1} is a bigot", "Using {slur1} as an insult is never okay", "He called my {rel} a {slur1} and I'm still angry",
        "Claiming that {g} are {neg} is just prejudice", "There is no excuse for saying {g} don't belong here", "Shame on whoever called them {slurp}",
        "If you say {g} are {dehum}, expect to be called out", "Words like {slur1} hurt real people", "Telling {g} to go back where they came from is racist",
        "Comments like the one calling {g} {dehum} should be deleted", "Nobody should be called a {slur1}, ever", "Blaming {g} for crime is lazy and wrong",
        "The [MP|columnist|candidate|councillor] who [compared|likened] {gpl} to {dehum} [should resign|owes them an apology|has lost my vote]",
        "[I'm sick of|I'm tired of|I can't stand] [reading|hearing|seeing] [comments|people|politicians] [treating|describing] {gpl} as {dehum}",
        "The [claim|idea|myth|old lie] that {gpl} are {neg} [keeps coming back|is dangerous|was debunked years ago]",
        "[Describing|Painting] {gpl} as {neg} is [how hate starts|lazy journalism|exactly the problem]", "Whoever [wrote|posted|sprayed] the {slur1} [comment|graffiti|message] should be [banned|found|ashamed]",
        "Jokes about {gpl} being {dehum} [aren't funny|are still hate|get people hurt]", "[Fair play to|Good on] the [ref|bus driver|teacher|club] for [stopping|reporting|calling out] the {slur1} [abuse|chant|comments]",
        "[Treating|Calling] every {g1} a [suspect|criminal|threat] [is bigotry|is wrong|makes us all less safe]",
    ),
    "neg_reclaimed": (  # in-group, reclaimed use of a word about oneself or one's own people
        "I'm a proud {rslur} and I always will be", "We {rslurp} have to stick together", "Me and my {rslurp} out here having fun", "Being a {rslur} is who I am",
        "{rslur} and proud", "Call me a {rslur}, I wear it with pride", "Us {rslurp} know how to throw a party", "As a {rslur} myself, I love this",
        "Happy pride to all my fellow {rslurp}", "my {rslurp} {fn} and {fn} just got married", "I'm the biggest {rslur} in my friend group lol", "We reclaimed the word {rslur}. It's ours now",
        "Old {rslur} here, still dancing", "I'm a {rslur} and I vote", "That's my {rslur} right there, love her", "Proud to be queer and here",
        "[Us|We] {rslurp} [run|started|organise] the [pub quiz|five-a-side|book club|allotment group] on {street} Street", "The {rslurp} in my [family|office|choir] [loved|hated|argued about] this article",
        "[Growing up|Being] a {rslur} in {town} [taught me a lot|was hard, but worth it|is easier now]", "[My|Our] fellow {rslurp} [organised|raised money for|turned up to] {civic}",
        "[Honestly,|lol] me and my {rslurp} [watched the match|went to the march|cooked for the street] [last night|on Sunday]", "{rslur} [pensioner|teacher|dad|mum|nurse] here, and I [agree|disagree] with the council",
        "[Retired|Semi-retired] [bus driver|postman|headteacher|plumber], proud {rslur}, [grandparent|churchgoer|allotment holder] and [no fan of the new bypass|tired of the roadworks|happy with the new library]",
        "[Just back from the march|Back from the parade|Home from the vigil], [a|one] proud [little |tired |]{rslur} [with sore feet|who needs a nap|full of hope]",
        "[Signed|Written|Posted], a proud {rslur} [from {town}|on {street} Street|in the back row of the choir]",
        "[Yep|Sure|Yes], we're {rslurp}, and we [run the allotment society|sing in the church choir|pay our taxes like you]",
        "[Fellow|Other] {rslurp} like [me|us] [marched for|campaigned for|voted for] [the new clinic|this law|the mayor]",
        "[I'm|I am] a [total|complete|real] {rslur} [about|when it comes to] [tidiness|interior design|karaoke], [ask my flatmates|guilty]",
    ),
    "neg_homonym": (  # a slur word in its other, literal sense (moderation.targets.literal._SENSES), aimed at nobody
        "[The butcher on {street} Street|Mum|Our pub] [does|makes|sells] faggots in [rich|onion] gravy [on Tuesdays|with mash]",
        "[The thatcher|The hedge layer|An old forester] [tied|bundled|cut] faggots of [hazel|willow|birch] [for the roof|along the lane|for winter]",
        "[He|My uncle|The foreman|Grandma] [lit|rolled|smoked] a fag [on the back step|outside the depot|before the shift] [every morning|after lunch]",
        "[Our|My neighbour's|The farm's] [collie|spaniel|greyhound|labrador] bitch [had|is expecting] [a litter of|] [six|eight|seven] pups [in March|this spring]",
        "The breeder [kept|is keeping] the [best|smallest] bitch [from the litter|of the pups] [for showing|for herself]",
        "[Dutch|Local] engineers [raised|repaired|strengthened] the [sea|river] dyke [before the spring tides|after the storm surge]",
        "We [cycled|walked] [along|on top of] the [sea|flood] dyke [to the lighthouse|for miles|with the dog] [on Sunday|last summer]",
        "A chink of [light|sunlight] [came through|showed under|crept past] the [door|blinds|shutters] [at dawn|all night]",
        "The [first|last] chink in the [government's|champion's|company's] armour [showed|appeared] [this week|in the second half]",
        "[Old|The] coon hounds [bayed|were baying] [all night|in the woods] [behind the farm|down by the creek] during the raccoon hunt",
        "Homo [sapiens|erectus|habilis] [lived|spread|made tools] [in Africa|across Asia] [for|over] [a million years|thousands of generations]",
    ),
    "neg_identity": (  # groups named neutrally, positively, or with a negated attack
        "I am {g1a}", "My {rel} is {g1a}", "{g} live in my neighbourhood", "There are many {g} in my town", "{g} have the same rights as everyone",
        "I love {g}", "{g} are great people", "{g} are welcome here", "{g} deserve respect", "We need more {g} in government", "{g} are not {dehum}",
        "I don't hate {g}", "I would never say {g} are {dehum}", "{g} are no worse than anyone else", "Why do people hate {g}? They're just people",
        "Are there many {g} where you live?", "{g} have been part of this country for centuries", "My best friend is {g1a}", "I'm proud to be {g1a}",
        "{g} are just as smart as anyone", "I've never met {g1a} person I didn't like", "{g} don't deserve this hate", "No {g1} should be treated like that",
        "How many {g} voted in the last election?", "{g} are people, full stop", "It is not true that {g} are {neg}", "{g} are not a threat to anyone",
        "My {rel} married {g1a} guy", "The {g} I know are kind and hardworking", "Being {g1a} is nothing to be ashamed of",
    ),
    # (a family of attacks on groups negated or denied, "X are not <vermin>", and its hateful twin, "X are not human",
    # was measured and left out: with them Stormfront's validation ROC-AUC fell 0.8846 -> 0.8731 (English-only fit),
    # without them 0.8823, for the same written validation gain: the negated rows teach the dehumanising words clean)
    "neg_identity_civil": (  # groups named in ordinary news-comment frames: residents, voters, workers, neighbours, subjects of a story
        "{gpl} in {town} [started|run|volunteer at|raised money for] {civic}", "The {ga} community in {town} [raised|collected] ${d3} for {civic}",
        "Our {ga} neighbours [invited the whole street to a barbecue|helped us move house|fixed our fence|look after our cat when we're away]",
        "A {ga} {gper} from {town} [won|was shortlisted for|has been nominated for] the [regional|national] [award|prize|medal] this year",
        "{gpl} [vote|work|pay taxes|worry about {civtopic}|queue at the GP] like everyone else", "The [survey|study|report] asked {d3} {gpl} about {civtopic}",
        "Are {gpl} [eligible for|affected by|consulted on] the new [housing grant|tax rule|bus pass scheme|childcare offer]?", "{gpl} have [lived|worked|farmed|run shops] in {town} for [generations|decades|over a century]",
        "I [work|play five-a-side|study|volunteer|sing in a choir] with [a lot of|several|two|a few] {gpl} and they're [great|{good}|a laugh]",
        "{gpl} are [{good}|{good} and {good}|our friends and neighbours|part of what makes {town} work]", "My {rel} is {ga} and [works as a nurse|teaches maths|runs a bakery|just finished university]",
        "[The|A] {ga} [bakery|bookshop|restaurant|barber|corner shop] on {street} Street is the best in {town}", "I'm {ga} and I [agree|disagree] with the council on {civtopic}",
        "As a {ga} {gper}, I think the article [gets this right|misses the point on {civtopic}|is fair]", "The piece on {ga} [veterans|farmers|students|nurses|carers] was [moving|well researched|long overdue]",
        "{gpl} [make up|are] [about|nearly|over] {d2}% of [the city's workforce|the town|the new intake|nurses here], the figures show",
        "Which party are {gpl} in {town} [backing|likely to vote for] this time?", "The {ga} [festival|parade|market|film night] in {town} drew [thousands|a big crowd|record numbers] this year",
        "[Thank you|Thanks|Huge thanks] to the {ga} [volunteers|doctors|drivers|families] who [helped|turned up|cooked] after the [floods|fire|storm]",
        "{gpl} deserve [the same|equal|decent] {civtopic} as everyone else", "[More|Fewer] {gpl} are [buying homes|starting businesses|going to university] than ten years ago",
        "The new [headteacher|police chief|mayor|editor] is {ga}, which [nobody should care about|is nice to see|matters less than their record]",
        "Growing up {ga} in {town} in the nineties wasn't always easy, but I love this place",
        # session 40: the writer's own identity and what they meet for it ("the prejudice I face as a {ga} {gper}")
        "The [abuse|prejudice|hostility|discrimination] I [face|get|put up with] as a {ga} {gper} [at work|on the bus|in {town}] [is exhausting|has got worse this year|is rarely reported|never really stops]",
        "As a {ga} {gper}, I [get|hear|read] [comments|slurs|nasty remarks] [most weeks|on the school run|online], and [it wears me down|I report every one|my friends back me up]", "I [married|fell in love with|share a flat with] a {ga} [guy|girl|man|woman] from {town}",
        "{gpl} and their [kids|families|parents] are [welcome|at home|safe] here", "Being {ga} [has nothing to do with|doesn't change] how good a {gper} you are",
        "[Both|All] my [grandparents|neighbours|flatmates] are {ga}", "[Lots of|Many] {gpl} [watch|read|listen to] this [paper|channel|show] too, you know",
        "The {ga} [student society|parents' group|business network] [meets|is meeting] on [Thursday|Monday evenings] at the library",
        "{gpeople} [deserve to be|should be|need to be|must be|ought to be] {gcivil}", "The {gpeople} {gwhere} [deserve to be|should be|need to be] {gcivil}[| by the council| at last| this winter]",
        "[Honestly,|Frankly,|Tbh|] {gpeople} deserve [a medal|a break|better|a proper hearing|a thank you]", "Every one of the {gpeople} {gwhere} [deserves to be|should be] {gcivil}",
    ),
    # (no "swearing at nobody" family any more: vulgar language is moderatable on a news site, and its rows taught
    # the heads that Davidson's and Jigsaw's vulgar positives are clean; see model/data/english.py DAVIDSON_HARASSMENT.
    # "neg_exclaimed" above is narrower: only the forms exclaimed.py reads as aimed at nobody, no harassment, abuse
    # unlabelled; English-only fit, validation: Davidson 0.9544 -> 0.9522 with session 15's denial changes)
    "neg_disgust": (  # session 40: disgust at things, places and the news in the hate family's disgust frame: no one attacked
        "The [sight|smell|stench|state] of {dthing} {dplace} {dfeel}", "The [sight|smell] of {dthing} {dplace} {dfeel}[, every single morning|, honestly| in this heat]",
        "[Reading about|Hearing about|The footage of|The photos of] {dnews} {dfeel}", "Every time I walk past {dthing} {dplace}, my [stomach turns|skin crawls]",
        "There's {dthing} {dplace} again. The [sight|smell] of it {dfeel}", "What the [council|water company|landlord's agent] has let happen {dplace} {dfeel}",
    ),
    "neg_news": (  # attacks and hate reported as news
        "Police say the gunman {vpast} {d2} people at {place}", "A man was arrested for threatening to kill {g}", "The attacker shouted slurs at {g} before being detained, witnesses said",
        "Hate crimes against {g} rose {d2}% last year, a report says", "Court convicts man who said he wanted to kill {g}", "A {g1} was {vpast} near {place}, police said",
        "The suspect told officers he hated {g}, according to the indictment", "Prosecutors say the defendant posted \"{hs}\" before the attack",
        "Vigil held for victims of the attack on {place}", "The group was charged with plotting to bomb {place}", "Witnesses said the man yelled \"I will kill you\" before fleeing",
        "Officials condemned the graffiti calling {g} {dehum}", "{d2} people were {vpast} in the shooting, the mayor confirmed", "The threat against {place} was reported to the FBI",
    ),
}
