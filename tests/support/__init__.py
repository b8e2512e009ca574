"""Test support: real loopback servers that script the backend contract.

`scripted_backend.ScriptedBackend` speaks /api/v1 and replays a script per
job, with every fault the engine must survive; `servers.CdnServer` is a second
origin for result files; `media.make_test_video` writes a tiny valid MP4;
`fixtures` exposes them to pytest.
"""
