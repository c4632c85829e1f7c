"""A wish or demand that a group be removed counts as an attack on it (`hate_at_group`); a report of a removal, or a
removal the writer denies, does not (issue 12: attacks carried by the predicate, not the group word). In Japanese
(`hate_statement_ja`) also a group branded as criminals-in-waiting or liars by nature, wished gone, kept off the screen
and the page, or blamed for ruining the country; a report, a debate, a denial or someone else's quoted words are not."""

import pytest

from moderation.features.signals import signal_dict

DEMANDED = [
    "Frankly the refugees should all be shipped back, every last one.",
    "My cousin wants the Muslims hounded out of the estate.",
    "Just get the foreigners out of the shop before they rob it.",
    "Deport them all, the Mexicans and their cousins.",
    "We have to send the migrants home on the next ferry.",
    "Lesbians aren't welcome at this pub.",  # the negated praise word is the attack, not a denial of one
    "Jewish people are not wanted on this street.",
    "Gay couples are no longer welcome at this hotel.",  # "no longer" denies the welcome as "not" does (session 44)
    "Arabs should go back to their own countries.",
    "Mexicans must all go back to Mexico.",  # a land by name
    "Muslims don't belong in a decent country.",
    "I fully support deporting the Eritrean families.",  # a removal supported (session 21)
    "I applaud the mayor for evicting the Roma tenants.",
    "We cheer the Nigerian families being thrown out of the estate.",
    "We would vote for sending the Pakistani families back.",
    "I totally support kicking the Roma tenants out of the flats.",
    "I welcome the mass deportation of Muslims.",
]

NOT_DEMANDED = [
    "The refugees were shipped back in 1947 and the archive has the lists.",  # a report of what was done to them
    "Muslims were hounded out of the estate after the riot, the inquiry found.",
    "Immigrants fear being deported after the ruling.",
    "Nobody in this street wants the Mexicans deported.",  # a denied wish
    "Migrants should never be sent home to a war zone.",
    "Lesbians are welcome at this pub.",
    "The lawyers want the charges against the Muslims thrown out.",  # a case is thrown out, nobody removed
    "I'm not welcome at my sister's house since the wedding.",  # no group named
    "I'm no longer welcome at my sister's house since the wedding.",
    "Jews went back to Poland after the war to find their families.",  # a report
    "Gay people belong in every club in this town.",  # belonging affirmed
    "Nobody here thinks Muslims don't belong in this country.",  # denied
    "People who support deporting the Afghan families are heartless.",  # whom the support is said of
    "I don't support deporting the Syrian families.",  # support denied
    "I would never support kicking the Sikh families out.",
    "I support the Kurdish families fighting deportation.",  # the removal opposed
]


