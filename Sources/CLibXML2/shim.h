#include <libxml/xmlversion.h>
/* Swift's Foundation carries its own ICU. libxml2's encoding.h would include the system
   ICU headers as well, and the two clash in any Swift file that imports both modules.
   Lectern never uses libxml2's ICU converters (only pointers to encoding handlers pass
   through its API), so the system ICU headers are left out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/entities.h>
#include <libxml/HTMLparser.h>
