#include "common/disk_usage.h"

#include <filesystem>

namespace dossier {

uint64_t directory_size(const std::string& dir) {
  namespace fs = std::filesystem;
  uint64_t total = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  return total;
}

std::string low_disk_space_note(const std::string& dir, uint64_t min_free) {
  std::error_code ec;
  const std::filesystem::space_info space = std::filesystem::space(dir, ec);
  if (ec || space.available >= min_free) return {};
  return "; the disk holding " + dir + " has only " + std::to_string(space.available >> 20) +
         " MB free: free space (a merge needs about the database's size again) and run the same command, "
         "which resumes from the indexed shards";
}

}  // namespace dossier