DEMANDED_JA = [  # a demand, a branding as criminals-in-waiting or liars by nature, a wish a group be gone, kept off the
    # screen and the page, or blame for ruining the country
    "ベトナム人の作業員はさっさと現場から出て行け",
    "うちの県にいる中国人は全員母国に帰ってほしい",
    "町内会からフィリピン人の家族を追い出してくれ",
    "難民申請中の外国人は即刻強制送還すべきだ",
    "黒人の留学生をうちの大学に入学させるな",
    "ロシア人の選手なんか大会に出させるな",
    "ムスリムはこの国に二度と来るな",
    "同性愛者の店員なんて職場から排除しろ",
    "在日の連中は全員スパイだ",
    "移民の若者なんて強盗予備軍だ",
    "クルド人の連中がこの町を駄目にしている",  # blame: a group ruining the country or living off it
    "難民は支援を口実にたかりに来ているだけだ",
    "外国人労働者が日本人の仕事を奪っている",  # blame: a group as the agent of a ruin or a theft
    "在日の奴らが日本のテレビ局を牛耳っている",
    "難民どもが税金を食い物にしている",
    "韓国人が日本の芸能界を乗っ取ろうとしている",
    "中国人のせいで観光地はめちゃくちゃだ",  # blame: a group, or its coming, as the cause of a ruin
    "移民が増えたから治安が悪くなった",
    "ロシア人が住み着いてから港町は無法地帯になった",
    "ゴミを散らかすのはいつもベトナム人だ",  # the doers of a misdeed are mostly a group
    "中国人は金に汚い民族だから信用するな",  # a vice as a people's nature
    "あの国の移民どもは嘘つき民族だ",
    "在日外国人って約束を守らない連中ばかりだ",
    "難民の店なんか全部つぶれてしまえ",  # a group or its places wished gone
    "ムスリムの連中なんかこの国から消えればいい",
    "ゲイのタレントをドラマに出すな",  # kept off the screen, the page, the job
    "外国人の店員なんか雇うな",
    "クルド人の子どもを教科書の表紙に載せないでほしい",
    "在日韓国人は卑劣だ",  # a group said to be a vice or unfit as a whole
    "アイヌの連中は怠け者ばかりだ",
    "外国人ってのは信用できない",
    "クルド人は平気で嘘をつく",
    "トランスジェンダーは教師に向いていない",
    "在日の奴らが役所を牛耳ってやりたい放題している",  # a deed chained to what the group goes on doing
    "難民が税金を食い物にしてのうのうと暮らしている",
    "フィリピン人が空き家を占拠して勝手に住み着いている",
    "中国人どもが土地を買い漁って値段をつり上げている",
    "この国の警察はもう在日に牛耳られている",  # the group as the agent of a passive takeover or ruin
    "うちの業界は中国人にすっかり乗っ取られてしまった",
    "日本人の若者は外国人に仕事を奪われている",
    "この団地は難民に占拠されている",
    "日本の水源地が中国人に買い占められつつある",
    "役人どもがクルド人に国を売り渡した",
    "日本に住んでいる中国人は嘘つきばかりだ",  # a clause that places the whole group in the country
]

