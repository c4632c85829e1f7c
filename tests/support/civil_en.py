"""Civil English news comments (harsh criticism, war reporting, anger at the news) that a signal change must not read
as an attack, nor lose a reading they had: signal-level checks of targets.owned and targets.denied use them."""

CIVIL_NEWS_EN = (
    "The chancellor's budget is a disgrace and he should resign before he does more damage.",
    "This government has been a bitch to deal with for anyone running a small business.",
    "Fewer than twenty civilians were killed in the strike, according to the ministry.",
    "Dozens of soldiers were wounded when the convoy was hit near the border.",
    "Less funding means more kids will get hurt on those roads, and the council knows it.",
    "I want the minister questioned under oath about these contracts.",
    "Nobody wants to see another winter of shelling in Kharkiv.",
    "The prime minister lied to parliament and should be sacked for it.",
    "Frankly the mayor is useless and the whole council should be voted out.",
    "Fleming's report was a damning read for the police chiefs.",
    "Manning's leaks changed how we think about war reporting.",
    "Harding was a terrible president by most historians' accounts.",
    "Reporting from the front line is a bitch of a job and these journalists deserve our thanks.",
    "The senator's vote was cowardly and he knows it.",
    "Refugees should be protected, not left to drown in the Channel.",
    "Fewer people should have to die waiting for an ambulance.",
    "I'm furious that the trains were cancelled again and nobody apologised.",
    "Karma is a bitch: the minister who cut flood defences had his own house flooded.",
    "Parking near the hospital is a bitch and the trust does nothing about it.",
    "Life is a bitch and so is the housing market in this city.",
    "The regime's missiles hit a school and the world shrugs.",
    "Shame on the opposition for voting against the inquiry.",
)
