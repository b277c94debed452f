/* The public header must compile alone, as strict C11, with no warnings. */
#include <kohtaanto.h>

int kt_header_test_dummy(void);
int kt_header_test_dummy(void) {
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  kt_build_options b = KT_BUILD_OPTIONS_INIT;
  return (int)o.version + (int)b.version + KT_VERSION_NUMBER;
}
