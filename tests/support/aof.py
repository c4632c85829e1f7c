"""What a real server wrote to its append-only file: the commands of its incremental files, parsed from RESP."""

from pathlib import Path


def written_commands(folder):
    """[[command, arg, ...], ...] (text) of every incremental file in `folder`/appendonlydir, in the manifest's
    order (Redis 7 / Valkey multi-part AOF): what a replay after a restart would run since the base file."""
    aof_dir = Path(folder) / "appendonlydir"
    manifest = next(aof_dir.glob("*.manifest")).read_text().splitlines()
    names = [line.split()[1] for line in manifest if line.split()[-1] == "i"]  # "file <name> seq <n> type i"
    out = []
    for name in names:
        data = (aof_dir / name).read_bytes()
        at = 0
        while at < len(data):
            end = data.index(b"\r\n", at)
            count, at = int(data[at + 1:end]), end + 2  # "*<count>"
            command = []
            for _ in range(count):
                end = data.index(b"\r\n", at)
                size, at = int(data[at + 1:end]), end + 2  # "$<size>"
                command.append(data[at:at + size].decode(errors="replace"))
                at += size + 2
            out.append(command)
    return out
