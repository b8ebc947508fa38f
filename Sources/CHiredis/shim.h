// The hiredis client library (Debian: libhiredis-dev) as a Swift module. Only SextantBus's Connection
// folder imports it: everything else talks to Redis through `RedisConnection`.
#ifndef SEXTANT_CHIREDIS_SHIM_H
#define SEXTANT_CHIREDIS_SHIM_H
#include <hiredis/hiredis.h>
#endif
