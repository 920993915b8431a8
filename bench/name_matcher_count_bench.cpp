// A fixed workload for counting the name matcher's instructions (docs/performance.md, "Name
// matcher"): timings on the shared build machine vary with its load, instruction counts do
// not. It resolves rows of a labelled set of the given kinds, a given number of times, and
// prints how many it resolved; run it under callgrind and read the instructions of
// NameMatcher::match (or resolve):
//
//   valgrind --tool=callgrind --callgrind-out-file=cg.out \
//     build-release/bench/bench_name_matcher_count tests/data/names/queries.tsv 3 sentence typo
//   callgrind_annotate --inclusive=yes cg.out | grep NameMatcher::match
//
// It uses only the public API, so the same file builds against an older release of the
// library for a side-by-side count.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "jianzheng/catalog.hpp"
#include "jianzheng/name_matcher.hpp"
#include "support.hpp"

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s TSV REPEATS KIND... (KIND \"*\": every row)\n", argv[0]);
    return 2;
  }
  const int repeats = std::atoi(argv[2]);
  std::vector<std::string> queries;
  try {
    queries = jianzheng::bench::labelled_queries(argv[1], std::vector<std::string>(argv + 3, argv + argc));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 2;
  }
  const auto catalog = jianzheng::Catalog::embedded_default(jianzheng::Date::parse("2021-06-01"));
  const jianzheng::NameMatcher matcher(catalog);
  std::size_t found = 0;
  for (int r = 0; r < repeats; ++r)
    for (const auto& q : queries) found += matcher.match(q).empty() ? 0 : 1;
  std::printf("%zu queries x %d, %zu with a match\n", queries.size(), repeats, found);
  return 0;
}
