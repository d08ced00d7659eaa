// libxml2 without its ICU-facing headers: Debian builds libxml2 with ICU, and its encoding.h
// would pull the system ICU headers into every Swift module that imports this one.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/// An external-entity loader that loads nothing: no file, no network, ever.
static inline xmlParserInputPtr np_no_external_entities(const char *url, const char *id, xmlParserCtxtPtr context) {
    (void)url; (void)id; (void)context;
    return NULL;
}

/// `xmlFree` is a global function pointer; Swift 6 cannot touch it safely, so call it from C.
static inline void np_xml_free(void *pointer) { xmlFree(pointer); }

static inline void np_xml_install_safe_loader(void) {
    xmlInitParser();
    xmlSetExternalEntityLoader(np_no_external_entities);
}
