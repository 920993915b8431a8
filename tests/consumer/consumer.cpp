// A program that uses jianzheng the way a downstream project would: through the installed
// package (find_package) or the source tree (add_subdirectory). Shared by both consumers.
#include <iostream>

#include "jianzheng/jianzheng.hpp"

int main() {
  const auto catalog = jianzheng::Catalog::embedded_default();
  if (catalog.items().size() < 20 || !catalog.find("marital-status")) {
    std::cerr << "consumer: the embedded national list is missing\n";
    return 1;
  }
  std::cout << "consumer: jianzheng " << jianzheng::version() << " ok, "
            << catalog.items().size() << " items\n";
  return 0;
}
