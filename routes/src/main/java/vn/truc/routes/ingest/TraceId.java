package vn.truc.routes.ingest;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The trace id of an ingested record: a random (version 4) UUID. Trace ids correlate log lines and
 * records; they need not be unguessable, so they come from the thread's own generator rather than
 * UUID.randomUUID's shared SecureRandom, which showed in the ingest profile.
 */
public final class TraceId {

  private TraceId() {}

  public static String next() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long high = (r.nextLong() & ~0xF000L) | 0x4000L;
    long low = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
