"""The pre-post nudge: what a commenter is shown before posting a comment that would be held or rejected for a
harm. Worded for the commenter, calm and specific to the harm, never accusing; self-harm gets support first.

The evidence spans are the explanation's (moderation/explain.py, already snapped to words) for the harm heads.
A site's article-category rule may bring its own wording (MODERATION_CATEGORY_POLICIES ... "nudge").
"""

from moderation.labels import CATEGORIES

MESSAGES = {
    "threat": {
        "ja": "この表現は、相手に危害を加えるという意味に受け取られるおそれがあります。"
              "強い気持ちは伝わる言い方に変えて、投稿前に見直してみませんか？",
        "en": "This wording could be read as a threat to harm someone. "
              "Would you like to rephrase it before posting, so your point comes across?",
    },
    "hate": {
        "ja": "この表現は、国籍・民族・性別などの属性を理由に人を傷つける可能性があります。"
              "投稿前に見直してみませんか？",
        "en": "This wording may hurt people because of who they are (nationality, ethnicity, gender and the like). "
              "Would you like to review it before posting?",
    },
    "harassment": {
        "ja": "この表現は、特定の人を傷つける可能性があります。投稿前に見直してみませんか？",
        "en": "This wording may hurt a particular person. Would you like to review it before posting?",
    },
    "sexual": {
        "ja": "性的な表現が含まれているようです。記事のコメント欄にふさわしい言い方か、投稿前に見直してみませんか？",
        "en": "This comment seems to contain sexual content. "
              "Would you like to check whether it suits an article's comment section before posting?",
    },
    "self_harm": {
        "ja": "つらい気持ちを抱えていませんか。一人で抱え込まず、話を聞いてもらうこともできます。"
              "よりそいホットライン（0120-279-338、24時間・無料）や、いのちの電話（0570-783-556）に"
              "相談してみてください。",
        "en": "Are you going through a hard time? You don't have to carry it alone. "
              "In Japan you can talk to Yorisoi Hotline (0120-279-338, free, 24 hours) "
              "or Inochi no Denwa (0570-783-556).",
    },
    "personal_info": {
        "ja": "住所・電話番号・メールアドレスなど、個人を特定できる情報が含まれているようです。"
              "ご自身や他の人を守るため、投稿前に見直してみませんか？",
        "en": "This comment seems to contain personal details such as an address, phone number or e-mail. "
              "To protect you and others, would you like to review it before posting?",
    },
    "defamation": {
        "ja": "事実と確かめられていない内容で、特定の人や団体の評判を傷つける可能性があります。"
              "根拠を添えるか、言い方を見直してみませんか？",
        "en": "This may harm the reputation of a person or organisation with claims that are not established. "
              "Would you like to add a source or rephrase it before posting?",
    },
    "abuse": {
        "ja": "この表現は、読む人を傷つける可能性があります。投稿前に見直してみませんか？",
        "en": "This wording may hurt the people who read it. Would you like to review it before posting?",
    },
}
# Which harm the wording speaks to when several crossed: support for self-harm first, then the gravest.
PRIORITY = ("self_harm", "threat", "hate", "personal_info", "sexual", "defamation", "harassment", "abuse")


def nudge_for(text, decision, harms, explanation, rule=None):
    """None, or {"category", "message": {"ja", "en"}, "spans"} for a comment held or rejected for a harm."""
    if decision == "allow" or not harms:
        return None
    category = min(harms, key=PRIORITY.index)
    message = dict(rule.nudge) if rule is not None and rule.nudge else dict(MESSAGES[category])
    return {"category": category, "message": message, "spans": spans(text, explanation, harms)}


def spans(text, explanation, harms):
    """The explanation's text spans for the harm heads, merged where they overlap, in reading order; a span of no
    letter or digit (a '>' of markup, a space, an '@') is no wording to revise, so the reader is not shown it."""
    wanted = set(harms) | ({*CATEGORIES} if "abuse" in harms else set())
    found = sorted((item["start"], item["end"], item["label"]) for item in explanation
                   if item.get("label") in wanted and "start" in item and item["end"] > item["start"])
    merged = []
    for start, end, label in found:
        if merged and start < merged[-1]["end"]:
            merged[-1]["end"] = max(merged[-1]["end"], end)
            continue
        merged.append({"start": start, "end": end, "category": label})
    shown = ({**span, "text": text[span["start"]:span["end"]]} for span in merged)
    return [span for span in shown if any(c.isalnum() for c in span["text"])]
