package vn.truc.platform.grant;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import vn.truc.connector.api.ConfigProblem;
import vn.truc.platform.grant.internal.GrantRows;
import vn.truc.platform.ops.ConsumerStart;
import vn.truc.platform.registry.PublishedContracts;
import vn.truc.platform.security.Caller;
import vn.truc.platform.security.Callers;
import vn.truc.routes.delivery.DeliveryFlow;
import vn.truc.routes.ledger.ExchangeEntry;
import vn.truc.routes.ledger.ExchangeLog;
import vn.truc.schemas.Contract;
import vn.truc.schemas.ContractCatalog;

/**
 * The life of a grant: requested with a subscription, approved (as asked or narrower) or rejected
 * by the contract's data owner, revoked. Each step is an entry of the exchange ledger with who,
 * when, the purpose and the legal basis; an approval or revocation reaches delivery on its next
 * batch (through the {@link GrantBook}).
 */
@Service
public class GrantService {

  private final GrantRows rows;
  private final GrantBook book;
  private final ExchangeLog log;
  private final ContractCatalog contracts;
  private final ConsumerStart consumers;
  private final Clock clock;
  private final Map<String, String> owners;

  @Autowired
  GrantService(
      GrantRows rows,
      GrantBook book,
      ExchangeLog log,
      PublishedContracts contracts,
      ConsumerStart consumers,
      GrantProperties properties) {
    this(rows, book, log, contracts.catalog(), consumers, Clock.systemUTC(), properties.owners());
  }

  GrantService(
      GrantRows rows,
      GrantBook book,
      ExchangeLog log,
      ContractCatalog contracts,
      ConsumerStart consumers,
      Clock clock,
      Map<String, String> owners) {
    this.owners = Map.copyOf(owners);
    this.rows = rows;
    this.book = book;
    this.log = log;
    this.contracts = contracts;
    this.consumers = consumers;
    this.clock = clock;
  }

  /** The problems of the terms a subscription to {@code contract} asks for, by field. */
  public List<ConfigProblem> problems(Contract contract, GrantTerms terms) {
    return GrantTermsCheck.problems(contract.schema(), terms, clock.instant());
  }

