"""A comment's submit: its rate limits, record, queue entry and counters in one SUBMIT round trip."""

import functools
import time
from typing import NamedTuple

from moderation.random_ids import RandomIds
from moderation.store import RedisError
from moderation.store.articles import lua_string
from moderation.store.function_library import missing
from moderation.store.held_connection import evalsha_many, read, retried, send
from moderation.store.master_pipeline import run_on_master, run_one
from moderation.store.records import bucket_fields, documents, encode, encode_bytes, flat, full, risk_rank, split

STATUS = {"allow": "published", "review": "pending", "reject": "rejected"}
# Comments per SUBMIT_MANY script: a script holds the server for its whole run (~3 ms for 25), where a pipeline's
# scripts let other clients in between; 25 saved as much of the server's CPU as 100 (0.79 against 0.79-0.82 of
# a SUBMIT per comment, docs/benchmark.md).
MANY = 25
MAX_MODES = 10_000  # articles whose last mode (not open) a process remembers (last_mode), then it starts afresh


_TOKENS = RandomIds(8)  # attempt tokens drawn ahead of need


def attempt_token():
    """A submit call's attempt token (SUBMIT's ARGV[13]: 8 random bytes as hex), drawn 64 at a time: one getrandom
    system call per 64 comments, not one each (os.urandom(8).hex() cost 1.2 µs warm)."""
    return _TOKENS.take()


@functools.lru_cache(maxsize=4)
def _day(day_index):
    """YYYYMMDD of a UTC day (days since the epoch): the day's histogram key, worked out once a day, not per comment."""
    return time.strftime("%Y%m%d", time.gmtime(day_index * 86_400))


class Limited(NamedTuple):
    """SUBMIT's answer when a rate-limit counter went over: which one (1-based) and ms left in its window."""

    position: int
    left_ms: int


_TEXT = (str, bytes)


def _text(answer):
    """One comment's SUBMIT answer as text (its fields joined by '|': submit_lua)."""
    return answer if type(answer) is str else answer.decode()


def _stored(result):
    """Whether SUBMIT's result is a stored comment's, new or replayed (not an error, not a rate limit's refusal)."""
    return isinstance(result, _TEXT) and result[:1] not in ("-", b"-")


def _last_pending(results):
    """The pending fsync (store/append_only.py) the last SUBMIT_MANY of one exchange that ran ended its answers with."""
    return next((result[-1] for result in reversed(results) if isinstance(result, list)), "")


def _postponed(result):
    """The run_id SUBMIT ended a stored comment's answer with while its server's file write was postponed, else ''
    (store/append_only.py)."""
    if _stored(result):
        return _text(result).rpartition("|")[2]
    return ""


