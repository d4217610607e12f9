#include "indexer/index_writer.h"

#include <filesystem>

#include "common/schema.h"

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

Status IndexWriter::Open(const std::string& db_path, std::unique_ptr<IndexWriter>* out) {
  std::error_code ec;
  if (std::filesystem::exists(db_path, ec) && !std::filesystem::is_directory(db_path, ec))
    return Status::InvalidArgument("--db " + db_path + " is a file, not a database directory; choose another path");
  bool existed = std::filesystem::exists(db_path, ec) && !std::filesystem::is_empty(db_path, ec);
  try {
    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OPEN);
    std::string version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
    if (existed && version.empty() && db.get_doccount() > 0)
      return Status::InvalidArgument(db_path + " is a Xapian database but not Dossier's; choose another --db path");
    if (!version.empty() && version != schema::kSchemaVersion)
      return Status::InvalidArgument(db_path + " uses Dossier schema " + version + ", this build writes " +
                                     std::string(schema::kSchemaVersion) + "; re-index into a new --db");
    if (version.empty()) db.set_metadata(std::string(schema::kMetaSchemaVersion), std::string(schema::kSchemaVersion));
    out->reset(new IndexWriter(std::move(db), db_path));
    return Status::OK();
  } catch (const Xapian::Error& e) {
    if (existed || std::string(e.get_type()) == "DatabaseLockError") return status_from_xapian(e, db_path);
    return Status::IOError("cannot create database at " + db_path + ": " + e.get_msg());
  }
}

IndexWriter::~IndexWriter() {
  try {
    db_.close();  // uncommitted changes are discarded, never half-applied
  } catch (...) {
  }
}

Status IndexWriter::put(BuiltDocument&& doc, bool* replaced) {
  try {
    *replaced = db_.term_exists(doc.id_term);
    db_.replace_document(doc.id_term, doc.doc);
    for (const auto& w : doc.spelling_words) db_.add_spelling(w);
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

Status IndexWriter::commit() {
  try {
    db_.commit();
    pending_ = 0;
    return Status::OK();
  } catch (const Xapian::Error& e) {
    return status_from_xapian(e, path_);
  }
}

}  // namespace dossier
