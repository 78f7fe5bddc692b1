#include "CMunge.h"
#include <munge.h>
#include <stdlib.h>
#include <sys/types.h>

int cmunge_encode(const char *socket, int ttl, long uid_restriction,
                  const void *payload, int payload_length, char **credential)
{
    munge_ctx_t ctx = munge_ctx_create();
    munge_err_t err;

    *credential = NULL;
    if (!ctx)
        return EMUNGE_NO_MEMORY;
    if (socket && (err = munge_ctx_set(ctx, MUNGE_OPT_SOCKET, socket)) != EMUNGE_SUCCESS)
        goto done;
    if (ttl > 0 && (err = munge_ctx_set(ctx, MUNGE_OPT_TTL, ttl)) != EMUNGE_SUCCESS)
        goto done;
    if (uid_restriction >= 0 &&
        (err = munge_ctx_set(ctx, MUNGE_OPT_UID_RESTRICTION, (uid_t) uid_restriction)) != EMUNGE_SUCCESS)
        goto done;
    err = munge_encode(credential, ctx, payload, payload_length);
done:
    munge_ctx_destroy(ctx);
    return err;
}

const char *cmunge_strerror(int error)
{
    return munge_strerror((munge_err_t) error);
}

void cmunge_free(void *p)
{
    free(p);
}
