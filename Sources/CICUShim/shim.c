#include "CICUShim.h"

#include <stdlib.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

int32_t np_nfkc_casefold_utf8(const char *input, int32_t length, char *output, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *fold = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) return -1;

    int32_t utf16Length = 0;
    status = U_ZERO_ERROR;
    u_strFromUTF8(NULL, 0, &utf16Length, input, length, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return -1;

    UChar *source = malloc(sizeof(UChar) * (size_t)(utf16Length + 1));
    if (source == NULL) return -1;
    status = U_ZERO_ERROR;
    u_strFromUTF8(source, utf16Length + 1, NULL, input, length, &status);
    if (U_FAILURE(status)) { free(source); return -1; }

    /* NFKC_Casefold can grow text; 3x plus slack covers every BMP expansion ICU documents. */
    int32_t foldedCapacity = utf16Length * 3 + 16;
    UChar *folded = malloc(sizeof(UChar) * (size_t)foldedCapacity);
    if (folded == NULL) { free(source); return -1; }
    status = U_ZERO_ERROR;
    int32_t foldedLength = unorm2_normalize(fold, source, utf16Length, folded, foldedCapacity, &status);
    free(source);
    if (U_FAILURE(status)) { free(folded); return -1; }

    int32_t needed = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8(output, capacity, &needed, folded, foldedLength, &status);
    free(folded);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return needed;
    if (U_FAILURE(status)) return -1;
    return needed;
}
