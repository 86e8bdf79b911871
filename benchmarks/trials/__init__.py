"""Fault-injection trials (kill -9 at random moments), shared by the tests and the durability
benchmarks."""
