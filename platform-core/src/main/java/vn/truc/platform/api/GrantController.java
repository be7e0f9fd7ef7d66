package vn.truc.platform.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.truc.platform.grant.GrantRecord;
import vn.truc.platform.grant.GrantService;
import vn.truc.platform.grant.GrantTerms;
import vn.truc.platform.security.AccessPolicy;
import vn.truc.platform.security.GrantAccess;

/**
 * {@code /api/grants}: the requests subscriptions make, and the owner's decisions on them. A
 * request is made by registering a subscription with its {@code grant} terms; here the contract's
 * data owner approves it (as asked, or narrower), or rejects it, and either side can revoke it.
 */
@RestController
class GrantController {

  private static final ObjectMapper BODY =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private final GrantService grants;
  private final GrantAccess access;

  GrantController(GrantService grants, AccessPolicy policy) {
    this.grants = grants;
    this.access = new GrantAccess(policy);
  }

  /** The approver's narrowing: any term left out stays as requested. */
  record Decision(
      List<String> fields,
      Map<String, List<String>> filter,
      Boolean sensitive,
      String validUntil,
      String reason) {}

  @GetMapping("/api/grants")
  List<Map<String, Object>> list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String subscription) {
    Instant now = Instant.now();
    return grants.all().stream()
        .filter(access::mayRead)
        .filter(g -> subscription == null || g.subscription().equals(subscription))
        .filter(g -> status == null || g.state(now).equalsIgnoreCase(status))
        .map(g -> view(g, now))
        .toList();
  }

  @GetMapping("/api/grants/{id}")
  Map<String, Object> get(@PathVariable String id) {
    return view(grants.get(id), Instant.now());
  }

  @PostMapping("/api/grants/{id}/approve")
  Map<String, Object> approve(@PathVariable String id, @RequestBody(required = false) String body) {
    Decision d = read(body, false);
    GrantRecord g = grants.get(id);
    GrantTerms narrowed = d == null ? null : narrowed(g.requested(), d);
    return view(grants.approve(id, narrowed, d == null ? null : d.reason()), Instant.now());
  }

  @PostMapping("/api/grants/{id}/reject")
  Map<String, Object> reject(@PathVariable String id, @RequestBody(required = false) String body) {
    return view(grants.reject(id, reason(body)), Instant.now());
  }

  @PostMapping("/api/grants/{id}/revoke")
  Map<String, Object> revoke(@PathVariable String id, @RequestBody(required = false) String body) {
    return view(grants.revoke(id, reason(body)), Instant.now());
  }

  private static String reason(String body) {
    Decision d = read(body, true);
    if (d == null || d.reason() == null || d.reason().isBlank()) {
      throw new BadRequestException(
          "reason", "give the reason for the decision: {\"reason\": \"...\"}");
    }
    return d.reason();
  }

  private static GrantTerms narrowed(GrantTerms asked, Decision d) {
    if (d.fields() == null
        && d.filter() == null
        && d.sensitive() == null
        && d.validUntil() == null) {
      return null;
    }
    Map<String, List<String>> filter = new LinkedHashMap<>(asked.filterOrEmpty());
    if (d.filter() != null) {
      filter.putAll(d.filter());
    }
    return new GrantTerms(
        d.fields() == null ? asked.fields() : d.fields(),
        filter,
        d.sensitive() == null ? asked.sensitive() : d.sensitive(),
        asked.purpose(),
        asked.legalBasis(),
        asked.legalDocument(),
        asked.validFrom(),
        d.validUntil() == null ? asked.validUntil() : d.validUntil(),
        asked.startFrom());
  }

  private static Decision read(String body, boolean reasonOnly) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      Decision d = BODY.readValue(body, Decision.class);
      if (reasonOnly
          && d != null
          && (d.fields() != null
              || d.filter() != null
              || d.sensitive() != null
              || d.validUntil() != null)) {
        throw new BadRequestException("body", "only a reason can be given here");
      }
      return d;
    } catch (UnrecognizedPropertyException e) {
      throw new BadRequestException(
          e.getPropertyName(),
          "is not a term of a decision; known: fields, filter, sensitive, validUntil, reason");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new BadRequestException("body", "is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static Map<String, Object> view(GrantRecord g, Instant now) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", g.id());
    v.put("subscription", g.subscription());
    v.put("agency", g.agency());
    v.put("owner", g.owner());
    v.put("contract", g.contract());
    v.put("status", g.state(now));
    v.put("requested", g.requested());
    v.put("granted", g.granted());
    v.put("requestedBy", g.requestedBy());
    v.put("requestedAt", g.requestedAt());
    v.put("decidedBy", g.decidedBy());
    v.put("decidedAt", g.decidedAt());
    v.put("reason", g.reason());
    v.put("revokedBy", g.revokedBy());
    v.put("revokedAt", g.revokedAt());
    return v;
  }
}
