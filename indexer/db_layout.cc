#include "indexer/db_layout.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <xapian.h>

#include "common/schema.h"

namespace fs = std::filesystem;

namespace dossier {
namespace {

constexpr const char* kGenerationPrefix = "gen-";

int generation_number(const std::string& name) {
  if (name.rfind(kGenerationPrefix, 0) != 0) return -1;
  try {
    return std::stoi(name.substr(4));
  } catch (...) {
    return -1;
  }
}

}  // namespace

Status DatabaseLayout::ensure_exists() const {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) return Status::IOError("cannot create database directory " + dir_ + ": " + ec.message());
  if (fs::exists(stub_path(), ec)) return Status::OK();
  // A plain glass database in the directory (e.g. made by other tools): keep it.
  if (fs::exists(dir_ + "/iamglass", ec)) return Status::OK();
  std::string gen = next_generation();
  try {
    // The schema version goes in before the stub names the generation: a kill
    // right after publishing must not leave a database that looks foreign.
    Xapian::WritableDatabase db(gen, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
    db.set_metadata(std::string(schema::kMetaSchemaVersion), std::string(schema::kSchemaVersion));
    db.commit();
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot create database at " + gen + ": " + e.get_msg());
  }
  return publish(gen);
}

std::string DatabaseLayout::current_generation() const {
  std::ifstream in(stub_path());
  std::string line;
  while (std::getline(in, line)) {
    // "glass gen-000003"
    size_t sp = line.find(' ');
    if (sp == std::string::npos) continue;
    std::string name = line.substr(sp + 1);
    while (!name.empty() && (name.back() == '\r' || name.back() == ' ')) name.pop_back();
    if (generation_number(name) >= 0) return dir_ + "/" + name;
  }
  return {};
}

std::string DatabaseLayout::next_generation() const {
  int highest = 0;
  std::error_code ec;
  for (auto it = fs::directory_iterator(dir_, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
    highest = std::max(highest, generation_number(it->path().filename().string()));
  char name[32];
  std::snprintf(name, sizeof name, "%s%06d", kGenerationPrefix, highest + 1);
  return dir_ + "/" + name;
}

Status DatabaseLayout::publish(const std::string& generation_dir) const {
  std::string name = fs::path(generation_dir).filename().string();
  std::string tmp = stub_path() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << "glass " << name << "\n";
    out.flush();
    if (!out) return Status::IOError("cannot write " + tmp);
  }
  if (std::rename(tmp.c_str(), stub_path().c_str()) != 0)
    return Status::IOError("cannot replace " + stub_path() + ": " + std::strerror(errno));
  ::sync();  // the new stub and generation must be durable before old ones go
  std::error_code ec;
  for (auto it = fs::directory_iterator(dir_, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::string n = it->path().filename().string();
    if (generation_number(n) >= 0 && n != name) fs::remove_all(it->path(), ec);
  }
  return Status::OK();
}

}  // namespace dossier
