#ifndef NEEDLEPOINT_CICUSHIM_H
#define NEEDLEPOINT_CICUSHIM_H

#include <stdint.h>

/// Folds UTF-8 text for lookup with ICU's NFKC_Casefold normalizer.
///
/// Writes at most `capacity` bytes of folded UTF-8 into `output` and returns the number of bytes
/// the folded text needs (which may exceed `capacity`: call again with a larger buffer), or -1 when
/// ICU reports an error (for example ill-formed input). The header carries no ICU types on purpose:
/// Foundation ships its own ICU, and its headers must never meet the system ones in one module.
int32_t np_nfkc_casefold_utf8(const char *input, int32_t length, char *output, int32_t capacity);

#endif
