# Corpus replay: every fuzz harness also builds as a plain executable (no
# libFuzzer, any compiler) that runs each file of its seed corpus once, and each
# replay is a CTest test. Regression inputs for fixed bugs live in the seed
# corpora, so an ordinary (or ASan/UBSan) build re-checks them on every run.
# Included from the top-level CMakeLists.txt and from fuzz/CMakeLists.txt.
include_guard(GLOBAL)

set(DOSSIER_FUZZ_HARNESSES json_reader html_reader text_reader date query file_reader)
foreach(harness ${DOSSIER_FUZZ_HARNESSES})
  add_executable(fuzz_replay_${harness}
                 ${CMAKE_CURRENT_LIST_DIR}/fuzz_${harness}.cc ${CMAKE_CURRENT_LIST_DIR}/replay_main.cc)
  target_link_libraries(fuzz_replay_${harness} PRIVATE dossier_indexer dossier_searcher)
  # Also right when this file is included before the top level sets the standard
  # and sanitizer flags (e.g. through CMAKE_PROJECT_INCLUDE).
  target_compile_features(fuzz_replay_${harness} PRIVATE cxx_std_20)
  if(DOSSIER_SANITIZE)
    target_compile_options(fuzz_replay_${harness} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(fuzz_replay_${harness} PRIVATE -fsanitize=address,undefined)
  endif()
  add_test(NAME fuzz_replay_${harness}
           COMMAND fuzz_replay_${harness} ${CMAKE_CURRENT_LIST_DIR}/corpus-seeds/${harness})
  set_tests_properties(fuzz_replay_${harness} PROPERTIES TIMEOUT 300)
endforeach()
