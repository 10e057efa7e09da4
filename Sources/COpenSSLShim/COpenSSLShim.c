#include "COpenSSLShim.h"
#include <openssl/ec.h>
#include <openssl/rsa.h>
#include <openssl/rand.h>

int chargesim_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_min_proto_version(ctx, version);
}

long chargesim_SSL_set_tlsext_host_name(SSL *ssl, const char *name) {
    return SSL_set_tlsext_host_name(ssl, name);
}

long chargesim_BIO_pending(BIO *bio) {
    return (long)BIO_pending(bio);
}

long chargesim_SSL_CTX_set_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_mode(ctx, mode);
}

int chargesim_SSL_CTX_set_max_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_max_proto_version(ctx, version);
}

uint64_t chargesim_SSL_CTX_disable_renegotiation(SSL_CTX *ctx) {
    return SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION);
}

int chargesim_ERR_GET_REASON(unsigned long code) {
    return ERR_GET_REASON(code);
}

void chargesim_OPENSSL_free(void *pointer) {
    OPENSSL_free(pointer);
}

EVP_PKEY *chargesim_EVP_EC_gen(const char *curve) {
    return EVP_EC_gen(curve);
}

EVP_PKEY *chargesim_EVP_RSA_gen(unsigned int bits) {
    return EVP_RSA_gen(bits);
}

long chargesim_BIO_get_mem_data(BIO *bio, char **data) {
    return BIO_get_mem_data(bio, data);
}

unsigned long chargesim_XN_FLAG_RFC2253(void) {
    return XN_FLAG_RFC2253;
}

// WebSocket masking keys (RFC 6455 section 10.3): 64 words drawn per RAND_bytes call and
// handed out one by one, from a cache per thread: a client connection keeps no key state of its
// own (issue 11: memory per idle charger), and a thread never shares its words with another.
// 64, not 8: RAND_bytes costs mostly per call (the thread's DRBG, its locks and reseed checks),
// and a fleet sends one key per frame (issue 11: CPU per MeterValues); 512 bytes per thread.
#define CHARGESIM_MASKING_WORDS 64
int chargesim_masking_word(uint64_t *word) {
    static _Thread_local uint64_t words[CHARGESIM_MASKING_WORDS];
    static _Thread_local int used = CHARGESIM_MASKING_WORDS;
    if (used == CHARGESIM_MASKING_WORDS) {
        if (RAND_bytes((unsigned char *)words, (int)sizeof(words)) != 1) {
            return 0;
        }
        used = 0;
    }
    *word = words[used];
    words[used] = 0;
    used += 1;
    return 1;
}
