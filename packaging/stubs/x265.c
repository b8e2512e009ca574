/*
 * Stand-in for libx265 in Framecast's desktop package.
 *
 * PyAV's FFmpeg links the x265 HEVC encoder (20 MB). Framecast never encodes
 * HEVC: its renderer writes H.264 with libx264, and HEVC *decoding* is
 * FFmpeg's own. This library keeps the file name and soname libavcodec
 * expects and answers "no x265 API here", so FFmpeg's libx265 encoder fails
 * to open with an error instead of the package carrying the real one.
 */
#include <stddef.h>

#define EXPORT __attribute__((visibility("default")))

/* The entry point carries x265's build number (X265_BUILD), which the
 * packaging step reads off libavcodec's imports and passes in. */
#ifndef X265_BUILD
#error "compile with -DX265_BUILD=<number>, as packaging/codec_stubs.py does"
#endif
#define PASTE(a, b) a##b
#define API_GET(build) PASTE(x265_api_get_, build)

/* const x265_api *x265_api_get_<build>(int bitDepth): NULL means "not available". */
EXPORT const void *API_GET(X265_BUILD)(int bit_depth) {
    (void)bit_depth;
    return NULL;
}
