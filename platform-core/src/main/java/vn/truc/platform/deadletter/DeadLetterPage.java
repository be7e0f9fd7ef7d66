package vn.truc.platform.deadletter;

import java.util.List;

/**
 * A page of a dead-letter topic. Entries are ordered by partition, then offset; {@code from} counts
 * entries from the oldest one the topic still keeps (on a one-partition topic it is the offset
 * minus the first offset kept).
 *
 * @param total entries the topic keeps
 * @param next {@code from} of the next page; null after the last
 */
public record DeadLetterPage(
    String flow,
    String topic,
    long from,
    int limit,
    long total,
    Long next,
    List<DeadLetterEntry> entries) {}
