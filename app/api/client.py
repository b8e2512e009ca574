"""The async HTTP client for the SuperDuperAI contract.

One `httpx.AsyncClient` serves every call (many jobs share it). The bearer
token is attached by `_OriginBearerAuth`, which only ever sends it to the
backend's own origin: result URLs on a CDN or any other host get no token,
and httpx drops the header itself on a redirect to another origin. The token
lives in one private attribute and never appears in a repr, a log line or an
error message.

Lists (configurations, styles, the account's files) come in pages: the client
follows each page's `next` cursor `{offset, limit}` until it is null, keeps
what parses and logs what it skips, and stops with a `PagingError` at a
cursor it has seen before or past `MAX_PAGES`.

The engine never sees httpx: every answer that is not a success becomes the
typed error of its status (`app.api.status`), and every broken connection a
`BackendUnavailableError`, for plain calls and for the two streams alike. The
live event stream (`open_event_stream`) yields the body's bytes once the
answer is a 200 `text/event-stream`; a video download (`stream_download`)
yields a `ByteStream`, the head the downloader checks and the body's bytes.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Generator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ValidationError

from app import __version__
from app.api.bounded_json import loads_bounded
from app.api.errors import (
    ApiError,
    BackendUnavailableError,
    InvalidRequestError,
    NotFoundError,
    PagingError,
    ProtocolError,
    UnsafeUrlError,
)
from app.api.images import check_source_image
from app.api.models import (
    Account,
    Catalogue,
    CreatedGeneration,
    FileObject,
    GenerationConfig,
    GenerationRequest,
    LibraryPage,
    NextCursor,
    Page,
    ProjectObject,
    Style,
    library_page,
    parse_created,
    parse_page,
    safe_id,
)
from app.api.status import MAX_ERROR_BODY_BYTES, error_for_status
from app.bearer import normalise_token

log = logging.getLogger("framecast.api")

M = TypeVar("M", bound=BaseModel)
QueryParams = list[tuple[str, str | int]]

API_PREFIX = "/api/v1"
#: Items asked for per page (the web app asks 100); servers may send fewer.
PAGE_LIMIT = 100
LIBRARY_PAGE_LIMIT = 50
#: A cursor asking for more than this per page is held to it.
MAX_PAGE_LIMIT = 1000
#: No real list is this long (the catalogue is tens of items, styles hundreds):
#: past it the server's paging is broken, and waiting longer would not help.
MAX_PAGES = 200
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
# A live event stream is quiet for long stretches: no read timeout, the engine
# watches for idleness itself.
STREAM_TIMEOUT = httpx.Timeout(connect=10.0, read=None, write=10.0, pool=10.0)
DOWNLOAD_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
#: How long the start of a streamed error answer is waited for (seconds).
ERROR_BODY_WAIT = 5.0


def origin_of(url: str | httpx.URL) -> tuple[str, str, int | None]:
    u = httpx.URL(str(url))
    port = u.port or {"http": 80, "https": 443}.get(u.scheme)
    return (u.scheme, u.host, port)


#: Longer than any real result URL (signed CDN links are 1-2 KB).
MAX_URL_CHARS = 8192


def check_http_url(url: str) -> str:
    """Refuse anything but a well-formed absolute http(s) URL (no file:, data:,
    ftp:, no broken IPv6 brackets, no port outside 0..65535, nothing huge):
    UnsafeUrlError, never the ValueError or InvalidURL the parsers raise."""
    if not isinstance(url, str) or len(url) > MAX_URL_CHARS:
        raise UnsafeUrlError(f"refused a URL longer than {MAX_URL_CHARS} characters")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port outside 0..65535
        httpx.URL(url)
    except (ValueError, httpx.InvalidURL) as exc:
        raise UnsafeUrlError(f"refused a malformed URL ({str(exc)[:80]})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeUrlError(f"refused a non-http(s) URL (scheme {parts.scheme or 'none'!r})")
    return url


@dataclass(frozen=True)
class ByteStream:
    """A successful streaming answer: what the engine needs of its head, and
    its body as it arrives. `url` is the final one (after redirects);
    `content_type` is the media type alone, lower case ("" when missing);
    `content_length` is None when missing or not a plain number."""

    status: int
    url: str
    content_type: str
    content_length: int | None
    content_range: str
    chunks: AsyncIterator[bytes]


def _media_type(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def _content_length(response: httpx.Response) -> int | None:
    length = response.headers.get("content-length", "")
    # isdigit() alone takes "²"; a length of thousands of digits is nonsense.
    if length.isascii() and length.isdigit() and len(length) <= 18:
        return int(length)
    return None


async def _head_of(response: httpx.Response, limit: int, wait: float) -> bytes:
    """At most `limit` bytes from the start of a streamed body, read for at
    most `wait` seconds: an error body that stalls or breaks off still gives
    its status, with whatever of the server's words arrived."""
    head = bytearray()
    try:
        async with asyncio.timeout(wait):
            async for chunk in response.aiter_bytes():
                head += chunk
                if len(head) >= limit:
                    break
    except (TimeoutError, httpx.HTTPError):
        pass
    return bytes(head[:limit])


