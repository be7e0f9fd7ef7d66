package vn.truc.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The serialization every hash and signature rests on: exact, documented, reproducible. */
class LedgerCanonicalFormTest {

  private static final LedgerEntry VECTOR =
      new LedgerEntry(
          1,
          LedgerHash.GENESIS,
          "DELIVERED",
          Instant.parse("2026-11-22T02:14:03.120511Z"),
          "bnv-national",
          "BNV",
          "CivilServant",
          null,
          2,
          List.of("037190000001", "037190000002"),
          "truc.civilservant.v1/0@10",
          "truc.civilservant.v1/0@11",
          "Nguyễn \"Văn\"\n\u0001A",
          null,
          null);

  /**
   * Computed without Trục, as docs/ledger.md tells an auditor to: Python's {@code json.dumps(entry,
   * sort_keys=True, separators=(",", ":"), ensure_ascii=False)} and {@code hashlib.sha256}.
   */
  @Test
  void anEntrySerializesAndHashesExactlyAsAnIndependentImplementationDoes() {
    assertThat(CanonicalJson.write(VECTOR.canonical()))
        .isEqualTo(
            "{\"actor\":\"bnv-national\",\"agency\":\"BNV\",\"at\":\"2026-11-22T02:14:03.120511Z\","
                + "\"contract\":\"CivilServant\",\"contractVersion\":null,"
                + "\"detail\":\"Nguyễn \\\"Văn\\\"\\n\\u0001A\","
                + "\"firstPosition\":\"truc.civilservant.v1/0@10\","
                + "\"keys\":[\"037190000001\",\"037190000002\"],\"kind\":\"DELIVERED\","
                + "\"lastPosition\":\"truc.civilservant.v1/0@11\",\"legalBasis\":null,"
                + "\"prev\":\"0000000000000000000000000000000000000000000000000000000000000000\","
                + "\"purpose\":null,\"recordCount\":2,\"seq\":1}");
    assertThat(VECTOR.hash())
        .isEqualTo("12927821068c6a23d9a19d2d3420b3b7e0f148b73d8ac2af4f112b34ca767325");
  }

  @Test
  void membersAreSortedByUtf16CodeUnitsWithoutWhitespace() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", 1);
    m.put("é", List.of(true, false));
    m.put("a", null);
    m.put("B", Map.of("z", 9L, "y", "x"));
    m.put("aa", -5L);
    assertThat(CanonicalJson.write(m))
        .isEqualTo("{\"B\":{\"y\":\"x\",\"z\":9},\"a\":null,\"aa\":-5,\"b\":1,\"é\":[true,false]}");
  }

  @Test
  void onlyQuotesBackslashesAndControlCharactersAreEscaped() {
    assertThat(CanonicalJson.write("a\"b\\c/d\u001f\u007f\t\b\f\r đ 😀"))
        .isEqualTo("\"a\\\"b\\\\c/d\\u001f\u007f\\t\\b\\f\\r đ 😀\"");
  }

  @Test
  void fractionsAreRefusedRatherThanSpelledOneOfSeveralWays() {
    assertThatThrownBy(() -> CanonicalJson.write(Map.of("x", 1.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Double");
  }

  @Test
  void timesAreKeptToTheMicrosecondAsPostgresqlStoresThem() {
    LedgerEntry nanos =
        LedgerFixtures.atSeq(
            new LedgerEntry(
                1,
                LedgerHash.GENESIS,
                "INGESTED",
                Instant.parse("2026-11-22T02:14:03.120511999Z"),
                "p37-hr",
                "P37",
                "CivilServant",
                null,
                0,
                List.of(),
                null,
                null,
                null,
                null,
                null),
            1);
    assertThat(nanos.at()).isEqualTo(Instant.parse("2026-11-22T02:14:03.120511Z"));
    assertThat(nanos.canonical().get("at")).isEqualTo("2026-11-22T02:14:03.120511Z");
    assertThat(LedgerEntry.formatTime(Instant.parse("2026-01-02T03:04:05Z")))
        .isEqualTo("2026-01-02T03:04:05.000000Z");
  }

  @Test
  void everyMemberIsCoveredByTheHash() {
    LedgerEntry e = VECTOR;
    List<LedgerEntry> variants = new ArrayList<>();
    variants.add(LedgerFixtures.atSeq(e, 2));
    variants.add(copy(e, "prev", "1".repeat(64)));
    variants.add(copy(e, "kind", "REJECTED"));
    variants.add(copy(e, "at", e.at().plusNanos(1000)));
    variants.add(copy(e, "actor", "bnv-other"));
    variants.add(copy(e, "agency", "BCA"));
    variants.add(copy(e, "contract", "Citizen"));
    variants.add(copy(e, "contractVersion", 1));
    variants.add(LedgerFixtures.withCount(e, 3));
    variants.add(copy(e, "keys", List.of("037190000002", "037190000001")));
    variants.add(copy(e, "firstPosition", "truc.civilservant.v1/0@9"));
    variants.add(copy(e, "lastPosition", "truc.civilservant.v1/0@12"));
    variants.add(copy(e, "detail", null));
    variants.add(copy(e, "purpose", "salary review"));
    variants.add(copy(e, "legalBasis", "Decree 194/2025"));
    Set<String> hashes = new HashSet<>();
    hashes.add(e.hash());
    variants.forEach(v -> hashes.add(v.hash()));
    assertThat(hashes).hasSize(variants.size() + 1);
  }

  /** The entry with one member replaced. */
  private static LedgerEntry copy(LedgerEntry e, String member, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("prev", e.prev());
    m.put("kind", e.kind());
    m.put("at", e.at());
    m.put("actor", e.actor());
    m.put("agency", e.agency());
    m.put("contract", e.contract());
    m.put("contractVersion", e.contractVersion());
    m.put("keys", e.keys());
    m.put("firstPosition", e.firstPosition());
    m.put("lastPosition", e.lastPosition());
    m.put("detail", e.detail());
    m.put("purpose", e.purpose());
    m.put("legalBasis", e.legalBasis());
    m.put(member, value);
    @SuppressWarnings("unchecked")
    List<String> keys = (List<String>) m.get("keys");
    return new LedgerEntry(
        e.seq(),
        (String) m.get("prev"),
        (String) m.get("kind"),
        (Instant) m.get("at"),
        (String) m.get("actor"),
        (String) m.get("agency"),
        (String) m.get("contract"),
        (Integer) m.get("contractVersion"),
        e.recordCount(),
        keys,
        (String) m.get("firstPosition"),
        (String) m.get("lastPosition"),
        (String) m.get("detail"),
        (String) m.get("purpose"),
        (String) m.get("legalBasis"));
  }
}
