package vn.truc.connector.cdc;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Gives each change a version that strictly increases in log order. Sinks keep a key's newest
 * version and ignore one that is not newer, but the source clocks do not order changes on their
 * own: the MariaDB binlog stamps whole seconds (two updates of a row in one second would tie), and
 * a snapshot row carries the time it was read, which can be later than a change logged after the
 * snapshot's starting point. The log order is the truth; a change's own time is kept unless it
 * would not be newer than the change before it, then it is moved one microsecond past it.
 */
final class Versions {

  private Instant last;

  /**
   * @param last the version of the last change saved, or null at the beginning
   */
  Versions(Instant last) {
    this.last = last;
  }

  Instant next(Instant observed) {
    Instant version = observed.truncatedTo(ChronoUnit.MICROS);
    if (last != null && !version.isAfter(last)) {
      version = last.plus(1, ChronoUnit.MICROS);
    }
    last = version;
    return version;
  }
}