NOT_DEMANDED_JA = [
    "ベトナム人の作業員が現場から出て行ったあと、工事は止まった",  # a report of what happened
    "中国人の観光客が連休を終えて母国に帰国した",
    "フィリピン人の家族が町内会から追い出された経緯を記者が取材した",  # done to them, passive
    "難民申請中の外国人を強制送還すべきかどうか、国会で議論が続いている",  # a debate
    "黒人の留学生をうちの大学に入学させる制度ができた",
    "ムスリムの人たちに二度と来るなとは言わない",  # denied
    "「同性愛者は職場から排除しろ」という投稿が削除された",  # someone else's words
    "在日の人を全員スパイ扱いする記事が批判された",
    "移民の若者を強盗予備軍と呼ぶのは偏見だ",
    "外が寒いから早く家に帰ってきてほしい",  # no group, and a welcome, not a removal
    "円安が日本の家計を駄目にしている",  # the same blame of a policy, no group
    "外国人実習生が企業に食い物にされている",  # the group is the victim
    "黒人が白人に土地を奪われた歴史を学んだ",
    "白人が黒人を支配していた時代の写真",  # a past told, not an ongoing deed
    "外国人観光客が来なくなってから商店街は荒れてしまった",  # a group that does not come is no cause
    "ブラジル人が来てから町の祭りはにぎやかになった",  # no ruin
    "北朝鮮政府のせいで拉致被害者の家族の生活はめちゃくちゃになった",  # a state, not its people
    "難民が増えたせいで治安が悪化したとは言えない",  # denied or reported right after
    "移民のせいで治安が悪くなったという主張は統計で否定された",
    "在日外国人が生活保護を不正受給しているというのはデマだ",
    "ロシア人が日本を乗っ取るなんてありえない",
    "難民のせいにして治安の悪化を語るのはやめよう",
    "犯罪被害に遭うのはほとんど外国人だ",  # the victims of a misdeed, not its doers
    "ボランティアに来ているのはほとんど外国人だ",  # no misdeed
    "クルド人がこの町を駄目にしているなんてただの偏見だ",  # denied
    "在日コリアンへの偏見がこの国から消えればいい",  # the wish is about the prejudice
    "戦争なんてこの世から消えればいい",
    "中国人の経営する工場が不況で潰れた",
    "移民の受け入れを増やさなければ地方の商店は潰れる",
    "ロシア人を野蛮な民族として描いた戦時中のポスター",  # a history's treatment of them
    "ブラジル人は陽気で踊りの好きな民族だ",
    "黒人の歌手をもっと紅白に出してほしい",  # a welcome
    "外国人の店員を雇うなという張り紙が問題になった",  # someone else's words
    "障害者を笑いものにする番組なんか映すな",  # the programme, not the group, kept off
    "隣の中国人は本当に無能だ",  # one person, or some, not the group as a whole
    "一部の移民は働かないが、大半は真面目に働いている",
    "首相の外国人政策は無能だ",  # a policy
    "在日は嘘つきだなんてただの偏見だ",  # denied, asked, quoted, reported
    "移民は泥棒ばかりなのだろうか",
    "ムスリムは野蛮なのか、現地で暮らして確かめた",
    "「難民は怠け者だ」と書いた議員が批判された",
    "女性は政治に向いていないという発言が批判された",
    "同性愛者は感情的だと言われるが根拠はない",
    "中国人は嘘つきではない",
    "女性は管理職に向いていないわけではない",
    "中国人が空き家を買い取って民泊を経営している",  # a chained deed that harms nobody
    "難民が税金を食い物にしていたと報じられたが誤報だった",  # a past told, reported
    "クルド人が治安を乱して逮捕されている",  # what is done to them after the deed
    "在日が役所を牛耳っていて、と書いた人が訴えられた",  # someone else's words
    "外国人の家族が悪徳業者に食い物にされている",  # the group suffers, another agent
    "うちの会社は去年ベトナム人の社長に買収された",  # a buyout told, one person
    "駅前で中国人に財布を奪われた",  # one theft told, not a people's holdings
    "この町はブラジル人の住民に支えられている",  # a good passive
    "日本人は移民に仕事を奪われているわけではない",  # denied after the clause's end
    "在日が生活保護を食い物にしている、なんて話はデマだ",
    "難民は恩知らずだ、とは言えない",
    "移民が税金を食い物にしているはずがない",
    "ゲイが芸能界を牛耳っている？そんな事実はない",
    "移民に国を乗っ取られる……なんてことはない",
    "上の階に引っ越してきた韓国人は本当に無能だ",  # one person picked out by a relative clause
    "さっき道を聞いてきた中国人が駅前を牛耳っている",
    "取材に応じてくれた在日の男性は差別に苦しめられている",
    "面接に来た外国人に事務所を占拠されている",
]


@pytest.mark.parametrize("text", DEMANDED + DEMANDED_JA)
@pytest.mark.slow
def test_a_demanded_removal_of_a_group_is_an_attack_on_it(text):
    sig = signal_dict(text)
    assert sig["hate_at_group"] > 0, text


@pytest.mark.parametrize("text", NOT_DEMANDED + NOT_DEMANDED_JA)
def test_a_reported_or_denied_removal_is_none(text):
    sig = signal_dict(text)
    assert sig["hate_at_group"] == sig["group_attack"] == sig["hate_statement_ja"] == 0, text


def test_a_gender_said_unfit_as_a_whole_is_a_hate_statement_without_a_group_word():
    # 女性 and 男性 name no group for hate_at_group (civil text names them everywhere); the generalisation reads them
    assert signal_dict("女性は管理職に向いていない")["hate_statement_ja"] > 0
    assert signal_dict("その女性は管理職に向いていないと本人が話した")["hate_statement_ja"] == 0


