#ifndef CMUNGE_H
#define CMUNGE_H
#include <stddef.h>

/* munge_ctx_set() is variadic, so Swift cannot call it: this wrapper sets the options Slurm's
 * auth/munge uses and encodes one credential.
 * socket: NULL for munged's default socket; ttl: 0 for munged's default; uid_restriction: -1 for none.
 * On success returns 0 and *credential holds a malloc'd string the caller frees with free().
 * Otherwise returns the munge_err_t. */
int cmunge_encode(const char *socket, int ttl, long uid_restriction,
                  const void *payload, int payload_length, char **credential);

/* The text of a munge_err_t. */
const char *cmunge_strerror(int error);

void cmunge_free(void *p);

#endif
