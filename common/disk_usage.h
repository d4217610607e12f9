// Disk usage of a directory tree (database sizes for `stats` and `compact`).
#pragma once

#include <cstdint>
#include <string>

namespace dossier {

// Total bytes of the regular files under dir; unreadable entries count as 0.
uint64_t directory_size(const std::string& dir);

// For a failed write under `dir`: when its file system has less than
// `min_free` bytes available, a note saying so and what to do (starting with
// "; "), else "". Xapian reports a full disk only as "Error writing block N".
std::string low_disk_space_note(const std::string& dir, uint64_t min_free = uint64_t{256} << 20);

}  // namespace dossier
