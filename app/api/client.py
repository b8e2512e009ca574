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
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import time
from collections.abc import AsyncGenerator, Callable, Generator, Sequence
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
    AuthenticationError,
    BackendUnavailableError,
    InsufficientCreditsError,
    InvalidRequestError,
    NotFoundError,
    PagingError,
    ProtocolError,
    RateLimitedError,
    UnsafeUrlError,
)
from app.api.models import (
    MAX_UPLOAD_BYTES,
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
from app.logs import redact

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
IMAGE_TYPES = {
    b"\xff\xd8\xff": "image/jpeg",
    b"\x89PNG\r\n\x1a\n": "image/png",
}


def normalise_token(token: str | None) -> str | None:
    """Strip whitespace and a leading `Bearer ` that a user pasted."""
    if token is None:
        return None
    token = token.strip()
    if token.lower().startswith("bearer "):
        token = token[7:].strip()
    return token or None


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


def image_content_type(head: bytes) -> str | None:
    """The MIME type of a JPEG, PNG or WebP file from its first bytes, else None."""
    for magic, ctype in IMAGE_TYPES.items():
        if head.startswith(magic):
            return ctype
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


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


def _server_detail(response: httpx.Response) -> str:
    """The server's own explanation from an error body, kept short."""
    try:
        body = loads_bounded(response.content, what="error body")
    except ProtocolError:
        text = response.text.strip()
        return text[:300] if text and "<html" not in text.lower() else ""
    if isinstance(body, dict):
        for key in ("detail", "message", "error"):
            value = body.get(key)
            if isinstance(value, str):
                return value[:500]
            if isinstance(value, list) and value:
                parts = []
                for item in value[:5]:
                    if isinstance(item, dict):
                        loc = ".".join(str(p) for p in item.get("loc", [])[1:])
                        msg = str(item.get("msg", ""))
                        parts.append(f"{loc}: {msg}" if loc else msg)
                    else:
                        parts.append(str(item))
                return "; ".join(parts)[:500]
    return ""


def error_for_response(response: httpx.Response, *, secret: str | None = None) -> ApiError:
    """The typed error for a non-2xx answer. A server that echoes the
    credentials in its error text must not carry them into ours: `secret`
    (and every registered secret) in the server's detail is redacted."""
    status = response.status_code
    detail = redact(_server_detail(response), also=secret)
    where = f"{response.request.method} {response.request.url.path}"
    if status in (401, 403):
        return AuthenticationError(f"{where}: HTTP {status} {detail}".strip(), status=status)
    if status == 402:
        return InsufficientCreditsError(f"{where}: HTTP 402 {detail}".strip(), status=status)
    if status in (400, 409, 413, 415, 422):
        return InvalidRequestError(detail or f"HTTP {status}", status=status)
    if status == 404:
        return NotFoundError(f"{where}: HTTP 404", status=status)
    if status == 429:
        return RateLimitedError(
            f"{where}: HTTP 429", retry_after=parse_retry_after(response.headers.get("Retry-After"))
        )
    if status >= 500:
        return BackendUnavailableError(f"{where}: HTTP {status}", status=status)
    return ProtocolError(f"{where}: unexpected HTTP {status}", status=status)


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

    @property
    def has_token(self) -> bool:
        return self._token is not None

    def is_backend_url(self, url: str) -> bool:
        return origin_of(url) == self._origin

    def error_for(self, response: httpx.Response) -> ApiError:
        """The typed error for a non-2xx answer, with our token redacted from it."""
        return error_for_response(response, secret=self._token)

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
        """Upload a JPEG, PNG or WebP (at most 10 MB) as an image-to-video source."""
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise InvalidRequestError(
                f"can't read {path.name}: {exc.strerror}",
                user_message=f"Can't read the picture {path.name}.",
            ) from None
        if size > MAX_UPLOAD_BYTES:
            raise InvalidRequestError(
                f"{path.name} is {size / 1e6:.1f} MB; the limit is 10 MB",
                user_message=f"The picture {path.name} is larger than 10 MB. "
                "Use a smaller picture.",
            )
        data = path.read_bytes()
        ctype = image_content_type(data[:16])
        if ctype is None:
            raise InvalidRequestError(
                f"{path.name} is not a JPEG, PNG or WebP image",
                user_message=f"{path.name} is not a JPEG, PNG or WebP picture.",
            )
        response = await self._request(
            "POST",
            "file/upload",
            params={"type": "image"},
            files={"payload": (path.name, data, ctype)},
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
    ) -> AsyncGenerator[httpx.Response, None]:
        """Open `events/{channel}` (e.g. `file.<id>`) and yield the streaming
        response unread; the caller checks status and content type."""
        kind, _, ident = channel.partition(".")
        if kind not in ("file", "project"):
            raise UnsafeUrlError(f"unknown event channel kind {kind!r}")
        url = self.api_url(f"events/{kind}.{safe_id(ident)}")
        headers = {"Accept": "text/event-stream", "Cache-Control": "no-cache"}
        if last_event_id:
            headers["Last-Event-ID"] = last_event_id
        try:
            async with self.http.stream(
                "GET", url, headers=headers, auth=self._auth, timeout=STREAM_TIMEOUT
            ) as response:
                yield response
        except httpx.TimeoutException:
            raise BackendUnavailableError(f"events/{kind}: timed out") from None
        except httpx.TransportError as exc:
            raise BackendUnavailableError(f"events/{kind}: {type(exc).__name__}") from None
        except httpx.HTTPError as exc:  # a body that does not decode
            raise ProtocolError(f"events/{kind}: {type(exc).__name__}") from None

    @asynccontextmanager
    async def stream_download(
        self, url: str, *, start: int = 0
    ) -> AsyncGenerator[httpx.Response, None]:
        """Stream a result URL (any http(s) host; the token only goes to the
        backend's origin). With `start`, ask for the rest from that byte on."""
        check_http_url(url)
        headers = {"Range": f"bytes={start}-"} if start > 0 else {}
        try:
            async with self.http.stream(
                "GET",
                url,
                headers=headers,
                auth=self._auth,
                follow_redirects=True,
                timeout=httpx.Timeout(30.0, connect=10.0),
            ) as response:
                yield response
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
