"""The pieces of personal information a comment may hold, the acts that expose them, and whose they are."""

from __future__ import annotations

from moderation.pattern_cache import compiled
from moderation.targets.constructions import _G

ADDRESS = compiled(r"(?<=[一-龥ァ-ヶ])[市区町村郡][一-龥ぁ-んァ-ヶ]{0,10}?(?:\d{1,2}条[東西南北]?)?\d{1,4}"
                   r"(?:丁目(?:\d{1,4}(?:(?:番地?|-|−|ー|の)\d{0,4})?号?)?|番地|(?:-|−|ー|の)\d{1,4}"
                   r"(?:(?:番地?|-|−|ー|の)\d{0,4})?号?)")


ADDRESS_EN = compiled(r"(?<![a-z0-9])\d{1,5} [a-z]{2,20} (?:street|st|avenue|ave|road|rd|lane|ln|drive|dr"
                      r"|boulevard|blvd|court|ct|way|place|pl|terrace)(?![a-z])")


ROOM = compiled(r"(?<!\d)\d{2,4}号室|部屋番号")


POSTAL = compiled(r"〒\s?\d{3}-?\d{4}|(?<!\d)\d{3}-\d{4}(?!\d)|郵便番号\s?\d{3}-?\d{4}")


PHONE = compiled(r"(?<!\d)0[789]0-?\d{4}-?\d{4}(?!\d)|(?<!\d)0\d{1,3}-\d{2,4}-\d{4}(?!\d)")


EMAIL = compiled(r"(?<![a-z0-9._%+\-])[a-z0-9][a-z0-9._%+\-]{0,63}@[a-z0-9\-]{1,63}(?:\.[a-z0-9\-]{1,63}){1,4}")


# what every EMAIL match holds: the engine skips to each @ for this, EMAIL itself tries every position
EMAIL_NEEDED = compiled(r"@[a-z0-9\-]{1,63}\.[a-z0-9\-]")


PLACE = compiled(r"(?:小学校|中学校|中学|高校|高等学校|大学|学園|保育園|幼稚園|会社|病院|店|工場|"
                 r"役所|支店|営業所|塾|教室|学校|スーパー|コンビニ|ファミレス|居酒屋)(?:に|で|の)?" + _G
                 + r"{0,4}?(?:通って|通う|通学|在学|勤めて|勤務して|働いて|バイトして|レジ打って|パートして)")


# a private person's whereabouts named as such: their workplace, school, home, station, daily routine, real name
WHEREABOUTS = compiled(r"(?:勤務先|勤め先|職場|バイト先|実家|自宅|最寄り駅|通学路"
                       r"|通ってる(?:高校|学校|大学|中学)|下校時間|帰り道)(?:は|の|、|:|も|まで)|住んでる|住んでいる")


NAME_REVEAL = compiled(r"(?:本名|名前|フルネーム)(?:は|:|、|\s)\s?[一-龥]{2,5}(?=[、。,\s]|$|で|だ|って|さん)")


SCHEDULE = compiled(r"毎(?:朝|晩|夜|日|週)" + _G + r"{0,8}?(?:\d{1,2}時|[月火水木金土日]曜)")


# a private person's school class, named local school or job at a place: it says where to find one person only
# when a targeted person is named with it (県立南高校の吹奏楽部 / 市立病院の小児科 alone are news)
_SCHOOL = r"(?:小学校|中学校|中学|高校|高等学校|大学|学部|女子|学園|幼稚園|保育園)"


_WORKPLACE = (r"(?:病院|医院|銀行|信用金庫|会社|工場|店|美容室|整骨院|歯科|事務所|市役所|区役所|役場|郵便局|学校"
              r"|中学校|中学|高校|大学|幼稚園|保育園|コンサル|代理店|アパレル|スーパー|コンビニ|塾)")


# a place named or located by what comes before it (桜台中学校, 新宿の広告代理店, 近所の整骨院), looked at behind it
_NAMED_BEFORE = r"(?:(?<=[一-龥ァ-ヶー]{2})|(?<=近所の)|(?<=駅前の)|(?<=地元の)|(?<=[一-龥ァ-ヶー]の))"


