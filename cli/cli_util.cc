#include "cli/cli_util.h"

#include <cstdlib>
#include <iostream>

#include <unistd.h>

namespace dossier {

void fail(const std::string& message, int code) {
  std::cerr << "dossier: error: " << message << std::endl;
  throw CommandFailure{code};
}

void fail(const Status& status) {
  int code = status.code() == Status::Code::kInvalidArgument ? 2 : 1;
  fail(status.message(), code);
}

bool stdout_is_tty() { return isatty(STDOUT_FILENO) == 1; }
bool stderr_is_tty() { return isatty(STDERR_FILENO) == 1; }

std::string data_dir() {
  if (const char* env = std::getenv("DOSSIER_DATA_DIR"); env && *env) return env;
  return DOSSIER_DATA_DIR;
}

}  // namespace dossier
