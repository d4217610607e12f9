// Pieces of the HTML reader that are useful on their own and worth testing
// directly; read_html() itself is declared in reader.h.
#pragma once

#include "indexer/readers/html_nesting.h"  // kMaxHtmlNesting, flatten_deep_nesting()