def test_a_denied_wish_to_remove_counts_as_denied_harm():
    sig = signal_dict("No one on this council wants the Roma driven out.")
    assert sig["denied_harm"] > 0 and sig["hate_statement_en"] == 0


def test_a_land_after_a_bare_can_is_a_possibility_not_a_demand():
    # the word list's "go back" still fires group_attack here; the construction does not
    assert signal_dict("Refugees can go back to Syria once the war is over.")["hate_statement_en"] == 0


def test_quoted_demand_counts_as_someone_elses_words():
    sig = signal_dict("上のコメントの「クルド人は出ていけ」はヘイトだと思う")
    assert sig["quoted_harm"] > 0 and sig["hate_statement_ja"] == 0


# session 45 (prof, s44): an exclusion by someone in charge, of a group, a people or a slur; what the group will not
# suffer, or a doing not the writer's to give, is none
IN_CHARGE = [
    "I'm the landlady here and Somalis need not apply.",
    "I'm the gaffer so Kurds won't be working on this site.",
    "As the coach I decide, and trannies won't be playing for my team.",
    "I own this cafe, so Sikhs aren't getting served while I'm here.",
    "I'm the one doing the hiring, so no Muslims, full stop.",
    "I'm the landlady so Kurds won't be renting from me.",
    "I'm the owner, so no Somalis in my cafe, end of.",
    "As the acting principal, I can say Kurds won't be teaching at this college.",
    "I'm the team captain and no Sikhs will ever play for my side.",
    # session 46: a rule in the next sentence, the writer's own refusal, a sacking rule, Travellers
    "I'm the landlady here. Kurds need not apply.",
    "I'm the gaffer here and Sikhs need not apply for the foreman's job.",
    "I'm the gaffer on this site. So, Somalis won't be working here.",
    "As the landlady, I won't let a flat to Kurds and never will.",
    "I'm the owner and we don't serve Sikhs here.",
    "As the gaffer I'll never take on a Somali lad, full stop.",
    "I'm the principal and any lecturer who turns out to be lesbian gets the sack.",
    "I run this garage, and if a mechanic comes out as gay, he's fired.",
    "I'm the licensee so travellers aren't getting served while I'm here.",
    "I'm the landlady here. Kurds can look elsewhere.",
    "As the principal, I won't have a Sikh lecturer teaching first years.",
    # session 47: the writer's role said by the hiring or the letting done, a club's officers; the writer's own word
    # reported before the rule stays the writer's
    "I do the hiring on this site and I won't take on a Kurdish lad.",
    "We handle the lettings and Somalis need not apply.",
    "I'm the club treasurer. Sikhs need not apply for the bar job.",
    "I'm the gaffer and, as I told the agency, Kurds need not apply.",
    "I'm the landlady and I've said it before, Somalis won't be renting here.",
    "I'm the gaffer and, whatever the agency says, Kurds need not apply.",
    "I'm the gaffer and, contrary to what the agency thinks, Kurds need not apply.",
    "As the landlady I'll never have Somalis living in my flats.",
    "As the landlady I'll never have Somalis living in my new flats.",
]
NOT_IN_CHARGE = [
    "I'm the landlady here and Somalis are as welcome to apply as anyone.",
    "I'm the gaffer so Kurds won't be treated any differently on this site.",
    "I'm the manager so Muslims won't be working during Ramadan unless they want to.",
    "I'm the landlady and time-wasters need not apply.",
    "I'm the gaffer so Sikhs won't be working on Vaisakhi.",
    "I'm the gaffer so women won't be working nights alone here.",
    "My landlady says Somalis need not apply, and I reported her.",
    "I'm the landlady here. She says Kurds need not apply, and I've told her to go.",
    "I'm the landlady here. Kurds need not apply to the council for a flat, the rules changed.",
    "I'm the gaffer. Sikh staff need not apply for a locker, there's one with their name on it.",  # read2: theirs
    "I'm the gaffer. Sikh staff need not apply for the foreman's job, Harjit already has it.",
    "As the landlady, I won't let a flat to Kurds any differently from anyone else.",
    "I'm the owner and we don't serve Sikhs only; we serve everyone.",
    "As the gaffer I'll never take on a Somali lad for less than the others get.",
    "I'm the principal and any lecturer who turns out to be a bully gets the sack.",
    "I'm the principal and any lecturer who is lesbian is out and proud here.",
    "I run this garage, and if a mechanic comes out as gay, he's backed all the way.",
    "I'm the station manager and travellers won't be getting a refund.",
    "I'm the landlady here. Kurds can look elsewhere if they like, but they're welcome here.",
    "As the principal, I won't have a Sikh lecturer teaching first years mocked for his turban.",
    # session 47: someone else's view in the role's sentence is theirs, not the writer's rule
    "I'm the gaffer and my foreman reckons Kurds won't be working here, he's wrong.",
    "I'm the landlady and the agent says Somalis need not apply, which I won't have.",
    "I'm the principal and one governor claimed Sikh lecturers won't be teaching here, but they do.",
    "My uncle does the hiring on this site and he won't take on a Kurdish lad, so I reported him.",
    # read2's round m (s47): how they would be treated, a grant in the next sentence, anything after "elsewhere,"
    "I'm the landlady. I won't have a Kurdish family living with damp.",
    "I'm the gaffer. I won't have a Sikh worker working unpaid overtime.",
    "I'm the landlady. Somali tenants need not bother. The deposit is waived for them.",
    "I'm the gaffer. Kurdish staff can work elsewhere, on full pay, while the canteen is refitted.",
    "I'm the gaffer. I won't have a Sikh worker working double shifts.",  # read2's round r: how, not where
    "I'm the principal. I won't have Kurdish pupils playing on their own.",
    "I'm the gaffer. I won't have a Sikh worker working my broken crane.",  # round t: a place that is a hardship
]


