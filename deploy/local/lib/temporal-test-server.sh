# shellcheck shell=bash
# Temporal's Java time-skipping test server: where it is installed (provision.sh installs it).
#
# Sourced by ../lib.sh after the common paths and helpers; never executed or sourced alone.

# Variables defined here are used by the scripts that source lib.sh.
# shellcheck disable=SC2034

# The Java time-skipping test server is not a long-running service: the
# Temporal TS SDK spawns it per test run via this wrapper.
TEST_SERVER_DIR="$LOCAL/temporal-test-server"
TEST_SERVER_LIBS="$TEST_SERVER_DIR/libs"
TEST_SERVER_BIN="$BIN_DIR/temporal-test-server"
export TEMPORAL_TEST_SERVER_PATH="${TEMPORAL_TEST_SERVER_PATH:-$TEST_SERVER_BIN}"
