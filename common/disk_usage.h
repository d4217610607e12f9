// Disk usage of a directory tree (database sizes for `stats` and `compact`).
#pragma once

#include <cstdint>
#include <string>

namespace dossier {

// Total bytes of the regular files under dir; unreadable entries count as 0.
uint64_t directory_size(const std::string& dir);

}  // namespace dossier