AFFILIATION = compiled(
    _SCHOOL + r"の?\d{1,2}年(?:生|\d{1,2}組)?|(?<=[一-龥])[小中高]の\d{1,2}年|(?<!\d)\d{1,2}年\d{1,2}組"  # a class
    r"|(?:市立|県立|区立|私立|都立|府立|町立)[一-龥ぁ-んァ-ヶー]{1,8}?(?:小学校|中学校|高校|中学|女子|学園|高|小|中)"
    r"(?![一-龥])"  # a named local school
    r"|" + _NAMED_BEFORE + _WORKPLACE + r"(?:の?(?:[一-龥ァ-ヶー]{1,4}の)?[一-龥ァ-ヶー]{0,4}?"
    r"(?:看護師|店員|店長|支店長|院長|窓口|教師|講師|社員|職員|スタイリスト|経理|総務|バイト|パート|先生|保育士"
    r"|pta会長|勤務|夜勤)"  # a job at a place
    r"|(?:に|で)(?:勤めて|働いて|パートして|バイトして))"  # or working there
    r"|(?:学校|高校|大学|中学|職場|会社|勤務先|勤め先|家|自宅|実家|最寄り駅|本名|顔)(?:が|も)?"
    r"(?:わかった|分かった|わかってる|分かってる|特定)")  # found out


# someone singled out as a target: a commenter, the person the thread is angry at, or their family
TARGET_CTX = compiled(
    r"あいつ|アイツ|こいつ|コイツ|そいつ|コメ主|投稿主|投稿者|スレ主|中の人|上の(?:やつ|奴|女|男|人|コメ)"
    r"|この(?:アカウント|女|男|おばさん|おっさん|おじさん|ババア|ジジイ)"
    r"|(?:書いてる|書いてた|書いた|言ってる|コメントしてる|文句言ってる|反論してる|批判してる|批判してた|荒らしてる"
    r"|炎上した|叩かれてる|通報した|通報してきた|ぶってる|ぶってた|ぶった)(?:奴|やつ|女|男|主婦|学生|大学生|高校生|店員"
    r"|バイト|おばさん|おっさん|おじさん|隣人|アカウント|記者)")
# (session 34: the one who wrote the article, 記事書いた記者, and one mocked for pretending, 被害者ぶってる女, are
# singled out as much as 書いてる奴: with a workplace or a home and a call or a search beside them they are exposed)


# the writer speaking of themself or their own family (俺も駅前の病院の看護師だけど): not someone exposed
SELF_CTX = compiled(r"俺|私(?!立)|僕|自分|うちの|わたし|あたし|わし")  # not 私立 (a school's kind)


# a private person's school year or department told as hearsay about someone (〇〇高校の3年だって, 北高の2年
# らしい, 株式会社〇〇の営業部らしいよ) or their workplace told (勤務先らしいよ、…): where to find one person, passed
# on. A report names a school or company as the subject of its own sentence (〇〇高校の3年生が優勝した, 営業部が会見
# した), not as what someone is said to be (session 33)
_HEARSAY = (r"(?:なんだって|だって(?!、)|らしい|みたい|だそう|って噂|って話)(?=笑|[よねわぞ]|です|けど|から"
            r"|だ(?:[よね]|(?![ぁ-ん]))|$|[^ぁ-んァ-ヶ一-龥ー〇○0-9a-z])")  # the clause ends: no word goes on


_JOB = (r"(?:看護師|店員|店長|支店長|院長|窓口|教師|講師|社員|職員|スタイリスト|経理|総務|バイト|パート|先生"
        r"|保育士|勤務|夜勤|部|課|係)")


TOLD_AFFILIATION = compiled(
    r"(?:" + _SCHOOL + r"の?|(?<=[一-龥〇○])[小中高]の)\d{1,2}年(?:生)?(?:\d{1,2}組)?" + _HEARSAY
    + r"|" + _WORKPLACE + r"の?(?:[一-龥ァ-ヶー]{1,4}の)?[一-龥ァ-ヶー]{0,6}?" + _JOB + _HEARSAY
    + r"|(?:勤務先|勤め先|バイト先)" + _HEARSAY
    + r"|(?:勤務先|勤め先|職場|バイト先)(?:は|:|、|\s)" + _G + r"{0,12}?(?:会社|商事|銀行|病院|医院|歯科|店|工場|事務所"
    r"|高校|大学|中学|学校|部|課)" + _G + r"{0,6}?" + _HEARSAY)


_NEWS_SUBJECT = compiled(r"容疑者|犯人|被告|選手|監督|優勝|逮捕|報道|ニュース")


