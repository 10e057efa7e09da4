#ifndef CHARGESIM_COPENSSL_MACRO_SHIM_H
#define CHARGESIM_COPENSSL_MACRO_SHIM_H
// OpenSSL implements these as preprocessor macros, which Swift cannot import;
// each wrapper is one line that expands the macro.
#include <openssl/ssl.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

int chargesim_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version);
long chargesim_SSL_set_tlsext_host_name(SSL *ssl, const char *name);
long chargesim_BIO_pending(BIO *bio);
long chargesim_SSL_CTX_set_mode(SSL_CTX *ctx, long mode);
int chargesim_SSL_CTX_set_max_proto_version(SSL_CTX *ctx, int version);
uint64_t chargesim_SSL_CTX_disable_renegotiation(SSL_CTX *ctx);
int chargesim_ERR_GET_REASON(unsigned long code);
void chargesim_OPENSSL_free(void *pointer);
EVP_PKEY *chargesim_EVP_EC_gen(const char *curve);
EVP_PKEY *chargesim_EVP_RSA_gen(unsigned int bits);
long chargesim_BIO_get_mem_data(BIO *bio, char **data);
unsigned long chargesim_XN_FLAG_RFC2253(void);
// Not a macro: writes the next word of this thread's masking-key cache (refilled by RAND_bytes); 0 if OpenSSL failed.
int chargesim_masking_word(uint64_t *word);
#endif
