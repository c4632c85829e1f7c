"""The commands clients send a real Redis while an action runs, read with MONITOR (round trips, not mocks)."""


def round_trips(rdb, action, scripts=None):
    """(action's result, the commands clients sent while it ran): MONITOR's lines, those run inside a script not
    counted, each EVALSHA (FCALL) named by its script's (function's) name in `scripts` ({sha or function name: name})
    when given."""
    stopper = rdb.client()
    stopper.ping()  # its own connection, opened before the count starts
    with rdb.monitor() as monitor:
        result = action()
        stopper.echo("round-trips-done")
        sent = []
        while (command := monitor.next_command())["command"] != "ECHO round-trips-done":
            if command["client_type"] != "lua":
                name, *args = command["command"].split()
                name = name.upper()
                sent.append(scripts.get(args[0], name) if scripts and name in ("EVALSHA", "FCALL") else name)
    return result, sent


def stray_command(port, *command):
    """Send one command from a client of no test (a plain socket, no password), as a client still retrying against a
    server its test stopped does once another server takes the port; the server's raw answer."""
    import socket

    packed = f"*{len(command)}\r\n" + "".join(f"${len(part.encode())}\r\n{part}\r\n" for part in command)
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(packed.encode())
        return sock.recv(512)
