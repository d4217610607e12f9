#include "common/db_dir.h"

#include <filesystem>

namespace dossier {

bool database_not_yet_created(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return false;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name != kIndexerLockName && name.rfind("gen-", 0) != 0) return false;
  }
  return !ec;
}

}  // namespace dossier
