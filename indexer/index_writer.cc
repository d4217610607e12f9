#include "indexer/index_writer.h"

#include <filesystem>
#include <fstream>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/db_dir.h"
#include "common/schema.h"
#include "indexer/db_layout.h"

namespace dossier {

Status status_from_xapian(const Xapian::Error& e, const std::string& db_path) {
  const std::string type = e.get_type();
  if (type == "DatabaseLockError")
    return Status::Locked("database " + db_path + " is locked by another indexer; wait for it to finish");
  if (type == "DatabaseNotFoundError" || type == "DatabaseOpeningError")
    return Status::NotFound("no Dossier database at " + db_path + " (" + e.get_msg() + "); run `dossier index DIR --db " + db_path + "` first");
  if (type == "DatabaseCorruptError")
    return Status::Corruption("database " + db_path + " is corrupt (" + e.get_msg() + "); rebuild it with `dossier index`");
  if (type == "DatabaseVersionError")
    return Status::Corruption("database " + db_path + " was written by an incompatible Xapian version; rebuild it");
  return Status::IOError("database " + db_path + ": " + type + ": " + e.get_msg());
}

namespace {

// Xapian's own lock says only "locked"; this one, taken first, says by whom.
// flock() is released by the kernel when the process dies, even on kill -9.
Status take_indexer_lock(const std::string& db_path, int* fd_out) {
  std::string lock_path = db_path + "/" + kIndexerLockName;
  int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IOError("cannot create lock file " + lock_path + ": " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    char buf[32] = {0};
    ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
    ::close(fd);
    std::string pid = n > 0 ? std::string(buf, static_cast<size_t>(n)) : "unknown";
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    return Status::Locked("database " + db_path + " is locked by another indexer (pid " + pid +
                          "); wait for it to finish");
  }
  std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) < 0) {
    // The pid is only informative; the lock itself is held.
  }
  *fd_out = fd;
  return Status::OK();
}

}  // namespace

Status IndexWriter::Open(const std::string& db_path, std::unique_ptr<IndexWriter>* out) {
  std::error_code ec;
  if (std::filesystem::exists(db_path, ec) && !std::filesystem::is_directory(db_path, ec))
    return Status::InvalidArgument("--db " + db_path + " is a file, not a database directory; choose another path");
  bool existed = std::filesystem::exists(db_path, ec) && !std::filesystem::is_empty(db_path, ec);
  // A first run killed before it published the database left only its lock
  // file and a generation folder: this run creates the database anew.
  if (existed && !std::filesystem::exists(db_path + "/XAPIANDB", ec) && !std::filesystem::exists(db_path + "/iamglass", ec) &&
      !database_not_yet_created(db_path))
    return Status::InvalidArgument("--db " + db_path + " is a folder that is not a Dossier database; choose a new or empty path");
  std::filesystem::create_directories(db_path, ec);
  if (ec) return Status::IOError("cannot create database directory " + db_path + ": " + ec.message());
  int lock_fd = -1;
  Status locked = take_indexer_lock(db_path, &lock_fd);
  if (!locked.ok()) return locked;
  auto release = [&] { if (lock_fd >= 0) ::close(lock_fd); };
  Status created = DatabaseLayout(db_path).ensure_exists();
  if (!created.ok()) {
    release();
    return created;
  }
  try {
    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OPEN);
    std::string version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
    if (existed && version.empty() && db.get_doccount() > 0) {
      release();
      return Status::InvalidArgument(db_path + " is a Xapian database but not Dossier's; choose another --db path");
    }
    if (!version.empty() && !schema::is_readable_schema(version)) {
      release();
      return Status::InvalidArgument(db_path + " uses Dossier schema " + version + ", this build indexes into schemas 3 to " +
                                     std::string(schema::kSchemaVersion) + "; re-index into a new --db");
    }
    // A new database is the current schema. A schema 3 or 4 one keeps hashed
    // ids in its facet records, which dense ones cannot join: schema 3 becomes
    // 4 (its records still decode) and 4 stays.
    std::string target = version.empty() ? std::string(schema::kSchemaVersion)
                         : version == "3" ? std::string(schema::kHashedIdsSchema)
                                          : version;
    if (version != target) {
      // Committed at once, so a search during the first run finds an empty
      // Dossier database rather than a foreign-looking one, and an older
      // build refuses an upgraded one before it holds records it cannot read.
      db.set_metadata(std::string(schema::kMetaSchemaVersion), target);
      db.commit();
    }
    out->reset(new IndexWriter(std::move(db), db_path, lock_fd, std::move(target)));
    return Status::OK();
  } catch (const Xapian::Error& e) {
    release();
    if (existed || std::string(e.get_type()) == "DatabaseLockError") return status_from_xapian(e, db_path);
    return Status::IOError("cannot create database at " + db_path + ": " + e.get_msg());
  }
}

IndexWriter::~IndexWriter() {
  try {
    db_.close();  // uncommitted changes are discarded, never half-applied
  } catch (...) {
  }
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

Status IndexWriter::put(BuiltDocument&& doc, bool* replaced) {
  try {
    *replaced = db_.term_exists(doc.id_term);
    db_.replace_document(doc.id_term, doc.doc);
    spelling_.add(doc.spelling_words);
    metadata_.add(std::move(doc.metadata));
    if (++pending_ >= batch_size_) return commit();
    return Status::OK();
  } catch (const Xapian::Error& e) {
    return status_from_xapian(e, path_);
  }
}

Status IndexWriter::remove(const std::string& id_term) {
  try {
    db_.delete_document(id_term);
    ++pending_;
    return Status::OK();
  } catch (const Xapian::Error& e) {
    return status_from_xapian(e, path_);
  }
}

Status IndexWriter::release_database() {
  Status s = commit();
  if (!s.ok()) return s;
  try {
    db_.close();
  } catch (const Xapian::Error& e) {
    return status_from_xapian(e, path_);
  }
  return Status::OK();
}

Status IndexWriter::commit() {
  try {
    spelling_.flush(db_);
    metadata_.flush(db_);
    db_.commit();
    pending_ = 0;
    return Status::OK();
  } catch (const Xapian::Error& e) {
    return status_from_xapian(e, path_);
  }
}

}  // namespace dossier
