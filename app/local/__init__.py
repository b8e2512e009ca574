"""The built-in local renderer: the SuperDuperAI contract served from this machine.

`server` is `framecast serve` (Starlette + uvicorn + sse-starlette);
`jobs` runs renders in worker processes (`worker`) and logs their SSE events;
`renderer` draws and encodes the clips; `catalogue` lists models and styles
and checks generation configs; `uploads` checks pictures; `records` keeps
files and their JSON shapes; `launcher` starts the server as a child process
for the CLI and the GUI.
"""