class Submissions:
    """ReviewQueue's submit path: SUBMIT's keys and arguments, one comment or many in one round trip."""

    def _submit_call(self, record, queued, charge):
        """SUBMIT's keys and arguments for one comment (the site's settings are in its script). Every argument is text:
        hiredis packs a str in half the time of an int or a float, into the same bytes; the record's JSON stays
        the bytes orjson wrote. A record build_record made (its parsed `comment` in it) is written in one pass
        (records.documents), any other split field by field (records.split): the same bytes."""
        if "comment" not in record:
            fields, doc = split(record, self.doc_fields)
            fields, doc = encode_bytes(flat(fields)), encode_bytes(doc) if doc else ""
        elif self.doc_fields:
            fields, doc = documents(record, encode(record["labels"]))
        else:  # MODERATION_RECORD_DOC=0: every field its own, in the record's order
            fields, doc = encode_bytes(flat(split(full(record), self.doc_fields)[0])), ""
        received = record["received_at"]
        day = _day(received // 86_400_000)
        buckets = bucket_fields(record["scores"])
        buckets = "|".join(buckets) if self.hist_joined else encode(buckets)  # one field, or one a label (earlier)
        keys = [self.record_key(record["id"]), f"{self._base}:hist:{day}"]
        # decision and labels: in the record's fields, which the script reads (two arguments fewer)
        args = [record["id"], "1" if queued else "0", str(risk_rank(record["risk"], received)), fields, buckets,
                str(self.now_ms()), self.standing.strike_points(record["decision"], record["labels"]),
                attempt_token(), doc]
        if charge is not None:
            keys += charge.keys
            args += charge.args
        return keys, args

    def submit_constants(self):
        """The site's settings as Lua constants of its own SUBMIT script (record ttls, breaker, standing): as
        arguments they were 15 of a comment's 33, each parsed and converted again at every comment; and its fixed
        keys and the starts of its author's and article's keys (submit_lua's K_*), all in the site's hash slot."""
        fixed = [self.key(name) for name in ("ready", "open", "audit", "stats", "events", "recent")]
        return ("local K_READY, K_OPEN, K_AUDIT, K_STATS, K_EVENTS, K_RECENT, K_INDEX = "
                + ", ".join(lua_string(key) for key in [*fixed, self.articles.index_key()]) + "\n"
                + f"local K_AUTHOR, K_AUTHORED = {lua_string(self.author_key(''))}, "
                + f"{lua_string(self.authored_key(''))}\n"
                + f"local TTL_PUBLISHED, TTL_RECORD = {self.published_ttl}, {self.record_ttl}\n"
                + f"local AUDIT_APART = {'false' if self.audit_in_events else 'true'}\n"
                + f"local STATE_EMPTY = {'false' if self.state_when_queued else 'true'}\n"
                + f"local HIST_APART = {'false' if self.hist_joined else 'true'}\n"
                + self.articles.submit_constants() + self.standing.submit_constants())

    @staticmethod
    def _answer(result, record):
        """(created, stored sha256) or Limited; a created record gets the decision the script settled on (an
        article's or an author's rule may have overridden the model's), its reason and the article's mode."""
        if isinstance(result, Exception):
            return result
        fields = _text(result).split("|")
        if fields[0] == "-1":
            return Limited(int(fields[1]), int(fields[2]))
        if fields[0] == "1" and len(fields) > 2:
            decision, reason = fields[2], fields[3] or None
            if reason:
                record.update(decision=decision, decision_reason=reason, status=STATUS[decision])
            record["article_mode"] = fields[4]
            if fields[5]:
                record["author_standing"] = fields[5]
        return fields[0] == "1", fields[1]

    def submit(self, record, *, queued, charge=None):
        """Count the comment's rate limits (a rate_limits.Charge), then store it, and queue it when flagged, in
        one step; returns (created, stored sha256), or Limited when a counter went over its limit. The record
        dict is updated with the decision the script settled on (see _answer)."""
        return self.submit_read(record, self.submit_send(record, queued=queued, charge=charge))

    def submit_send(self, record, *, queued, charge=None):
        """submit()'s first half: SUBMIT sent, its answer left for submit_read(record, what this returns), which must
        follow before this thread's next Redis call; the caller's work in between runs while the server runs the
        script. A held or rejected comment that waits for replicas is answered here already."""
        keys, args = self._submit_call(record, queued, charge)
        if record["decision"] != "allow" and self.min_replicas:
            result = self._submit.run(keys[0], keys, args, replicas=self.min_replicas, timeout_ms=self.wait_ms)
            return keys, result, True
        return keys, send(self.redis, self._submit, keys, args), False  # without a replica wait

    @staticmethod
    def submit_drop(sent):
        """What submit_send sent will not be read (the caller failed in between): its connection is not used again."""
        if not sent[2]:
            sent[1].drop()

    def submit_read(self, record, sent):
        """submit()'s answer to what submit_send sent (errors raised as submit raises them)."""
        keys, call, waited = sent
        result = call if waited else read(call)  # a replica wait's call was answered in submit_send
        self.append_only.wait(keys[0], _postponed(result))
        answer = self._answer(result, record)
        if (mode := record.get("article_mode")) is not None:
            self._note_mode(record["article_id"], mode)
        if not waited and self.min_replicas and not isinstance(answer, Exception | Limited) and (
                record["decision"] != "allow" or not answer[0]):
            # held or rejected by the article's or author's rule, or a replay (stored before: held, perhaps, and
            # refused then for want of a replica): acknowledged only once replicas have it (SUBMIT ran on another
            # connection: run_on_master's mark makes this WAIT cover it)
            run_one(self.redis, keys[0], lambda pipe: pipe.exists(keys[0]), replicas=self.min_replicas,
                    timeout_ms=self.wait_ms)
        return answer

    def last_mode(self, article_id):
        """The article's mode as this process's last SUBMIT reply for it gave it, when not open (else None): what
        comment_records.handle reads to skip making a view SUBMIT's reply will override."""
        return self._modes.get(article_id)

    def _note_mode(self, article_id, mode):
        modes = self._modes
        if mode == "open":
            modes.pop(article_id, None)
            return
        if len(modes) >= MAX_MODES:
            modes.clear()
        modes[article_id] = mode

    def submit_many(self, items):
        """submit() for many (record, queued, charge) in one round trip; an exception in place of a failed one.

        A SUBMIT_MANY (submit_lua._MANY) per MANY comments, all in one write to the site's master (every key of a
        site is in one slot): straight off the process's held connection on a plain client
        (held_connection.evalsha_many), else a pipeline (with min_replicas, then WAIT), after loading the site's
        library where the server lacks it. A call the server answers 'Function not found' or READONLY (a new node,
        flushed, failed over) is sent again that way, alone: the calls that ran are not (their comments would be
        charged twice and answered as replays). A call for many comments writes their counters and sets once and
        asks once whether its writes are in the append-only file; the last call's answer of each exchange covers the
        writes before it.
        """
        if not items:
            return []
        calls, sizes = [], []
        for start in range(0, len(items), MANY):
            part = [self._submit_call(record, queued, charge) for record, queued, charge in items[start:start + MANY]]
            keys, args, counts = [], [], [str(len(part))]
            for call_keys, call_args in part:
                keys += call_keys
                args += call_args
                counts += (str(len(call_keys)), str(len(call_args)))
            calls.append((self._submit_many, keys, counts + args))
            sizes.append(len(part))
        key = calls[0][1][0]
        results = None if self.min_replicas else evalsha_many(self.redis, calls)
        rounds = [] if results is None else [results]  # each exchange's answers (its writes' pending fsync)
        results = results or [None] * len(calls)
        for _ in range(2):  # a server that lost the library again in between is asked once more
            again = [n for n, result in enumerate(results) if result is None or retried(result)]
            if not again:
                break
            if any(missing(results[n]) for n in again):
                self._submit_many.library.load(key)
            # only the scripts not run: one that ran has charged its comments' limits, and again would answer replays
            sent = run_on_master(self.redis, key, lambda pipe, again=again: [
                calls[n][0](keys=calls[n][1], args=calls[n][2], client=pipe) for n in again],
                replicas=self.min_replicas, timeout_ms=self.wait_ms)
            rounds.append(sent)
            for n, result in zip(again, sent, strict=True):
                results[n] = result
        answers = []
        for size, result in zip(sizes, results, strict=True):
            if isinstance(result, Exception):  # the script itself was refused or failed: none of its comments counts
                answers += [result] * size
            else:
                answers += result[:-1]
        try:
            # a script's pending fsync covers the writes before it on its connection: the last of each exchange's
            for pending in dict.fromkeys(_last_pending(sent) for sent in rounds):
                self.append_only.wait(key, pending)
        except RedisError as error:  # what was stored is not acknowledged
            answers = [error if _stored(answer) else answer for answer in answers]
        return [self._answer(answer, item[0]) for item, answer in zip(items, answers, strict=True)]