  /**
   * A subscription was registered or changed: its terms become a new request unless they are the
   * terms of its pending or approved request (a change of the target alone asks for nothing new). A
   * pending older request is withdrawn.
   *
   * @param approvedByOperator the definition comes from the operator's flows file, which is the
   *     operator's decision: the request is approved at once, in the operator's name
   */
  public synchronized Optional<GrantRecord> requested(
      String subscription,
      String agency,
      String contract,
      GrantTerms terms,
      boolean approvedByOperator) {
    Optional<GrantRecord> latest = rows.latest(subscription);
    if (latest.isPresent()
        && Objects.equals(latest.get().requested(), terms)
        && (latest.get().status() == GrantStatus.PENDING
            || latest.get().status() == GrantStatus.APPROVED)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    int seq = rows.nextSeq(subscription);
    String id = subscription + "." + seq;
    String actor = approvedByOperator ? OPERATOR : actor();
    GrantRecord request =
        new GrantRecord(
            id,
            subscription,
            agency,
            ownerOf(contract),
            contract,
            terms,
            null,
            GrantStatus.PENDING,
            actor,
            now,
            null,
            null,
            null,
            null,
            null);
    rows.insert(request, seq);
    rows.retire(subscription, id, GrantStatus.PENDING, GrantStatus.WITHDRAWN);
    record("requested", request, actor, terms, null);
    if (approvedByOperator) {
      return Optional.of(decide(request, terms, "defined in the operator's flows file", OPERATOR));
    }
    return Optional.of(request);
  }

  /**
   * Approves a pending request as asked, or with {@code narrowed} terms (fields, rows, period: each
   * at most what was asked).
   */
  public synchronized GrantRecord approve(String id, GrantTerms narrowed, String reason) {
    GrantRecord g = pending(id);
    GrantTerms granted = narrowed == null ? g.requested() : narrowed;
    List<ConfigProblem> problems =
        GrantTermsCheck.narrowingProblems(
            schema(g.contract()), g.requested(), granted, clock.instant());
    if (!problems.isEmpty()) {
      throw new GrantException(
          GrantException.Kind.INVALID,
          "The approval is not a narrowing of request " + id + "; fix every problem listed",
          problems);
    }
    return decide(g, granted, reason, actor());
  }

  public synchronized GrantRecord reject(String id, String reason) {
    GrantRecord g = pending(id);
    Instant now = clock.instant();
    String actor = actor();
    if (!rows.decide(id, GrantStatus.PENDING, GrantStatus.REJECTED, null, actor, now, reason)) {
      throw GrantException.conflict("grant " + id + " was decided meanwhile");
    }
    record("rejected", g, actor, g.requested(), reason);
    return get(id);
  }

  /** Ends an approved grant now: delivery stops before its next batch. */
  public synchronized GrantRecord revoke(String id, String reason) {
    GrantRecord g = get(id);
    if (g.status() != GrantStatus.APPROVED) {
      throw GrantException.conflict(
          "grant " + id + " is " + g.status() + "; only an APPROVED grant can be revoked");
    }
    Instant now = clock.instant();
    String actor = actor();
    if (!rows.revoke(id, actor, now, reason)) {
      throw GrantException.conflict("grant " + id + " changed meanwhile");
    }
    GrantRecord revoked = get(id);
    book.put(revoked.enforced());
    record("revoked", revoked, actor, revoked.granted(), reason);
    return revoked;
  }

  /** The subscription is gone: its grant in force ends with it. */
  public synchronized void subscriptionDeleted(String subscription) {
    for (GrantRecord g : rows.of(subscription)) {
      if (g.status() == GrantStatus.APPROVED) {
        revoke(g.id(), "subscription deleted");
      } else if (g.status() == GrantStatus.PENDING) {
        rows.decide(
            g.id(),
            GrantStatus.PENDING,
            GrantStatus.WITHDRAWN,
            null,
            actor(),
            clock.instant(),
            "subscription deleted");
      }
    }
    book.remove(subscription);
  }

  public GrantRecord get(String id) {
    return rows.find(id).orElseThrow(() -> GrantException.unknown(id));
  }

  public Optional<GrantRecord> find(String id) {
    return rows.find(id);
  }

  public List<GrantRecord> all() {
    return rows.all();
  }

  /**
   * The agency that decides on requests for {@code contract}: its data owner, as the contract
   * declares ({@code truc.owner}) unless the operator names another ({@code truc.grants.owners}).
   */
  public String ownerOf(String contract) {
    return owners.getOrDefault(contract, schema(contract).getProp("truc.owner"));
  }

  private GrantRecord decide(GrantRecord g, GrantTerms granted, String reason, String actor) {
    Instant now = clock.instant();
    if (granted.fromNow()) {
      consumers.atEndIfNew(
          DeliveryFlow.consumerGroupOf(g.subscription()), contracts.get(g.contract()).topic());
    }
    if (!rows.decide(
        g.id(), GrantStatus.PENDING, GrantStatus.APPROVED, granted, actor, now, reason)) {
      throw GrantException.conflict("grant " + g.id() + " was decided meanwhile");
    }
    rows.retire(g.subscription(), g.id(), GrantStatus.APPROVED, GrantStatus.SUPERSEDED);
    GrantRecord approved = get(g.id());
    book.put(approved.enforced());
    String narrowed = granted.equals(g.requested()) ? null : "narrowed from the request";
    record(
        "approved",
        approved,
        actor,
        granted,
        reason == null ? narrowed : narrowed == null ? reason : reason + "; " + narrowed);
    return approved;
  }

  private GrantRecord pending(String id) {
    GrantRecord g = get(id);
    if (g.status() != GrantStatus.PENDING) {
      throw GrantException.conflict(
          "grant " + id + " is " + g.status() + "; only a PENDING request can be decided");
    }
    return g;
  }

  private Schema schema(String contract) {
    return contracts.get(contract).schema();
  }

  private void record(String action, GrantRecord g, String actor, GrantTerms terms, String reason) {
    Caller caller = Callers.current().orElse(null);
    String agency = caller == null || caller.agency() == null ? g.agency() : caller.agency();
    log.append(
        new ExchangeEntry(
            ExchangeEntry.Kind.ADMINISTERED,
            clock.instant(),
            actor,
            agency == null ? "" : agency,
            g.contract(),
            0,
            List.of(),
            null,
            null,
            "grant "
                + g.id()
                + " "
                + action
                + " (subscription "
                + g.subscription()
                + " of "
                + g.agency()
                + ", decided by "
                + g.owner()
                + "; fields "
                + terms.fields()
                + (terms.filterOrEmpty().isEmpty() ? "" : "; rows " + terms.filterOrEmpty())
                + (terms.sensitiveOrFalse() ? "; sensitive fields granted" : "")
                + "; until "
                + terms.validUntil()
                + ")"
                + (reason == null ? "" : ": " + reason),
            terms.purpose(),
            terms.legalBasisWithDocument()));
  }

  private static String actor() {
    return Callers.current().map(Caller::subject).orElse(OPERATOR);
  }

  private static final String OPERATOR = "platform operator";
}
