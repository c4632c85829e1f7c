"""README, Production, Backups: the append-only files copied from a running Redis as the README says (rewrites off
for the copy, none in progress) hold every comment answered before the copy began, and a server started on the
copy serves them: the Redis side of the procedure, on the project's Valkey (the docker lines around it are not run
here: no Docker engine)."""

import shutil
import threading
import time

import pytest

from tests.support.servers import RedisProcess


@pytest.mark.slow  # two servers, ~150 comments
def test_a_copy_of_the_append_only_files_taken_under_writes_restores_every_answered_comment(
        make_app, own_redis, auth, comment, thresholds, tmp_path):
    client = make_app(own_redis.url, THRESHOLDS=thresholds.flag_all, RATE_LIMITS="").test_client()

    def post(n):
        body = comment(f"バックアップ中のコメント {n} です。")
        answer = client.post("/api/v1/comments", json=body, headers=auth)
        assert answer.status_code == 200 and answer.json["decision"] == "review", answer.text
        return body["id"]

    answered = [post(n) for n in range(100)]
    admin = own_redis.client()
    before = admin.config_get("auto-aof-rewrite-percentage")["auto-aof-rewrite-percentage"]
    admin.config_set("auto-aof-rewrite-percentage", 0)  # README: no rewrite while the files are copied
    admin.bgrewriteaof()  # one running when the copy is asked for: the README's wait covers it
    while int(admin.info("persistence")["aof_rewrite_in_progress"]):
        time.sleep(0.05)
    stop, during = threading.Event(), []
    writer = threading.Thread(target=lambda: [during.append(post(f"w{n}")) for n in range(50) if not stop.is_set()])
    writer.start()  # the site keeps posting while the folder is copied
    copied = shutil.copytree(own_redis.folder / "appendonlydir", tmp_path / "backup" / "appendonlydir")
    stop.set()
    writer.join()
    admin.config_set("auto-aof-rewrite-percentage", before)
    restored = RedisProcess(tmp_path / "backup")  # started on the copy, as the restore's server would be
    assert restored.folder / "appendonlydir" == copied
    restored.start()
    try:
        reader = make_app(restored.url, THRESHOLDS=thresholds.flag_all).test_client()
        for comment_id in answered:
            stored = reader.get(f"/api/v1/comments/{comment_id}", headers=auth)
            assert stored.status_code == 200 and stored.json["status"] == "pending", (comment_id, stored.text)
        queue = reader.get("/api/v1/queue", headers=auth).json
        assert len(answered) <= queue["open"] <= len(answered) + len(during), queue
    finally:
        restored.stop()
