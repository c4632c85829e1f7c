"""Templates of crimes asserted of a person named by office and name, and their civil twins (session 23, issue 12).

2026.12.02-10 held 1 of 12 English accusations against a councillor, mayor or senator named by title and surname
("[office] [name] took a bribe"), and 山田花子議員は業者から金をもらっているらしいね scored defamation 0.0004: the
defamation positives named private people only. Positives: an office and a name (or "the mayor"), a deed of misconduct
asserted; negatives: the same office, name and deed asked, reported as an allegation (police say, 容疑で逮捕), denied
or cleared, or the person on policy. Expanded by model/synth_harms.py as its other families; generated rows are
marked synthetic and never evaluated.
"""

# ruff: noqa: E501 (template tables)
from __future__ import annotations

from model.synth_harms_slots import _w

# session 24: the rows teach defamation only: the other harm heads leave them unlabelled (as hard negatives, -11..-13's
# 1,880 rows moved every hate score down by about 0.01, across the review line for four probe cases), spam keeps 0
_OTHERS = {"hate": None, "threat": None, "harassment": None, "sexual": None, "self_harm": None, "personal_info": None}
DEF1 = {**_OTHERS, "defamation": 1, "abuse": 1}
DEF0 = {**_OTHERS, "defamation": 0, "abuse": 0}

SLOTS_NAMED = {
    "en": {
        "office": _w("Councillor|Mayor|Senator|Governor|Judge|Sheriff|Superintendent|Inspector|Dr|Professor|Principal|Bishop|Reverend|Chairman|Director|Alderman|Commissioner|Minister|Treasurer|Cllr|Congressman|Congresswoman|Mrs|Mr"),
        "officel": _w("mayor|council leader|treasurer|chief constable|governor|bishop|club chairman|party chairman|hospital director|parish clerk"),
        "fund": _w("the parish roof appeal|the pension pot|the youth club's grant|the road repair budget|the allotment society's savings|the hospice donations|the sports grant|the library fund|the museum's grant|the tenants' association account"),
        "firm": _w("a waste contractor|a car dealer|a property company|the bus operator|a demolition firm|his golf partners|a catering company|a lobby group"),
        "deed": _w("took a bribe from {firm}|has been stealing from {fund}|embezzled {fund}|pocketed {fund}|laundered cash for {firm}|rigged the contract for {firm}|fiddled the mileage claims|takes kickbacks from {firm}|has been skimming {fund}|accepted bribes from {firm}|siphoned off {fund}|stole {fund}|lied under oath about {fund}|forged the planning documents|is on the take from {firm}|defrauded the pensioners' club"),
        "crimeg": _w("bribery|fraud|theft from {fund}|embezzlement|misconduct in public office|false accounting"),
        "civtopicn": _w("the bus cuts|the parking charges|the new school|bin collections|the bypass|council tax|the cycle lanes|the care home closures"),
        "place": _w("the new library|the food bank|the bridge|the skate park|the health centre"),
    },
    "ja": {
        "ofc": _w("{sur}議員|{sur}{given}議員|{sur}市長|{sur}町長|{sur}知事|{sur}社長|{sur}会長|{sur}院長|{sur}校長|{sur}市議|{sur}県議|{sur}理事長|{sur}署長|{sur}大臣|{sur}村長|{sur}区長"),
        "misj": ("[ゼネコン|産廃業者|地元の土建屋|開発業者]から[リベート|袖の下|賄賂]を[受け取ってる|もらってる|もらった]",
                 "[町内会|後援会|組合|PTA]の[積立金|会費|基金]を[横領してる|着服してる|ネコババしてる]",
                 "[寄付金|義援金|復興予算]を[中抜きしてる|私物化してる|ピンハネしてる]", "[政務活動費|交際費|出張費]を[不正に受け取ってる|だまし取ってる]",
                 "[不祥事|事故|いじめ]をもみ消した", "[地元企業|産廃業者]と癒着してる", "公共工事の口利きの見返りに現金を受け取ってる"),
        "misq": _w("ゼネコンからリベートを受け取った|後援会の基金を着服した|義援金を中抜きした|政務活動費をだまし取った|入札の情報を業者に漏らした|不祥事をもみ消した"),
        "crimej": _w("収賄|業務上横領|詐欺|公職選挙法違反|背任"),
        "polj": _w("予算案|子育て支援策|公共交通の見直し|補助金の削減|市庁舎の建て替え|防災計画|給食費の無償化"),
    },
}

