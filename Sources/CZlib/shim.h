#ifndef CHARGESIM_CZLIB_SHIM_H
#define CHARGESIM_CZLIB_SHIM_H
#include <zlib.h>
#endif
