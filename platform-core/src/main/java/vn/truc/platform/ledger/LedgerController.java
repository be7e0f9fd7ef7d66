package vn.truc.platform.ledger;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.truc.routes.ledger.ExchangeEntry;

/**
 * {@code /api/ledger}: what auditors use. Verify the chain, export a signed archive, search
 * entries, follow one person's deliveries (JSON, or CSV with {@code format=csv} or {@code Accept:
 * text/csv}), read the platform's public key, sign a checkpoint now.
 */
@RestController
@RequestMapping("/api/ledger")
class LedgerController {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  static final String JSON_LINES = "application/x-ndjson";

  private final LedgerService ledger;
  private final LedgerKeys keys;
  private final LedgerProperties properties;

  private final LedgerMaintenance maintenance;

  LedgerController(
      LedgerService ledger,
      LedgerKeys keys,
      LedgerProperties properties,
      LedgerMaintenance maintenance) {
    this.maintenance = maintenance;
    this.ledger = ledger;
    this.keys = keys;
    this.properties = properties;
  }

  @GetMapping("/verify")
  VerifyReport verify(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return ledger.verify(from(from), to(to));
  }

  /** The archive is written as it is read, straight to the response: no size limit, no timeout. */
  @GetMapping("/export")
  void export(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      HttpServletResponse response)
      throws IOException {
    LedgerBound start = from(from);
    LedgerBound end = to(to);
    Map<String, String> selection = new LinkedHashMap<>();
    selection.put("from", from);
    selection.put("to", to);
    response.setContentType(JSON_LINES);
    response.setCharacterEncoding("UTF-8");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        "attachment; filename=\"truc-ledger-"
            + DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now())
            + ".jsonl\"");
    LedgerService.Range range;
    try (OutputStream out = new BufferedOutputStream(response.getOutputStream(), 1 << 16)) {
      range = ledger.export(start, end, selection, out);
    }
    // Written out whole: the range counts as archived, and retention may redact its keys.
    ledger.archived(
        range,
        vn.truc.platform.security.Callers.current()
            .map(vn.truc.platform.security.Caller::subject)
            .orElse("platform"));
  }

  @GetMapping("/entries")
  ResponseEntity<?> entries(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String contract,
      @RequestParam(required = false) String subscription,
      @RequestParam(required = false) String connector,
      @RequestParam(required = false) String outcome,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size,
      @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    checkPage(page, size);
    EntryView.Page result =
        ledger.search(
            new EntryFilter(
                from(from),
                to(to),
                blankToNull(agency),
                blankToNull(contract),
                blankToNull(subscription),
                blankToNull(connector),
                outcome(outcome)),
            page,
            size);
    if (!csv(format, accept)) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result);
    }
    Csv csv =
        new Csv(
            List.of(
                "id",
                "seq",
                "kind",
                "at",
                "actor",
                "agency",
                "contract",
                "contract_version",
                "record_count",
                "keys",
                "first_position",
                "last_position",
                "detail",
                "purpose",
                "legal_basis",
                "prev_hash",
                "hash"));
    for (EntryView e : result.entries()) {
      csv.row(
          list(
              e.id(),
              e.seq(),
              e.kind(),
              LedgerEntry.formatTime(e.at()),
              e.actor(),
              e.agency(),
              e.contract(),
              e.contractVersion(),
              e.recordCount(),
              e.keys(),
              e.firstPosition(),
              e.lastPosition(),
              e.detail(),
              e.purpose(),
              e.legalBasis(),
              e.prevHash(),
              e.hash()));
    }
    return csvResponse(csv, "truc-ledger-entries.csv", result.total());
  }

  @GetMapping("/subjects/{personalId}")
  ResponseEntity<?> subject(
      @PathVariable String personalId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size,
      @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    checkPage(page, size);
    SubjectTrail trail = ledger.subject(personalId.trim(), page, size);
    if (!csv(format, accept)) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(trail);
    }
    Csv csv =
        new Csv(
            List.of(
                "personal_id",
                "entry_id",
                "seq",
                "at",
                "subscription",
                "agency",
                "contract",
                "contract_version",
                "grant",
                "purpose",
                "legal_basis",
                "record_count"));
    for (SubjectTrail.Delivery d : trail.deliveries()) {
      csv.row(
          list(
              trail.personalId(),
              d.entryId(),
              d.seq(),
              LedgerEntry.formatTime(d.at()),
              d.subscription(),
              d.agency(),
              d.contract(),
              d.contractVersion(),
              d.grant(),
              d.purpose(),
              d.legalBasis(),
              d.recordCount()));
    }
    return csvResponse(csv, "truc-subject-trail.csv", trail.total());
  }

  /** Applies each contract's retention now (it also runs daily); the entries redacted. */
  @PostMapping("/retention")
  Map<String, Integer> retention() {
    return maintenance.applyRetention();
  }

  /** The key exports and checkpoints are signed with, and the earlier keys still trusted. */
  @GetMapping("/public-key")
  Map<String, Object> publicKey() {
    Map<String, Object> body =
        new LinkedHashMap<>(ArchiveWriter.describe(keys.signing().publicKey()));
    body.put("pem", keys.signing().publicKey().pem());
    List<Map<String, Object>> trusted = new ArrayList<>();
    keys.trusted().forEach(k -> trusted.add(ArchiveWriter.describe(k)));
    body.put("trusted", trusted);
    return body;
  }

  /** Signs the newest entry now (unless a checkpoint already covers it). */
  @PostMapping("/checkpoints")
  ResponseEntity<Checkpoint> checkpoint() {
    Checkpoint cp = ledger.checkpoint();
    return cp == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(cp);
  }

  private LedgerBound from(String value) {
    try {
      return LedgerBound.from(value, properties.zone());
    } catch (IllegalArgumentException e) {
      throw new LedgerRequestException("from", e.getMessage());
    }
  }

  private LedgerBound to(String value) {
    try {
      return LedgerBound.to(value, properties.zone());
    } catch (IllegalArgumentException e) {
      throw new LedgerRequestException("to", e.getMessage());
    }
  }

  private static String outcome(String value) {
    String v = blankToNull(value);
    if (v == null) {
      return null;
    }
    try {
      return ExchangeEntry.Kind.valueOf(v.toUpperCase(Locale.ROOT)).name();
    } catch (IllegalArgumentException e) {
      throw new LedgerRequestException(
          "outcome", "'" + v + "' is not one of " + List.of(ExchangeEntry.Kind.values()));
    }
  }

  private static void checkPage(int page, int size) {
    if (page < 0) {
      throw new LedgerRequestException("page", "must be 0 or more");
    }
    if (size < 1 || size > LedgerService.MAX_PAGE_SIZE) {
      throw new LedgerRequestException(
          "size", "must be between 1 and " + LedgerService.MAX_PAGE_SIZE);
    }
  }

  private static boolean csv(String format, String accept) {
    if (format != null) {
      return switch (format.trim().toLowerCase(Locale.ROOT)) {
        case "csv" -> true;
        case "json" -> false;
        default -> throw new LedgerRequestException("format", "must be csv or json");
      };
    }
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
  }

  private static ResponseEntity<String> csvResponse(Csv csv, String filename, long total) {
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
        .header("X-Total-Count", Long.toString(total))
        .body(csv.toString());
  }

  private static List<Object> list(Object... values) {
    List<Object> l = new ArrayList<>(values.length);
    for (Object v : values) {
      l.add(v);
    }
    return l;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
