"""Every way the media engine (app.media) can fail, as typed errors.

```
MediaError                   anything app.media reports
 ├── UnreadableVideoError    the source is missing, not a video, or doesn't decode (path, reason)
 ├── OutOfRangeError         a time or range outside the clip, or empty (start, end, duration)
 ├── UnsupportedExportError  not mp4/gif/webm, or a kind this build can't encode (kind, reason)
 ├── OutputExistsError       the target exists and overwriting was not asked for (path)
 ├── FolderNotWritableError  the target folder is missing or refuses writes (folder, reason)
 ├── DiskFullError           no space left in the target folder (folder)
 ├── ExportFailedError       the written file did not come out as planned: not kept (path)
 └── ExportCancelled         the caller's cancel event was set; nothing was written (path)
```

Each carries the fields a caller needs to word it, and `user_message`, one
plain English sentence with the next step (the window words them in the
user's language from the fields). Texts are built from paths and numbers
only, never from anything secret.
"""

from __future__ import annotations

from pathlib import Path


class MediaError(Exception):
    """Base of every media error. `str(err)` is the engineer's text;
    `user_message` is what a creator should read."""

    user_message: str = "Something went wrong with this video file."


class UnreadableVideoError(MediaError):
    def __init__(self, path: Path, reason: str) -> None:
        self.path, self.reason = path, reason
        self.user_message = f"Framecast can't read the video {path.name} ({reason})."
        super().__init__(f"{path}: {reason}")


class OutOfRangeError(MediaError):
    def __init__(self, start: float, end: float | None, duration: float) -> None:
        self.start, self.end, self.duration = start, end, duration
        if end is None:
            what = f"{start:.3f} s is outside the clip"
        elif end <= start:
            what = f"the range {start:.3f}-{end:.3f} s is empty"
        else:
            what = f"the range {start:.3f}-{end:.3f} s is outside the clip"
        self.user_message = (
            f"That part is outside the video, which is {duration:.2f} s long. "
            "Choose a point or range inside it."
        )
        super().__init__(f"{what} (0-{duration:.3f} s)")


class UnsupportedExportError(MediaError):
    def __init__(self, kind: str, reason: str = "not a kind Framecast can export") -> None:
        self.kind, self.reason = kind, reason
        self.user_message = f"Framecast can't export {kind!r} videos here ({reason})."
        super().__init__(f"export kind {kind!r}: {reason}")


class OutputExistsError(MediaError):
    def __init__(self, path: Path) -> None:
        self.path = path
        self.user_message = f"{path.name} already exists. Choose another name, or replace it."
        super().__init__(f"{path} exists and overwrite was not asked for")


class FolderNotWritableError(MediaError):
    def __init__(self, folder: Path, reason: str) -> None:
        self.folder, self.reason = folder, reason
        self.user_message = f"Framecast can't save in {folder} ({reason}). Choose another folder."
        super().__init__(f"can't write in {folder}: {reason}")


class DiskFullError(MediaError):
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.user_message = (
            f"There is not enough disk space in {folder}. Free some space or choose another "
            "folder, then try again."
        )
        super().__init__(f"no space left in {folder}")


class ExportFailedError(MediaError):
    def __init__(self, path: Path, detail: str) -> None:
        self.path, self.detail = path, detail
        self.user_message = (
            f"The export of {path.name} did not come out right, so it was not saved."
        )
        super().__init__(f"{path}: {detail}")


class ExportCancelled(MediaError):
    user_message = "The export was cancelled; nothing was saved."

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"export to {path} cancelled")
