"""The admin page's strings: the model, thresholds, categories, shadow mode, quiet hours and webhooks."""

MESSAGES = {
    "ja": {
        "admin.thresholds.title": "しきい値の調整",
        "admin.thresholds.chart_title": "{label}: しきい値ごとの適合率・再現率・1日あたりの件数",
        "admin.thresholds.intro": (
            "モデレーターの判定から計算した、しきい値ごとの適合率(キューに入ったうち本当に該当した割合)と再現率"
            "(該当したもののうちキューに入る割合)、そのしきい値で1日あたり審査キューに入る件数(直近7日の平均)で"
            "す。"
        ),
        "admin.thresholds.caveat": (
            "モデレーターが見るのは現在の審査しきい値以上のコメントだけです。そのため、現在の審査しきい値より下"
            "の曲線は読者からの通報だけに基づいており、実際より再現率が高く見えることがあります。"
        ),
        "admin.thresholds.takes_effect": (
            "保存するとこのサーバーではすぐに、他のワーカーでも{seconds}秒以内に反映され、監査ログに記録されま"
            "す。"
        ),
        "admin.thresholds.decided": "判定済み {decided}件(うち該当 {positives}件)",
        "admin.thresholds.precision": "適合率",
        "admin.thresholds.recall": "再現率",
        "admin.thresholds.volume": "1日あたりの件数(最大を1とした相対値)",
        "admin.thresholds.current_line": "点線: 現在の審査しきい値",
        "admin.thresholds.table_caption": "{label}のしきい値ごとの値",
        "admin.thresholds.threshold": "しきい値",
        "admin.thresholds.per_day": "1日あたりの件数",
        "admin.thresholds.review_now": "現在",
        "admin.thresholds.current": "現在のしきい値: 審査 {review} / 自動却下 {reject}",
        "admin.thresholds.review": "審査しきい値",
        "admin.thresholds.reject": "自動却下しきい値",
        "admin.thresholds.save": "保存",
        "admin.thresholds.saved": "{label}のしきい値を保存しました(審査 {review} / 自動却下 {reject})。",
        "admin.thresholds.invalid": (
            "{label}のしきい値が無効です。0 ≤ 審査 ≤ 自動却下 ≤ {max} の数値を入力してください。"
        ),
        "admin.thresholds.card": "モデルカードの既定値: 審査 {review} / 自動却下 {reject}",
        "admin.thresholds.card_none": "モデルカードに既定値なし(審査 0.5 / 自動却下 1.01 で判定)",
        "admin.categories.title": "被害カテゴリのしきい値",
        "admin.categories.intro": (
            "カテゴリごとの確率が審査しきい値以上なら審査キューへ(カテゴリ名がラベルに入ります)、自動却下しきい値"
            "以上なら自動で却下します。変更した行だけが保存され、変えていない行はモデルカードの値に従います。"
        ),
        "admin.categories.category": "カテゴリ",
        "admin.categories.card": "モデルカードの既定値(審査 / 自動却下)",
        "admin.categories.no_card": "なし(0.5 / 1.01 で判定)",
        "admin.categories.field": "{label}の{which}",
        "admin.categories.invalid": "{field}が無効です。0 から {max} までの数値を入力してください。",
        "admin.categories.order": "{label}: 審査しきい値({review})が自動却下しきい値({reject})を超えています。",
        "admin.categories.change": "{label}(審査 {review} / 自動却下 {reject})",
        "admin.categories.separator": "、",
        "admin.categories.saved": "カテゴリのしきい値を保存しました: {changes}。",
        "admin.categories.unchanged": "カテゴリのしきい値に変更はありません。",
        "admin.categories.save": "カテゴリのしきい値を保存",
        "admin.quiet.title": "夜間モード",
        "admin.quiet.schedule": "時間帯: {start}–{end} ({tz})",
        "admin.quiet.mode_lower": (
            "この時間帯は審査しきい値を{scale}倍に下げ、より多くのコメントを審査キューに回します。"
        ),
        "admin.quiet.mode_hold": "この時間帯はすべてのコメントを保留し、審査キューに回します。",
        "admin.quiet.now_active": "現在、夜間モードが有効です。",
        "admin.quiet.now_inactive": "現在は夜間モードの時間帯ではありません。",
        "admin.quiet.none": "夜間モードは設定されていません(MODERATION_QUIET_HOURS)。",
        "admin.model.title": "モデルの管理",
        "admin.model.serving": "このサーバーで稼働中のモデル: {version}",
        "admin.model.pinned": "指定中: {version}",
        "admin.model.shadow_on": "シャドーモード: {version} が並行して判定しています(結果には影響しません)。",
        "admin.model.shadow_off": "シャドーモードは停止しています。",
        "admin.model.rollback": "ロールバック(戻せるバージョンはありません)",
        "admin.model.rollback_to": "{version} にロールバック",
        "admin.model.versions": "バージョン",
        "admin.model.version": "バージョン",
        "admin.model.trained_at": "学習日時",
        "admin.model.heldout": "評価(検証用データ)",
        "admin.model.state": "状態",
        "admin.model.actions": "操作",
        "admin.model.parent": "元のバージョン: {version}",
        "admin.model.metric_summary": "{sets}セット平均 ROC-AUC {roc} / PR-AUC {pr}",
        "admin.model.retrain_summary": "再学習の比較: {compared}セット中{within}セットで許容範囲内",
        "admin.model.sets": "セットごとの結果",
        "admin.model.no_metrics": "評価結果なし",
        "admin.model.no_versions": "モデルがありません。",
        "admin.model.active": "稼働中",
        "admin.model.shadow": "シャドー",
        "admin.model.activate": "有効にする",
        "admin.model.start_shadow": "シャドーで試す",
        "admin.model.stop_shadow": "シャドーを停止",
        "admin.model.activated": "{version} を有効にしました。",
        "admin.model.rolled_back": "{version} にロールバックしました。",
        "admin.model.shadow_started": "{version} をシャドーモードで開始しました。",
        "admin.model.shadow_stopped": "シャドーモードを停止しました。",
        "admin.model.refused": "変更は拒否されました: {error}。稼働中のモデルはそのままです。",
        "admin.model.load_failed": "モデルを読み込めませんでした: {error}。稼働中のモデルはそのままです。",
        "admin.model.last_error": "直近の読み込みエラー: {error}",
        "admin.shadow.title": "シャドーモードの比較",
        "admin.shadow.intro": "シャドーのモデルが稼働中のモデルと異なる判定をした件数と、その内訳・直近の例です。",
        "admin.shadow.counts": "比較 {total}件、不一致 {disagree}件({rate}%)",
        "admin.shadow.transition": "稼働中「{active}」→ シャドー「{shadow}」: {count}件",
        "admin.shadow.samples": "直近の不一致",
        "admin.shadow.active_decision": "稼働中の判定",
        "admin.shadow.shadow_decision": "シャドーの判定",
        "admin.shadow.none": "比較の記録はまだありません。",
        "admin.decision.allow": "公開",
        "admin.decision.review": "審査",
        "admin.decision.reject": "却下",
        "admin.webhooks.title": "Webhook の配信状況",
        "admin.webhooks.delivered": "配信済み",
        "admin.webhooks.failed": "失敗した試行",
        "admin.webhooks.retrying": "再試行待ち",
        "admin.webhooks.dead": "配信不能",
        "admin.webhooks.last_error": "直近のエラー",
        "admin.webhooks.not_configured": "未設定",
        "admin.receipts.title": "削除依頼の受付メール",
        "admin.receipts.waiting": "送信待ち",
        "admin.receipts.due": "送信時刻を過ぎたもの",
        "admin.receipts.oldest": "最も長く待っているもの",
        "admin.receipts.stalled": "受付メールが{waited}送られていません。ワーカー(python -m moderation worker)が"
                                  "動いているか確認してください。",
        "admin.receipts.worker_silent": "受付メールを送るワーカー(python -m moderation worker)が"
                                        "{silent}動いていません。起動しているか確認してください。",
        "admin.receipts.worker_never": "受付メールを送るワーカー(python -m moderation worker)が"
                                       "まだ一度も動いていません。起動してください。",
        "admin.receipts.ms": "{m}分{s}秒",
        "admin.receipts.hm": "{h}時間{m}分",
        "admin.receipts.dh": "{d}日{h}時間",
    },
    "en": {
        "admin.thresholds.title": "Thresholds",
        "admin.thresholds.chart_title": "{label}: precision, recall and queue volume per day by threshold",
        "admin.thresholds.intro": (
            "From the moderators' decisions: precision (how many queued comments really were this) and recall ("
            "how many of those the queue catches) at each threshold, and how many comments a day each threshold"
            " would send to the queue (mean of the last 7 days)."
        ),
        "admin.thresholds.caveat": (
            "Moderators only see comments at or above the current review threshold, so below it the curve rests"
            " on reader reports only and recall may look better than it is."
        ),
        "admin.thresholds.takes_effect": (
            "Saving applies at once on this server and within {seconds} s on the other workers, and is written "
            "to the audit log."
        ),
        "admin.thresholds.decided": "{decided} decided ({positives} positive)",
        "admin.thresholds.precision": "Precision",
        "admin.thresholds.recall": "Recall",
        "admin.thresholds.volume": "Comments per day (relative to the highest)",
        "admin.thresholds.current_line": "Dashed: current review threshold",
        "admin.thresholds.table_caption": "{label} by threshold",
        "admin.thresholds.threshold": "Threshold",
        "admin.thresholds.per_day": "Comments per day",
        "admin.thresholds.review_now": "now",
        "admin.thresholds.current": "Current thresholds: review {review} / auto-reject {reject}",
        "admin.thresholds.review": "Review threshold",
        "admin.thresholds.reject": "Auto-reject threshold",
        "admin.thresholds.save": "Save",
        "admin.thresholds.saved": "Saved the {label} thresholds (review {review} / auto-reject {reject}).",
        "admin.thresholds.invalid": (
            "The {label} thresholds are not valid: enter numbers with 0 ≤ review ≤ auto-reject ≤ {max}."
        ),
        "admin.thresholds.card": "Model card default: review {review} / auto-reject {reject}",
        "admin.thresholds.card_none": "No default on the model card (decided at review 0.5 / auto-reject 1.01)",
        "admin.categories.title": "Harm category thresholds",
        "admin.categories.intro": (
            "A category's probability at or above its review threshold sends the comment to review (the category "
            "joins its labels); at or above its auto-reject threshold, the comment is rejected. Only the rows you "
            "change are saved; the others keep following the model card."
        ),
        "admin.categories.category": "Category",
        "admin.categories.card": "Model card default (review / auto-reject)",
        "admin.categories.no_card": "none (decided at 0.5 / 1.01)",
        "admin.categories.field": "{which} for {label}",
        "admin.categories.invalid": "Not valid: {field}. Enter a number from 0 to {max}.",
        "admin.categories.order": (
            "{label}: the review threshold ({review}) is above the auto-reject threshold ({reject})."
        ),
        "admin.categories.change": "{label} (review {review} / auto-reject {reject})",
        "admin.categories.separator": ", ",
        "admin.categories.saved": "Category thresholds saved: {changes}.",
        "admin.categories.unchanged": "No category threshold changed.",
        "admin.categories.save": "Save category thresholds",
        "admin.quiet.title": "Quiet hours",
        "admin.quiet.schedule": "Schedule: {start}–{end} ({tz})",
        "admin.quiet.mode_lower": (
            "During these hours the review thresholds are multiplied by {scale}, so more comments go to the que"
            "ue."
        ),
        "admin.quiet.mode_hold": "During these hours every comment is held for review.",
        "admin.quiet.now_active": "Quiet hours are on now.",
        "admin.quiet.now_inactive": "Quiet hours are not on now.",
        "admin.quiet.none": "No quiet hours are configured (MODERATION_QUIET_HOURS).",
        "admin.model.title": "Model",
        "admin.model.serving": "Serving on this server: {version}",
        "admin.model.pinned": "pinned: {version}",
        "admin.model.shadow_on": (
            "Shadow mode: {version} scores beside the active model (it never changes a decision)."
        ),
        "admin.model.shadow_off": "Shadow mode is off.",
        "admin.model.rollback": "Roll back (no earlier version)",
        "admin.model.rollback_to": "Roll back to {version}",
        "admin.model.versions": "Versions",
        "admin.model.version": "Version",
        "admin.model.trained_at": "Trained",
        "admin.model.heldout": "Held-out metrics",
        "admin.model.state": "State",
        "admin.model.actions": "Actions",
        "admin.model.parent": "retrained from {version}",
        "admin.model.metric_summary": "mean of {sets} sets: ROC-AUC {roc} / PR-AUC {pr}",
        "admin.model.retrain_summary": "retrain check: {within} of {compared} sets within tolerance",
        "admin.model.sets": "Per set",
        "admin.model.no_metrics": "no metrics",
        "admin.model.no_versions": "No model versions.",
        "admin.model.active": "active",
        "admin.model.shadow": "shadow",
        "admin.model.activate": "Activate",
        "admin.model.start_shadow": "Try in shadow",
        "admin.model.stop_shadow": "Stop shadow",
        "admin.model.activated": "{version} is now active.",
        "admin.model.rolled_back": "Rolled back to {version}.",
        "admin.model.shadow_started": "{version} now runs in shadow mode.",
        "admin.model.shadow_stopped": "Shadow mode stopped.",
        "admin.model.refused": "Refused: {error}. The active model is unchanged.",
        "admin.model.load_failed": "The model could not be loaded: {error}. The active model is unchanged.",
        "admin.model.last_error": "Last load error: {error}",
        "admin.shadow.title": "Shadow comparison",
        "admin.shadow.intro": (
            "How often the shadow model would have decided otherwise than the active one, how, and the latest e"
            "xamples."
        ),
        "admin.shadow.counts": "{total} compared, {disagree} disagreed ({rate}%)",
        "admin.shadow.transition": "active “{active}” → shadow “{shadow}”: {count}",
        "admin.shadow.samples": "Latest disagreements",
        "admin.shadow.active_decision": "Active decided",
        "admin.shadow.shadow_decision": "Shadow decided",
        "admin.shadow.none": "No comparisons recorded yet.",
        "admin.decision.allow": "publish",
        "admin.decision.review": "review",
        "admin.decision.reject": "reject",
        "admin.webhooks.title": "Webhook deliveries",
        "admin.webhooks.delivered": "Delivered",
        "admin.webhooks.failed": "Failed attempts",
        "admin.webhooks.retrying": "Waiting to retry",
        "admin.webhooks.dead": "Dead letters",
        "admin.webhooks.last_error": "Last error",
        "admin.webhooks.not_configured": "not configured",
        "admin.receipts.title": "Removal requests' receipt mails",
        "admin.receipts.waiting": "Waiting",
        "admin.receipts.due": "Past their time",
        "admin.receipts.oldest": "Longest wait",
        "admin.receipts.stalled": "Receipt mails have waited {waited} without being sent. Check that the worker "
                                  "(python -m moderation worker) is running.",
        "admin.receipts.worker_silent": "No worker (python -m moderation worker) has passed over the receipt mails for "
                                        "{silent}. Check that it is running.",
        "admin.receipts.worker_never": "No worker (python -m moderation worker) has passed over the receipt mails yet. "
                                       "Start one.",
        "admin.receipts.ms": "{m} min {s} s",
        "admin.receipts.hm": "{h} h {m} min",
        "admin.receipts.dh": "{d} d {h} h",
    },
}
