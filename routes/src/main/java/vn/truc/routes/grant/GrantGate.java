package vn.truc.routes.grant;

import java.time.Instant;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * What a subscription's delivery lets through, decided per batch from the grant in force at that
 * moment: a revoked or expired grant stops the very next batch. Rows outside the grant's filter are
 * dropped; the others are cut down to the grant's reader schema before anything reads them.
 */
public final class GrantGate {

  private final String subscription;
  private final Schema contract;
  private final Supplier<Grant> current;
  private Grant projectedFor;
  private Projection projection;

  /**
   * @param current the subscription's approved grant as of now (revocations included), or null
   */
  public GrantGate(String subscription, Schema contract, Supplier<Grant> current) {
    this.subscription = subscription;
    this.contract = contract;
    this.current = current;
  }

  /** The terms for one batch; throws {@link NoActiveGrantException} when nothing may pass. */
  public Terms at(Instant now) {
    Grant grant = current.get();
    if (grant == null || !grant.activeAt(now)) {
      throw new NoActiveGrantException(subscription, grant);
    }
    if (!grant.equals(projectedFor)) {
      projection = new Projection(GrantSchema.readerSchema(contract, grant.fields()));
      projectedFor = grant;
    }
    return new Terms(grant, projection);
  }

  /** One batch's grant and the projection it implies. */
  public record Terms(Grant grant, Projection projection) {

    public boolean admits(GenericRecord record) {
      return grant.filter().matches(record);
    }

    public GenericRecord project(GenericRecord record) {
      return projection.project(record);
    }
  }
}
