package vn.truc.platform.flow;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps each subscription's delivery running exactly while a grant is in force: stops it when its
 * grant is revoked or expires, starts it when one is approved or begins. Every batch checks the
 * grant too; this watch makes a subscription with nothing to deliver stop polling, and starts the
 * held ones, within a second.
 */
@Component
class GrantWatch {

  private static final Logger LOG = LoggerFactory.getLogger(GrantWatch.class);

  private final FlowRuntime runtime;

  GrantWatch(FlowRuntime runtime) {
    this.runtime = runtime;
  }

  @Scheduled(initialDelay = 1_000, fixedDelayString = "${truc.grants.watch-interval-ms:1000}")
  void check() {
    Instant now = Instant.now();
    for (FlowRuntime.Running r : runtime.all()) {
      if (r.type() != FlowType.SUBSCRIPTION) {
        continue;
      }
      try {
        boolean inForce = runtime.grantInForce(r.id(), now);
        if (!inForce) {
          runtime.hold(r.id());
        } else if (runtime.isHeld(r.id())) {
          runtime.release(r.id());
        }
      } catch (Exception e) {
        LOG.warn("subscription {}: cannot apply its grant's state: {}", r.id(), e.getMessage());
      }
    }
  }
}
