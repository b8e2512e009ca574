"""A Framecast engine in a process of its own, for kill-and-restart tests.

    python -m tests.support.engine_child submit|resume|track FILE_ID

reads `FRAMECAST_CHILD_DATA` (data dir: `history.sqlite3` and `videos/`),
`FRAMECAST_CHILD_BACKEND` and `FRAMECAST_CHILD_TOKEN` from the environment.
`submit` sends one job and follows it until killed (or until it ends);
`resume` resumes every unfinished job of the history and follows them to the
end; `track` follows the job with that file id (as `framecast track` does).
Each finished job is printed on stdout as one JSON line `{"job_id", "state",
"path", "error"}`; `ready <job_id>` lines tell the parent what was submitted,
resumed or tracked.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

from app.api.client import SuperDuperClient
from app.api.models import GenerationRequest
from app.engine.config import EngineConfig
from app.engine.manager import JobManager
from app.store.history import AsyncHistoryStore, HistoryStore

CONFIG = EngineConfig(
    poll_interval=0.2,
    poll_interval_max=1.0,
    safety_poll_interval=1.0,
    sse_idle_timeout=0.5,
    sse_backoff_initial=0.05,
    sse_backoff_max=0.5,
    sse_refused_retry=0.5,
)
REQUEST = GenerationRequest(
    prompt="a lighthouse in a storm", generation_config_name="scripted/t2v", duration=1
)


async def main(mode: str, *args: str) -> int:
    data = Path(os.environ["FRAMECAST_CHILD_DATA"])
    history = AsyncHistoryStore(HistoryStore(data / "history.sqlite3"))
    client = SuperDuperClient(
        os.environ["FRAMECAST_CHILD_BACKEND"], os.environ["FRAMECAST_CHILD_TOKEN"]
    )
    manager = JobManager(client, history, videos_dir=data / "videos", config=CONFIG)
    try:
        if mode == "submit":
            job_ids = [await manager.submit(REQUEST)]
        elif mode == "track":
            job_ids = [await manager.track(args[0])]
        else:
            job_ids = await manager.resume_unfinished()
        for job_id in job_ids:
            print(f"ready {job_id}", flush=True)
        for job_id in job_ids:
            final = await manager.wait(job_id)
            print(
                json.dumps(
                    {
                        "job_id": job_id,
                        "state": str(final.state),
                        "path": final.path,
                        "error_kind": final.error_kind,
                    }
                ),
                flush=True,
            )
    finally:
        await manager.aclose()
        await client.aclose()
        await history.aclose()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1], *sys.argv[2:])))
