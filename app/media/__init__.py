"""The media engine: frames, scrub strips and exports from video files, with no Qt.

Plain blocking functions on PyAV and Pillow, each safe to call from any
thread (every call opens its own decoder); the window runs them on worker
threads (app/ui/tasks.run_in_thread). What lives where:

- `probe`: the packet index of a file (frame times, keyframes, true end).
- `frames`: the exact frame at a time, the last frame, and PNGs of them.
- `scrub`: thumbnail strips for scrubbing, and their disk cache.
- `export`: a range as MP4 (copied when the cut allows it), GIF or WebM.
- `files`: atomic writes that never overwrite by surprise.
- `errors`: every failure, as typed errors.
"""

from __future__ import annotations

from app.media.errors import (
    DiskFullError,
    ExportCancelled,
    ExportFailedError,
    FolderNotWritableError,
    MediaError,
    OutOfRangeError,
    OutputExistsError,
    UnreadableVideoError,
    UnsupportedExportError,
)
from app.media.export import ExportKind, ExportResult, can_copy, export_clip, plan_cut
from app.media.frames import frame_at, last_frame, last_frame_png, save_frame_png
from app.media.probe import VideoInfo, probe
from app.media.scrub import ScrubCache, ScrubStrip, scrub_frames

__all__ = [
    "DiskFullError",
    "ExportCancelled",
    "ExportFailedError",
    "ExportKind",
    "ExportResult",
    "FolderNotWritableError",
    "MediaError",
    "OutOfRangeError",
    "OutputExistsError",
    "ScrubCache",
    "ScrubStrip",
    "UnreadableVideoError",
    "UnsupportedExportError",
    "VideoInfo",
    "can_copy",
    "export_clip",
    "frame_at",
    "last_frame",
    "last_frame_png",
    "plan_cut",
    "probe",
    "save_frame_png",
    "scrub_frames",
]
