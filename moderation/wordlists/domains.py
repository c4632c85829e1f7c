"""Domains that are safe to link (public sector, news, reference) and the official domains of impersonated brands."""



# public-sector / academic suffixes and well-known news and reference sites
SAFE_SUFFIXES = (".go.jp", ".lg.jp", ".ac.jp", ".ed.jp", ".gov", ".gov.uk", ".edu")
SAFE_DOMAINS_OWN = (
    "nhk.or.jp",
    "nhk.jp",
    "yahoo.co.jp",
    "asahi.com",
    "yomiuri.co.jp",
    "mainichi.jp",
    "nikkei.com",
    "sankei.com",
    "jiji.com",
    "kyodonews.jp",
    "tokyo-np.co.jp",
    "wikipedia.org",
    "bbc.co.uk",
    "nytimes.com",
    "reuters.com",
    "apnews.com",
    "youtube.com",
    "twitter.com",
    "x.com",
)
# often-impersonated brands missing from the rule lists, name part -> official domains
BRAND_DOMAINS_OWN = {
    "sagawa": ("sagawa-exp.co.jp",),
    "kuroneko": ("kuronekoyamato.co.jp",),
    "yamato": ("kuronekoyamato.co.jp", "yamato-hd.co.jp"),
    "japanpost": ("japanpost.jp",),
    "jppost": ("japanpost.jp",),
    "yucho": ("jp-bank.japanpost.jp",),
    "amzn": ("amazon.co.jp", "amazon.com", "amzn.to", "amzn.asia"),
    "amazon": ("amazon.co.jp", "amazon.com"),
    "paypay": ("paypay.ne.jp", "paypay-card.co.jp", "paypay-bank.co.jp"),
    "mercari": ("mercari.com",),
    "rakuten": ("rakuten.co.jp", "rakuten-card.co.jp", "rakuten-bank.co.jp", "rakuten.com", "r10.to"),
    "mufg": ("mufg.jp",),
    "smbc": ("smbc.co.jp", "smbc-card.com"),
    "mizuho": ("mizuhobank.co.jp", "mizuho-fg.co.jp"),
    "aeon": ("aeon.co.jp", "aeonbank.co.jp"),
    "saison": ("saisoncard.co.jp",),
    "docomo": ("docomo.ne.jp",),
    "softbank": ("softbank.jp", "softbank.co.jp"),
    "etax": ("e-tax.nta.go.jp",),
    "mynumber": ("myna.go.jp",),
    "eki-net": ("eki-net.com",),
    "ekinet": ("eki-net.com",),
    "apple": ("apple.com", "icloud.com"),
    "line": ("line.me", "line.naver.jp", "lin.ee", "linecorp.com", "line-apps.com"),
}
