"""Thread CPU per call of a text function, for the linear-growth tests' ratios measured in one run."""

import time


def cost(function, text, budget=0.01):
    """Thread CPU seconds per call, calls repeated until `budget` seconds so a tiny cost is not all overhead."""
    calls, start = 0, time.thread_time()
    while (spent := time.thread_time() - start) < budget:
        function(text)
        calls += 1
    return spent / calls
