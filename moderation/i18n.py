"""One small message catalog for the moderators' pages: Japanese by default, English by switch or header.

Every string the pages show comes from here (templates call ``_("key")``, scripts read the ``js`` subset
that the page embeds as JSON). The language is ``?lang=ja|en`` (remembered in the session), else the
browser's Accept-Language, else Japanese.
"""

from urllib.parse import urlencode

from flask import request, session

LANGUAGES = ("ja", "en")
DEFAULT = "ja"

MESSAGES = {
    "ja": {
        "app.title": "コメント審査",
        "nav.queue": "審査キュー",
        "nav.history": "履歴",
        "nav.logout": "ログアウト",
        "nav.language": "English",
        "nav.signed_in_as": "ログイン中: {name}({role})",
        "role.moderator": "モデレーター",
        "role.admin": "管理者",
        "login.title": "ログイン",
        "login.username": "ユーザー名",
        "login.password": "パスワード",
        "login.submit": "ログイン",
        "login.failed": "ユーザー名またはパスワードが正しくありません。",
        "login.throttled": "ログインの失敗が続いたため、しばらく待ってから再度お試しください({minutes}分後)。",
        "login.logged_out": "ログアウトしました。",
        "error.title": "エラー",
        "error.400": "リクエストが無効です。ページを再読み込みしてからやり直してください。",
        "error.403": "この操作を行う権限がありません。",
        "error.404": "見つかりません。",
        "error.back": "審査キューに戻る",
        "queue.title": "審査キュー",
        "queue.site": "サイト",
        "queue.order": "並び順",
        "queue.order.risk": "リスクの高い順",
        "queue.order.age": "古い順",
        "queue.label": "ラベル",
        "queue.label.all": "すべて",
        "queue.article": "記事ID",
        "queue.apply": "絞り込む",
        "queue.open": "未処理",
        "queue.oldest": "最古",
        "queue.claimed": "対応中",
        "queue.empty": "審査待ちのコメントはありません。",
        "queue.loading": "読み込み中…",
        "queue.selected": "{n}件選択中",
        "queue.bulk_approve": "選択を承認",
        "queue.bulk_reject": "選択を却下",
        "queue.help_button": "キー操作 (?)",
        "label.spam": "スパム",
        "label.abuse": "暴言",
        "label.other": "その他",
        "level.high": "高い",
        "level.medium": "中程度",
        "level.low": "低い",
        "card.article": "記事",
        "card.author": "投稿者",
        "card.history": "承認 {approved} / 却下 {rejected}",
        "card.received": "受信",
        "card.reasons": "判定の根拠",
        "card.select": "選択",
        "action.approve": "承認 (a)",
        "action.reject": "却下 (r)",
        "action.spam": "スパムとして却下 (s)",
        "action.skip": "スキップ",
        "action.cancel": "キャンセル",
        "action.undo": "元に戻す (u)",
        "reason.prompt": "却下の理由を選んでください (1–3、Esc でキャンセル)",
        "notice.approved": "承認しました。",
        "notice.rejected": "却下しました({reason})。",
        "notice.undo_hint": "{seconds}秒以内なら u で元に戻せます。",
        "notice.undone": "判定を取り消しました。",
        "notice.undo_expired": "元に戻せる時間を過ぎました。",
        "notice.nothing_to_undo": "元に戻せる判定はありません。",
        "notice.already_decided": "このコメントは既に {by} さんが{outcome}しています。",
        "notice.claimed_by_other": "このコメントは {by} さんが対応中です。",
        "notice.not_found": "このコメントは見つかりませんでした。",
        "notice.skipped": "スキップしました。",
        "notice.bulk_done": "{n}件を処理しました。",
        "notice.bulk_conflicts": "{n}件は他の人が処理済みでした。",
        "notice.session_expired": "セッションが切れました。再度ログインしてください。",
        "notice.network": "通信に失敗しました。もう一度お試しください。",
        "notice.reopened": "コメントを審査キューに戻しました。",
        "outcome.approved": "承認",
        "outcome.rejected": "却下",
        "keys.title": "キー操作",
        "keys.j": "次のコメント",
        "keys.k": "前のコメント",
        "keys.a": "承認(選択中があれば選択をまとめて)",
        "keys.r": "理由を選んで却下",
        "keys.s": "スパムとして却下",
        "keys.x": "選択 / 選択解除",
        "keys.u": "直前の判定を元に戻す(10秒以内)",
        "keys.help": "このヘルプを表示 / 閉じる",
        "keys.close": "閉じる (Esc)",
        "time.age": "{value}",
        "history.title": "判定履歴",
        "history.moderator": "モデレーター",
        "history.author": "投稿者ID",
        "history.article": "記事ID",
        "history.filter": "絞り込む",
        "history.when": "日時",
        "history.who": "担当",
        "history.what": "操作",
        "history.why": "理由",
        "history.comment": "コメントID",
        "history.empty": "該当する履歴はありません。",
        "history.older": "さらに古い履歴",
        "history.reopen": "再審査に戻す",
        "history.reopen_reason": "理由",
        "action.name.approved": "承認",
        "action.name.rejected": "却下",
        "action.name.undone": "取り消し",
        "action.name.reopened": "再審査",
        "action.name.auto_rejected": "自動却下",
        "skip": "本文へ移動",
    },
    "en": {
        "app.title": "Comment review",
        "nav.queue": "Queue",
        "nav.history": "History",
        "nav.logout": "Log out",
        "nav.language": "日本語",
        "nav.signed_in_as": "Signed in as {name} ({role})",
        "role.moderator": "moderator",
        "role.admin": "admin",
        "login.title": "Log in",
        "login.username": "Username",
        "login.password": "Password",
        "login.submit": "Log in",
        "login.failed": "Wrong username or password.",
        "login.throttled": "Too many failed logins. Please try again later (in {minutes} min).",
        "login.logged_out": "You have been logged out.",
        "error.title": "Error",
        "error.400": "The request was not valid. Reload the page and try again.",
        "error.403": "You are not allowed to do this.",
        "error.404": "Not found.",
        "error.back": "Back to the queue",
        "queue.title": "Review queue",
        "queue.site": "Site",
        "queue.order": "Order",
        "queue.order.risk": "Highest risk first",
        "queue.order.age": "Oldest first",
        "queue.label": "Label",
        "queue.label.all": "All",
        "queue.article": "Article id",
        "queue.apply": "Filter",
        "queue.open": "Open",
        "queue.oldest": "Oldest",
        "queue.claimed": "In progress",
        "queue.empty": "No comments are waiting for review.",
        "queue.loading": "Loading…",
        "queue.selected": "{n} selected",
        "queue.bulk_approve": "Approve selected",
        "queue.bulk_reject": "Reject selected",
        "queue.help_button": "Keys (?)",
        "label.spam": "spam",
        "label.abuse": "abuse",
        "label.other": "other",
        "level.high": "Likely",
        "level.medium": "Maybe",
        "level.low": "Unlikely",
        "card.article": "Article",
        "card.author": "Author",
        "card.history": "approved {approved} / rejected {rejected}",
        "card.received": "Received",
        "card.reasons": "Why",
        "card.select": "Select",
        "action.approve": "Approve (a)",
        "action.reject": "Reject (r)",
        "action.spam": "Reject as spam (s)",
        "action.skip": "Skip",
        "action.cancel": "Cancel",
        "action.undo": "Undo (u)",
        "reason.prompt": "Choose a reason (1–3, Esc to cancel)",
        "notice.approved": "Approved.",
        "notice.rejected": "Rejected ({reason}).",
        "notice.undo_hint": "Press u within {seconds} s to undo.",
        "notice.undone": "Decision undone.",
        "notice.undo_expired": "Too late to undo.",
        "notice.nothing_to_undo": "Nothing to undo.",
        "notice.already_decided": "This comment was already {outcome} by {by}.",
        "notice.claimed_by_other": "{by} is reviewing this comment.",
        "notice.not_found": "This comment was not found.",
        "notice.skipped": "Skipped.",
        "notice.bulk_done": "{n} comments done.",
        "notice.bulk_conflicts": "{n} had already been handled by someone else.",
        "notice.session_expired": "Your session has expired. Please log in again.",
        "notice.network": "The request failed. Please try again.",
        "notice.reopened": "The comment is back in the queue.",
        "outcome.approved": "approved",
        "outcome.rejected": "rejected",
        "keys.title": "Keyboard",
        "keys.j": "next comment",
        "keys.k": "previous comment",
        "keys.a": "approve (the selection, if any)",
        "keys.r": "reject with a reason",
        "keys.s": "reject as spam",
        "keys.x": "select / unselect",
        "keys.u": "undo your last decision (10 s)",
        "keys.help": "show / hide this help",
        "keys.close": "Close (Esc)",
        "time.age": "{value}",
        "history.title": "Decision history",
        "history.moderator": "Moderator",
        "history.author": "Author id",
        "history.article": "Article id",
        "history.filter": "Filter",
        "history.when": "When",
        "history.who": "Who",
        "history.what": "What",
        "history.why": "Why",
        "history.comment": "Comment id",
        "history.empty": "No matching decisions.",
        "history.older": "Older entries",
        "history.reopen": "Reopen",
        "history.reopen_reason": "Reason",
        "action.name.approved": "approved",
        "action.name.rejected": "rejected",
        "action.name.undone": "undone",
        "action.name.reopened": "reopened",
        "action.name.auto_rejected": "auto-rejected",
        "skip": "Skip to content",
    },
}

