# shellcheck shell=bash
# Compiles what the benchmarks share (BenchMachine) into target/bench-support and sets BENCH_SUPPORT to that
# directory, for a benchmark's classpath. Source it after `cd` to the root and after select_jdk.
mkdir -p target/bench-support
"$JAVA_HOME/bin/javac" -d target/bench-support bench/support/BenchMachine.java
BENCH_SUPPORT=$PWD/target/bench-support