@dataclass(frozen=True)
class Listing(Generic[M]):
    """A whole paged list: its items, and why each malformed one was left out."""

    items: list[M]
    skipped: list[str] = field(default_factory=list)


def _by_name(item: GenerationConfig | Style) -> str:
    return item.name


def _library_query(types: Sequence[str]) -> QueryParams:
    """`GET file`'s filters: `types` repeated once per type, as the SDK's
    generated client sends arrays; newest first."""
    return [*(("types", t) for t in types), ("order_by", "created_at"), ("order", "descendent")]


class _OriginBearerAuth(httpx.Auth):
    """Adds `Authorization: Bearer` only to requests for the backend's origin."""

    def __init__(self, origin: tuple[str, str, int | None], token: str | None) -> None:
        self._origin = origin
        self._token = token

    def __repr__(self) -> str:
        return "_OriginBearerAuth(<redacted>)"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self._token and origin_of(request.url) == self._origin:
            request.headers["Authorization"] = f"Bearer {self._token}"
        else:
            request.headers.pop("Authorization", None)
        yield request


class SuperDuperClient:
    """Typed access to one backend (the cloud, or the built-in renderer)."""

    def __init__(
        self,
        base_url: str,
        token: str | None,
        *,
        http: httpx.AsyncClient | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
    ) -> None:
        base_url = check_http_url(base_url.strip().rstrip("/"))
        self.base_url = base_url
        self._origin = origin_of(base_url)
        self._token = normalise_token(token)
        self._auth = _OriginBearerAuth(self._origin, self._token)
        self._owns_http = http is None
        self.http = http or httpx.AsyncClient(
            timeout=timeout,
            headers={"User-Agent": f"Framecast/{__version__}"},
            limits=httpx.Limits(max_connections=200, max_keepalive_connections=50),
        )

    def __repr__(self) -> str:
        return f"SuperDuperClient({self.base_url!r}, token={'set' if self._token else 'none'})"

    def error_for(self, response: httpx.Response, body: bytes | None = None) -> ApiError:
        """The typed error for a non-2xx answer (`app.api.status`), with our
        token redacted from it. `body` is what was read of a streamed answer."""
        request = response.request
        return error_for_status(
            response.status_code,
            f"{request.method} {request.url.path}",
            response.content if body is None else body,
            retry_after=response.headers.get("Retry-After"),
            secret=self._token,
        )

    async def _stream_error(self, response: httpx.Response) -> ApiError:
        """The typed error for a streamed non-2xx answer, from the start of its body."""
        head = await _head_of(response, MAX_ERROR_BODY_BYTES, ERROR_BODY_WAIT)
        return self.error_for(response, head)

    def api_url(self, path: str) -> str:
        return f"{self.base_url}{API_PREFIX}/{path.lstrip('/')}"

    async def aclose(self) -> None:
        if self._owns_http:
            await self.http.aclose()

    async def __aenter__(self) -> SuperDuperClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    # ------------------------------------------------------------------ plumbing

    async def _request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        url = self.api_url(path)
        try:
            response = await self.http.request(method, url, auth=self._auth, **kwargs)
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            raise BackendUnavailableError(
                f"{method} {path}: {type(exc).__name__}", request_sent=False
            ) from None
        except httpx.TimeoutException as exc:
            raise BackendUnavailableError(
                f"{method} {path}: timed out ({type(exc).__name__})"
            ) from None
        except httpx.TransportError as exc:
            raise BackendUnavailableError(f"{method} {path}: {type(exc).__name__}") from None
        except httpx.HTTPError as exc:  # a body that does not decode, too many redirects
            raise ProtocolError(f"{method} {path}: {type(exc).__name__}") from None
        log.debug("%s %s -> %s", method, path, response.status_code)
        if response.is_error:
            raise self.error_for(response)
        return response

    async def _get_model(self, path: str, model: type[M], **kwargs: Any) -> M:
        response = await self._request("GET", path, **kwargs)
        return self._validate(response, model)

    @staticmethod
    def _validate(response: httpx.Response, model: type[M]) -> M:
        what = response.request.url.path
        body = loads_bounded(response.content, what=f"{what}: answer")
        try:
            return model.model_validate(body)
        except ValidationError as exc:
            raise ProtocolError(
                f"{what}: answer does not match the contract: "
                f"{exc.error_count()} problem(s): "
                f"{exc.errors()[0]['loc']} {exc.errors()[0]['msg']}"
            ) from None

    async def _get_json(self, path: str, **kwargs: Any) -> object:
        response = await self._request("GET", path, **kwargs)
        try:
            return response.json()
        except ValueError:
            raise ProtocolError(f"{response.request.url.path}: answer is not JSON") from None

    # ------------------------------------------------------------------ paging

    async def _page(
        self, path: str, model: type[M], params: QueryParams, cursor: NextCursor
    ) -> Page[M]:
        query = [*params, ("limit", cursor.limit), ("offset", cursor.offset)]
        page = parse_page(await self._get_json(path, params=query), model, path)
        if page.skipped:
            log.warning(
                "%s: skipped %d malformed item(s) of a page; first: %s",
                path,
                len(page.skipped),
                page.skipped[0],
            )
        return page

    async def _collect(
        self, path: str, model: type[M], params: QueryParams, key: Callable[[M], str]
    ) -> Listing[M]:
        """Every item of a paged list: follow `next` until it is null, at most
        MAX_PAGES pages; a cursor seen before is a loop. Items that repeat
        (the list changed between pages) are kept once."""
        cursor = NextCursor(0, PAGE_LIMIT)
        seen_offsets: set[int] = set()
        items: dict[str, M] = {}
        skipped: list[str] = []
        for _ in range(MAX_PAGES):
            seen_offsets.add(cursor.offset)
            page = await self._page(path, model, params, cursor)
            skipped += page.skipped
            for item in page.items:
                items.setdefault(key(item), item)
            if page.next is None:
                return Listing(list(items.values()), skipped)
            if page.next.offset in seen_offsets:
                raise PagingError(
                    f"{path}: the next page cursor goes back to offset {page.next.offset}, "
                    "which was already read (the list loops)"
                )
            cursor = NextCursor(page.next.offset, min(page.next.limit, MAX_PAGE_LIMIT))
        raise PagingError(f"{path}: the list did not end after {MAX_PAGES} pages")

    # ------------------------------------------------------------------ catalogue

    async def list_generation_configs(self) -> Listing[GenerationConfig]:
        """Every configuration the service lists, video or not, usable or not
        (filter with `GenerationConfig.usable`); malformed ones are skipped."""
        params: QueryParams = [("order_by", "name"), ("order", "ascendent")]
        return await self._collect("generation-config", GenerationConfig, params, _by_name)

    async def list_models(self) -> list[GenerationConfig]:
        """The models Framecast can start: text to video and image to video."""
        return [c for c in (await self.list_generation_configs()).items if c.usable]

    async def list_style_listing(self) -> Listing[Style]:
        """Every style, with why any malformed one was left out."""
        params: QueryParams = [("order_by", "name"), ("order", "descendent")]
        return await self._collect("style", Style, params, _by_name)

    async def list_styles(self) -> list[Style]:
        return (await self.list_style_listing()).items

    async def get_account(self) -> Account | None:
        """The signed-in account (`user/me`), or None where the backend has no
        such call (404) or answers something that is not an account; other
        failures raise (see `account_if_known`)."""
        try:
            return await self._get_model("user/me", Account)
        except NotFoundError:
            return None
        except ProtocolError as exc:
            log.warning("user/me: ignoring an answer that is not an account: %s", exc.detail)
            return None

    async def account_if_known(self) -> Account | None:
        """The account for information only (balance, VIP): None, logged, on
        any failure, so that it never stops what it decorates."""
        try:
            return await self.get_account()
        except ApiError as exc:
            log.info("user/me: no account information (%s)", type(exc).__name__)
            return None

    async def load_catalogue(self) -> Catalogue:
        """Configurations, styles and the account, fetched side by side."""
        configs, styles, account = await asyncio.gather(
            self.list_generation_configs(), self.list_style_listing(), self.account_if_known()
        )
        return Catalogue(configs.items, styles.items, account, configs.skipped + styles.skipped)

    # ------------------------------------------------------------------ library

    async def list_library_page(
        self, offset: int = 0, limit: int = LIBRARY_PAGE_LIMIT, types: Sequence[str] = ("video",)
    ) -> LibraryPage:
        """One page of the account's files, newest first (`GET file`), keeping
        the finished videos; `next` is the following page's cursor or None."""
        if offset < 0 or not 1 <= limit <= MAX_PAGE_LIMIT:
            raise InvalidRequestError(f"bad library page: offset {offset}, limit {limit}")
        page = await self._page(
            "file", FileObject, _library_query(types), NextCursor(offset, limit)
        )
        return library_page(page)

    async def list_library(self, types: Sequence[str] = ("video",)) -> LibraryPage:
        """The whole library, every page followed (bounded like every list)."""
        listing = await self._collect("file", FileObject, _library_query(types), lambda f: f.id)
        return library_page(Page(listing.items, listing.skipped, None, None))

    async def delete_file(self, file_id: str) -> FileObject | None:
        """Delete a file from the account (`DELETE file/{id}`); returns the
        deleted file as the service describes it, or None for an empty answer."""
        response = await self._request("DELETE", f"file/{safe_id(file_id)}")
        if not response.content.strip():
            return None
        return self._validate(response, FileObject)

    # ------------------------------------------------------------------ files and jobs

    async def upload_image(self, path: Path) -> FileObject:
        """Upload a JPEG, PNG or WebP (at most 10 MB) as an image-to-video source.
        Raises UnusableImageError before sending a picture that would be refused."""
        image = check_source_image(path)
        data = await asyncio.to_thread(path.read_bytes)
        response = await self._request(
            "POST",
            "file/upload",
            params={"type": "image"},
            files={"payload": (path.name, data, image.content_type)},
        )
        return self._validate(response, FileObject)

    async def generate_video(self, request: GenerationRequest) -> CreatedGeneration:
        response = await self._request("POST", "file/generate-video", json=request.to_payload())
        return parse_created(loads_bounded(response.content, what="generate-video answer"))

    async def get_file(self, file_id: str) -> FileObject:
        return await self._get_model(f"file/{safe_id(file_id)}", FileObject)

    async def get_project(self, project_id: str) -> ProjectObject:
        return await self._get_model(f"project/{safe_id(project_id)}", ProjectObject)

    @asynccontextmanager
    async def open_event_stream(
        self, channel: str, *, last_event_id: str | None = None
    ) -> AsyncGenerator[AsyncIterator[bytes], None]:
        """Open `events/{channel}` (e.g. `file.<id>`) and yield its body's
        chunks as they arrive, once the answer is a 200 event stream.

        Raises the typed error of its status (`app.api.status`); a ProtocolError
        with the status for another success or content type; a
        BackendUnavailableError without a status for a connection that fails
        or breaks, opening or while the chunks are read."""
        kind, _, ident = channel.partition(".")
        if kind not in ("file", "project"):
            raise UnsafeUrlError(f"unknown event channel kind {kind!r}")
        url = self.api_url(f"events/{kind}.{safe_id(ident)}")
        headers = {"Accept": "text/event-stream", "Cache-Control": "no-cache"}
        if last_event_id:
            headers["Last-Event-ID"] = last_event_id
        where = f"events/{kind}"
        try:
            async with self.http.stream(
                "GET", url, headers=headers, auth=self._auth, timeout=STREAM_TIMEOUT
            ) as response:
                status = response.status_code
                if response.is_error:
                    raise await self._stream_error(response)
                if status != 200:
                    raise ProtocolError(f"{where}: HTTP {status}, not 200", status=status)
                ctype = _media_type(response)
                if ctype != "text/event-stream":
                    raise ProtocolError(
                        f"{where}: content type {ctype or 'missing'!r}", status=status
                    )
                yield response.aiter_bytes()
        except httpx.TimeoutException:
            raise BackendUnavailableError(f"{where}: timed out") from None
        except httpx.TransportError as exc:
            raise BackendUnavailableError(f"{where}: {type(exc).__name__}") from None
        except httpx.HTTPError as exc:  # a body that does not decode
            raise ProtocolError(f"{where}: {type(exc).__name__}") from None

    @asynccontextmanager
    async def stream_download(
        self, url: str, *, start: int = 0
    ) -> AsyncGenerator[ByteStream, None]:
        """Stream a result URL (any http(s) host; the token only goes to the
        backend's origin), following redirects. With `start`, ask for the rest
        from that byte on.

        Yields the answer when it is a success; raises the typed error of its
        status otherwise (`app.api.status`, the status kept), and
        BackendUnavailableError for a connection that fails or breaks, opening
        or while the chunks are read."""
        check_http_url(url)
        headers = {"Range": f"bytes={start}-"} if start > 0 else {}
        try:
            async with self.http.stream(
                "GET",
                url,
                headers=headers,
                auth=self._auth,
                follow_redirects=True,
                timeout=DOWNLOAD_TIMEOUT,
            ) as response:
                if not 200 <= response.status_code < 300:
                    raise await self._stream_error(response)
                yield ByteStream(
                    status=response.status_code,
                    url=str(response.url),
                    content_type=_media_type(response),
                    content_length=_content_length(response),
                    content_range=response.headers.get("content-range", ""),
                    chunks=response.aiter_bytes(),
                )
        except httpx.TimeoutException:
            raise BackendUnavailableError("download timed out") from None
        except httpx.TransportError as exc:
            raise BackendUnavailableError(f"download failed: {type(exc).__name__}") from None
        except httpx.TooManyRedirects:
            raise ProtocolError("download: too many redirects") from None
        except httpx.HTTPError as exc:  # a body that does not decode
            raise ProtocolError(f"download failed: {type(exc).__name__}") from None
        except httpx.InvalidURL:  # a redirect to an address that does not parse
            raise UnsafeUrlError("download redirected to a malformed URL") from None
