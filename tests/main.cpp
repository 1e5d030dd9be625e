// Catch2 test runner for sdsim_tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