POSITIVES_NAMED = {
    "defamation_named": {
        "en": tuple((t, DEF1) for t in (
            "{office} {ln} {deed}", "{office} {ln} {deed}. Ask anyone in {town}", "Mark my words, {office} {ln} {deed}",
            "The {officel} {deed}, and nobody does anything", "Our {officel}, {fn} {ln}, {deed}", "{fn} {ln}, the {officel}, {deed}",
            "Fact: {office} {ln} {deed}", "{office} {ln} is a thief. [He|She] {deed}", "Don't vote for {office} {ln}, [he|she] {deed}",
            "{office} {fn} {ln} {deed} and still sits on the committee", "I'll say it: the {officel} {deed}", "{office} {ln} {deed}, I've seen the papers",
        )),
        "ja": tuple((t, DEF1) for t in (
            "{ofc}は{misj}", "{ofc}は{misj}よ", "{ofc}って{misj}らしいね", "{ofc}は{misj}。みんな知ってる", "はっきり言う、{ofc}は{misj}",
            "{ofc}が{misj}のは確かだ", "{ofc}は{misj}。次の選挙では落とそう", "地元じゃ有名な話だけど、{ofc}は{misj}", "{ofc}は{misj}んだって。最低だな",
            "ここだけの話、{ofc}は{misj}", "{ofc}も{misj}。証拠もある",
        )),
    },
}

NEGATIVES_NAMED = {
    "neg_allegation": {
        "en": tuple((t, DEF0) for t in (
            "Is it true that {office} {ln} {deed}? I'd want to see proof", "Why hasn't anyone asked {office} {ln} about {fund}?",
            "Could {office} {ln} explain where {fund} went?", "{office} {ln} appeared in court today charged with {crimeg}",
            "The paper reports that {office} {ln} faces questions over {fund}", "According to the prosecutor, {office} {ln} is suspected of {crimeg}",
            "{office} {ln} has been suspended pending an investigation into {fund}", "{office} {ln} was found not guilty of {crimeg}",
            "The auditors found nothing wrong with how {office} {ln} handled {fund}", "{office} {ln} strongly rejects the allegation of {crimeg}",
            "{office} {ln} voted against {civtopicn}", "{office} {ln} is completely wrong about {civtopicn}", "{office} {ln} gave a dreadful speech about {civtopicn}",
            "{office} {ln} opened {place} this morning", "The {officel} should resign over the handling of {civtopicn}",
            # session 24: a crime named and then taken back (cleared, acquitted, never shown), a rumour called false
            "{office} {ln} was acquitted of {crimeg} after a two-week trial", "Not one auditor could show that {office} {ln} {deed}",
            "Claims that {office} {ln} {deed} were withdrawn by the newspaper", "An inquiry cleared {office} {ln} of any part in {crimeg}",
            "The rumour that {office} {ln} {deed} has been debunked", "Nobody has ever proved {office} {ln} {deed}",
            "{office} {ln} won a libel case over the claim [he|she] {deed}", "The court threw out the {crimeg} charge against {office} {ln}",
        )),
        "ja": tuple((t, DEF0) for t in (
            "{ofc}が{misq}って本当？", "{ofc}は本当に{misq}の？証拠はあるの？", "{ofc}が{misq}かどうか、第三者委員会が調べている",
            "{crimej}容疑で{ofc}の自宅に家宅捜索が入ったとニュースで見た", "{ofc}について、{misq}との疑惑を週刊誌が報じている",
            "市民団体が、{ofc}が{misq}として刑事告発した", "{ofc}が{misq}という証拠は見つからなかった", "{ofc}が{misq}との疑惑は調査で晴れた",
            "{ofc}が{misq}というのはネットのデマだ", "{ofc}は{polj}を[発表した|撤回した]", "{ofc}の{polj}には[反対だ|疑問がある]",
            "{ofc}の会見は[言い訳ばかりだ|中身がない]", "{ofc}は{polj}の説明が足りない",
            # session 24: 晴れた疑い、無罪、根拠のない噂、問いかけ
            "{ofc}は{crimej}の罪に問われたが、判決は無罪だった", "{ofc}が{misq}なんて根拠のない噂にすぎない",
            "{ofc}が{misq}との記事は後に訂正された", "{ofc}は本当に{misq}んだろうか。まずは説明を聞きたい",
            "{ofc}が{misq}と書いた週刊誌が名誉毀損で訴えられた", "{ofc}に{crimej}の疑いがかかったが、不起訴になった",
            # session 26: each denial above asked as a question, the deed in plain words. reported.py now reads the
            # clause before 証拠は見つからなかった / 無罪 / 不起訴 as words taken back and hashes it apart, so those rows
            # no longer teach that the deed's words alone assert nothing; a question keeps that lesson in plain n-grams
            "{ofc}が{misq}という証拠は[あるのか|あるのだろうか|出てくるのか]", "{ofc}は{crimej}の罪に問われているが、本当に{misq}のか",
            "{ofc}に{crimej}の疑いがかかっているが、[真相はどうなのか|起訴されるのか|本当に{misq}のか]",
        )),
    },
}
