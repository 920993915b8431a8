// The Catch2 (v2) runner for every <concept>_test.cpp.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
