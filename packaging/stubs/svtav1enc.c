/*
 * Stand-in for libSvtAv1Enc in Framecast's desktop package.
 *
 * PyAV's FFmpeg links the SVT-AV1 encoder (7 MB). Framecast never encodes
 * AV1 (its renderer writes H.264 with libx264; AV1 *decoding* is dav1d's,
 * which stays). Every entry point FFmpeg's libsvtav1 wrapper calls is here
 * and fails with EB_ErrorInvalidComponent ("no such encoder"), so that
 * encoder fails to open with an error instead of the package carrying the
 * real library.
 */
#include <stddef.h>
#include <stdint.h>

#define EXPORT __attribute__((visibility("default")))
#define EB_ERROR_INVALID_COMPONENT ((int32_t)0x80001004) /* EbSvtAv1ErrorCodes.h */

/* svt_av1_enc_init_handle(EbComponentType **handle, ...): the first call FFmpeg makes. */
EXPORT int32_t svt_av1_enc_init_handle(void **handle, void *a, void *b) {
    (void)a;
    (void)b;
    if (handle != NULL) {
        *handle = NULL;
    }
    return EB_ERROR_INVALID_COMPONENT;
}

#define FAILING(name) \
    EXPORT int32_t name(void) { return EB_ERROR_INVALID_COMPONENT; }

FAILING(svt_av1_enc_deinit)
FAILING(svt_av1_enc_deinit_handle)
FAILING(svt_av1_enc_get_packet)
FAILING(svt_av1_enc_get_stream_info)
FAILING(svt_av1_enc_init)
FAILING(svt_av1_enc_parse_parameter)
FAILING(svt_av1_enc_send_picture)
FAILING(svt_av1_enc_set_parameter)
FAILING(svt_av1_enc_stream_header)
FAILING(svt_av1_enc_stream_header_release)
FAILING(svt_add_metadata)

EXPORT void svt_av1_enc_release_out_buffer(void **buffer) {
    (void)buffer;
}

EXPORT void svt_metadata_array_free(void *metadata) {
    (void)metadata;
}
