package vn.truc.platform.grant;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import vn.truc.platform.grant.internal.GrantRows;
import vn.truc.routes.grant.Grant;

/**
 * The grant each subscription delivers under, in memory, read by every delivery batch: a decision
 * takes effect on the next batch. Loaded from the database at start; kept current by the {@link
 * GrantService}, the only writer.
 */
@Component
public class GrantBook {

  private final Map<String, Grant> bySubscription = new ConcurrentHashMap<>();

  GrantBook(GrantRows rows) {
    for (GrantRecord g : rows.all()) {
      if (g.status() == GrantStatus.APPROVED
          || (g.status() == GrantStatus.REVOKED && !bySubscription.containsKey(g.subscription()))) {
        bySubscription.put(g.subscription(), g.enforced());
      }
    }
  }

  /** What a delivery asks before each batch; null when the subscription has no grant. */
  public Supplier<Grant> of(String subscription) {
    return () -> bySubscription.get(subscription);
  }

  public Grant get(String subscription) {
    return bySubscription.get(subscription);
  }

  void put(Grant grant) {
    bySubscription.put(grant.subscription(), grant);
  }

  void remove(String subscription) {
    bySubscription.remove(subscription);
  }
}
