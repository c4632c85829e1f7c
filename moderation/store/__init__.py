"""The store: the only package that talks to Redis. One class per structure, owning its keys and its Lua."""