# a school yearbook (卒アル): a private person's photo and name, a piece only with an act of exposure beside it
YEARBOOK = compiled(r"(?:卒アル|卒業アルバム)(?:の写真)?を?(?:晒す(?!の|なんて|とか)|晒した|晒しとく|うp|アップ"
                    r"|貼|載せ|見つけた|持ってる人)")


# a vehicle's number plate (品川 300 あ 12-34): it identifies one person's car
PLATE = compiled(r"(?<![一-龥])[一-龥]{1,4}\s?\d{3}\s?[ぁ-ん]\s?\d{1,2}-\d{2}(?!\d)")


EXPOSE = compiled(r"晒(?:す|し|せ|そ|され)|特定(?:した|して|済|完了|できた|班|しよう)"
                  r"|(?:電|家|職場|会社に)?凸(?:する|して|し|ろ|った)"
                  r"|住所(?:を|晒|特定|割れ|わかった|分かった|知って|見つけ|も分か)|身バレ|個人情報(?:を)?晒|待ち伏せ"
                  r"|(?<![a-z])(?:dox|doxx|doxxed|his address is|her address is|lives at|home address"
                  r"|go visit (?:him|her|them))")


# going to or contacting someone: an act of exposure only when the text names the person or an identifying piece
APPROACH = compiled(r"(?:見|会い|顔見)に行(?:く|こう|って)|行ってみよう|で待って(?:れば|みる|る|て|よう)|捕まえよう"
                    r"|(?:職場|会社|学校|保護者|家族|教育委員会|学生課)に(?:苦情|連絡|電話|メール|手紙|バラ|通報|凸)"
                    r"|(?:行けば|行ったら|待ってれば)会える|狙い目|出てくる(?:から|ぞ|よ)|暴露|卒アル"
                    r"|電話(?:しまくろう|しよう|しといた|を集中)|(?:連絡|通報)しよう|送りまくろう|送ろう|送ってやれ"
                    r"|かけてやれ|バラして|バラす|チクろう|突き止め|調べたら|まとめた|貼っとく")


# a call on readers to punish someone (誰か懲らしめて): with a private person's piece it is posted to have them hurt
PUNISH = compiled(r"懲らしめ|制裁(?:を|して|しよう|しろ)|天誅|痛い目(?:に遭わせ|にあわせ|見せ)|思い知らせ")


PERSON_CTX = compiled(r"こいつ|コイツ|あいつ|アイツ|そいつ|この人|あの人|この女|この男|あの女|あの男|あの子|この子|"
                      r"奴の|やつの|"
                      r"犯人の|お前の|おまえの|(?<=[一-龥ァ-ヶー])(?:さん|くん|ちゃん|氏)の|娘|息子|嫁|旦那|奥さん|"
                      r"彼女の|彼氏の|元カノ|元カレ|元彼|元夫|元妻|元恋人|元交際相手|コメ主|投稿者|投稿主|上の(?:やつ|奴|女|男|人|コメ|書き込み)|"
                      r"反論してる|批判してる|書き込みした|"
                      r"(?<![a-z])(?:his|her|their|your) (?:address|phone|number|email|school|workplace|house)")


ORG_CTX = compiled(r"本社|本店|支社|庁舎|市役所|区役所|県庁|都庁|役場|警察署|消防署|裁判所|大使館|領事館|所在地|"
                   r"株式会社|"
                   r"（株）|\(株\)|有限会社|工場|店舗|会場|事務所|窓口|お問い合わせ|問い合わせ|受付|営業時間|代表電話|"
                   r"フリーダイヤル|公式|記者会見|開催|移転|オープン|駅|公園|センター|ホール|ビル|0120|0800|"
                   r"内閣府|官邸|議事堂|(?:外務|財務|法務|防衛|総務|環境|経済産業|国土交通|厚生労働|文部科学|農林水産)省|"
                   r"(?:警察|気象|消費者|金融|復興|デジタル)庁|協会|財団|機構|法人|相談|ダイヤル|ホームページ|郵送|編集部|お寄せ"
                   r"|ご意見|お知らせ|広報|担当者|(?<![a-z])(?:inc|ltd|llc|office|headquarters|hq)(?![a-z])")


PII_PATTERNS = (ADDRESS, ADDRESS_EN, ROOM, POSTAL, PHONE, EMAIL, PLACE, WHEREABOUTS, NAME_REVEAL, SCHEDULE, EXPOSE,
                APPROACH, AFFILIATION, PLATE, PUNISH, TOLD_AFFILIATION, YEARBOOK)
