// Small helpers shared by the subcommands: one-line errors, TTY detection, and
// where the gazetteer/model data lives.
#pragma once

#include <string>

#include "common/status.h"

namespace dossier {

// Thrown by a command's callback to end the program with `code` after printing
// "dossier: error: <message>" (main catches it; nothing else throws it).
struct CommandFailure {
  int code;
};

// Prints "dossier: error: <message>" on stderr and returns the exit code to use.
[[noreturn]] void fail(const std::string& message, int code = 1);
[[noreturn]] void fail(const Status& status);

bool stdout_is_tty();
bool stderr_is_tty();

// $DOSSIER_DATA_DIR, else the data/ directory of the source tree this was built from.
std::string data_dir();

}  // namespace dossier
