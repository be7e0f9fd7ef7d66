package vn.truc.platform.bench;

/**
 * One line of the comparison.
 *
 * @param name what was measured
 * @param records how many records it moved
 * @param recordsPerSecond its throughput (for pipelines: first delivery to last)
 * @param p50Millis median latency: per record, from the pipeline's start for a backlog
 * @param p99Millis 99th percentile of the same
 * @param usage CPU and memory of the measured process, CPU of the whole machine meanwhile
 * @param streamP50Millis end-to-end latency at the streaming rate, or -1 where not measured
 * @param streamP99Millis the 99th percentile of that
 */
record Outcome(
    String name,
    long records,
    double recordsPerSecond,
    double p50Millis,
    double p99Millis,
    Usage usage,
    double streamP50Millis,
    double streamP99Millis) {}