# The keys the page's script needs (embedded as JSON, so no string is hard-coded in JS either).
JS_PREFIXES = ("label.", "level.", "card.", "action.", "reason.", "notice.", "outcome.", "queue.")


def current_language():
    """?lang= (remembered in the session), else Accept-Language, else Japanese."""
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        session["lang"] = asked
        return asked
    if session.get("lang") in LANGUAGES:
        return session["lang"]
    return request.accept_languages.best_match(LANGUAGES, default=DEFAULT) or DEFAULT


def translate(key, lang=None, **values):
    """The message in the language (Japanese when missing); {name} placeholders filled from `values`."""
    lang = lang or current_language()
    text = MESSAGES.get(lang, {}).get(key) or MESSAGES[DEFAULT].get(key) or key
    return text.format(**values) if values else text


def js_messages(lang):
    return {k: v for k, v in MESSAGES[lang].items() if k.startswith(JS_PREFIXES)}


def register(bp):
    """Give one blueprint's templates `_`, `lang` and `other_lang` (only ours: other templates are untouched)."""

    @bp.context_processor
    def inject_i18n():
        lang = current_language()
        other = "en" if lang == "ja" else "ja"
        args = {**request.args.to_dict(), "lang": other}
        return {"_": lambda key, **values: translate(key, lang, **values), "lang": lang, "other_lang": other,
                "lang_url": f"{request.path}?{urlencode(args)}"}
