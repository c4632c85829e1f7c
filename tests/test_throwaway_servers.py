"""The tests' throwaway servers survive a port race: free_port() only saw a port free, and on a loaded 2-core CI
machine another worker's connection or server can take it before valkey-server binds (CI run of 3710723)."""

import socket

from tests.support.topologies import Node


def test_a_server_whose_picked_port_was_taken_starts_on_another_and_restarts_on_its_own(tmp_path):
    node = Node(tmp_path / "node", bus=True)
    taken = node.port
    with socket.create_server(("127.0.0.1", taken)):  # another process got there first
        node.start()
        try:
            assert node.port != taken and node._answering()
            assert f"--cluster-port {node.bus}" in " ".join(node._args())
            node.kill()
            node.start()  # a restart keeps its port: clients and the other nodes know it
            assert node._answering() and f":{node.port}" in node.address
        finally:
            node.stop()


def test_a_server_whose_port_was_given_reports_why_it_could_not_start(tmp_path):
    with socket.create_server(("127.0.0.1", 0)) as holder:
        port = holder.getsockname()[1]
        node = Node(tmp_path / "node", port=port)
        try:
            node.start()
            raise AssertionError("started on a taken port")
        except AssertionError as error:
            assert f"server on {port} exited" in str(error) and "Address already in use" in str(error)