@pytest.mark.parametrize("text", IN_CHARGE)
def test_an_exclusion_by_someone_in_charge_is_an_attack(text):
    assert signal_dict(text)["hate_statement_en"] > 0, text


@pytest.mark.parametrize("text", NOT_IN_CHARGE)
def test_a_fair_rule_or_a_report_by_someone_in_charge_is_none(text):
    assert signal_dict(text)["hate_statement_en"] == 0, text


def test_whom_someone_in_charge_keeps_out_is_the_group_in_the_roles_sentence():
    """Session 46: a slur, Travellers, an identity said of staff or a group in the next sentence kept out by someone in
    charge is the group of the sentence where the role is said (hate_at_group); the slur's own reading is untouched."""
    for text in ("I'm the landlady here and homos need not apply.", "I'm the gaffer, so no dykes on this site, end of.",
                 "I'm the licensee so travellers aren't getting served while I'm here.",
                 "I'm the principal and any lecturer who turns out to be lesbian gets the sack.",
                 "I'm the landlady here. Kurds need not apply.",
                 "As the landlady, I won't let a flat to Kurds and never will."):
        sig = signal_dict(text)
        assert sig["hate_at_group"] > 0 and sig["group"] > 0, text
    assert signal_dict("I'm the gaffer, so no dykes on this site, end of.")["slur"] > 0
    # a group word aimed at in the role's own sentence: nothing added
    with_role = signal_dict("I'm the landlady here and Muslims need not apply.")
    alone = signal_dict("Muslims need not apply.")
    assert (with_role["group"], with_role["group_named"]) == (alone["group"], alone["group_named"])
    for text in ("I'm the licensee and travellers from the station get served first.",
                 "I'm the landlady here and homophobes need not apply."):
        sig = signal_dict(text)
        assert sig["hate_at_group"] == 0 and sig["group"] == 0, text
