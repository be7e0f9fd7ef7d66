package vn.truc.routes.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import vn.truc.routes.CivilServantFixtures;
import vn.truc.routes.ingest.TraceId;
import vn.truc.routes.mapping.CodeMaps;
import vn.truc.routes.mapping.MappingResult;
import vn.truc.routes.mapping.RowMapper;
import vn.truc.routes.serde.AvroWireSerde;
import vn.truc.routes.serde.SchemaLookup;
import vn.truc.routes.translate.StandardSteps;
import vn.truc.schemas.Contract;
import vn.truc.schemas.ContractCatalog;

/**
 * The CPU work the ingest route does per source row (IngestStep.map), on the CivilServant contract
 * with the demo connector's mapping, over {@value #ROWS} distinct realistic rows of the province HR
 * table. One operation is one row:
 *
 * <ul>
 *   <li>{@code mapOnly}: {@link RowMapper} without record checks (conversion, normalisation, code
 *       lists, defaults), header prebuilt;
 *   <li>{@code mapValidateTranslate}: the same with {@link StandardSteps#forSchema} (personal ID
 *       check, address translation to 2025 units, ethnicity code), header prebuilt;
 *   <li>{@code serializeOnly}: {@link AvroWireSerde#serialize} of records mapped in setup;
 *   <li>{@code fullPath}: what IngestStep.map does for a valid row, apart from the Camel message:
 *       build the header (with a random trace id), map + validate + translate, read the key,
 *       serialize.
 * </ul>
 *
 * The serde runs over an in-memory registry that does what the platform's registry does on a cache
 * hit (no HTTP, no database): the measure is CPU work per record. Run with {@code ./mvnw -q -Pjmh
 * -DskipTests -pl routes -am verify}; see docs/benchmarks.md. The concrete classes choose the mode:
 * {@link IngestThroughputBenchmark} (ops/s) and {@link IngestAverageTimeBenchmark} (µs/op).
 */
@State(Scope.Thread)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public abstract class IngestBenchmark {

  /** Distinct rows cycled through; a power of two. */
  static final int ROWS = 1024;

  private Schema headerSchema;
  private String subject;
  private String keyField;
  private RowMapper plainMapper;
  private RowMapper mapper;
  private AvroWireSerde serde;
  private Map<String, Object>[] rows;
  private GenericRecord[] headers;
  private GenericRecord[] mapped;
  private int next;

  /**
   * How the fake registry keys its cache: {@code schema-object} as the platform's SchemaRegistry
   * does (subject and Schema object), {@code schema-text} as it did before this benchmark showed
   * the cost (subject + the schema's JSON, rendered per call: {@code -Djmh.args="-p
   * registryKey=schema-text"}).
   */
  @Param({"schema-object"})
  public String registryKey;

  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() {
    Contract contract = ContractCatalog.standard().get("CivilServant");
    Schema schema = contract.schema();
    headerSchema = schema.getField("header").schema();
    subject = contract.subject();
    keyField = contract.keyField();
    plainMapper =
        new RowMapper(schema, CivilServantFixtures.demoRules(), new CodeMaps(), List.of());
    mapper =
        new RowMapper(
            schema,
            CivilServantFixtures.demoRules(),
            new CodeMaps(),
            StandardSteps.forSchema(schema));
    serde =
        new AvroWireSerde(
            switch (registryKey) {
              case "schema-text" -> new RegistryCacheLookup();
              case "schema-object" -> new SchemaObjectLookup();
              default -> throw new IllegalArgumentException("registryKey " + registryKey);
            });

    rows = new Map[ROWS];
    headers = new GenericRecord[ROWS];
    mapped = new GenericRecord[ROWS];
    int divided = 0;
    for (int i = 0; i < ROWS; i++) {
      rows[i] = Rows.row(i);
      headers[i] = header(rows[i]);
      MappingResult plain = plainMapper.map(rows[i], headers[i]);
      MappingResult result = mapper.map(rows[i], headers[i]);
      if (!plain.isValid() || !result.isValid()) {
        throw new IllegalStateException(
            "benchmark row " + i + " does not map: " + plain.errors() + " " + result.errors());
      }
      mapped[i] = result.record();
      GenericRecord residence = (GenericRecord) mapped[i].get("residence");
      if (residence.get("translationNote") != null) {
        divided++;
      }
      // Read back and written again, a record gives the same bytes.
      byte[] bytes = serde.serialize(subject, mapped[i]);
      if (!Arrays.equals(serde.serialize(subject, serde.deserialize(bytes, null)), bytes)) {
        throw new IllegalStateException("benchmark row " + i + " does not round-trip");
      }
    }
    if (divided == 0 || divided == ROWS) {
      throw new IllegalStateException("expected some rows in the divided commune, got " + divided);
    }
  }

  private int nextIndex() {
    return next++ & (ROWS - 1);
  }

  @Benchmark
  public void mapOnly(Blackhole bh) {
    int i = nextIndex();
    bh.consume(plainMapper.map(rows[i], headers[i]));
  }

  @Benchmark
  public void mapValidateTranslate(Blackhole bh) {
    int i = nextIndex();
    bh.consume(mapper.map(rows[i], headers[i]));
  }

  @Benchmark
  public void serializeOnly(Blackhole bh) {
    bh.consume(serde.serialize(subject, mapped[nextIndex()]));
  }

  @Benchmark
  public void fullPath(Blackhole bh) {
    Map<String, Object> row = rows[nextIndex()];
    MappingResult result = mapper.map(row, header(row));
    if (result.isValid()) {
      GenericRecord record = result.record();
      bh.consume(String.valueOf(record.get(keyField)));
      bh.consume(serde.serialize(subject, record));
    } else {
      bh.consume(result.errors());
    }
  }

  /**
   * The header of a jdbc-polling row, with the values IngestStep.header gives it (which puts them
   * by position; the lookups by name here are a small part of fullPath).
   */
  private GenericRecord header(Map<String, Object> row) {
    GenericData.Record h = new GenericData.Record(headerSchema);
    h.put("sourceAgency", "P37");
    h.put("connector", "p37-hr");
    h.put("sourcePosition", row.get("NGAY_CAP_NHAT") + "|" + row.get("MA_CB"));
    h.put(
        "changeType",
        new GenericData.EnumSymbol(headerSchema.getField("changeType").schema(), "UPSERT"));
    h.put("changedAt", ((LocalDateTime) row.get("NGAY_CAP_NHAT")).toInstant(ZoneOffset.UTC));
    h.put("traceId", TraceId.next());
    return h;
  }

  /**
   * The schema registry's hot path without its database: like the platform's SchemaRegistry on a
   * cache hit, it keys its cache by subject and schema text, so the cost of that key is measured
   * too.
   */
  static final class RegistryCacheLookup implements SchemaLookup {

    private final Map<String, Integer> idCache = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemaCache = new ConcurrentHashMap<>();

    @Override
    public int idFor(String subject, Schema schema) {
      String text = schema.toString();
      return idCache.computeIfAbsent(
          subject + '\u0000' + text,
          k -> {
            int id = 1 + schemaCache.size();
            schemaCache.put(id, schema);
            return id;
          });
    }

    @Override
    public Schema byId(int id) {
      return schemaCache.get(id);
    }
  }

  /** A registry fake whose cache is keyed by the Schema object: no schema text per record. */
  static final class SchemaObjectLookup implements SchemaLookup {

    private final Map<String, Map<Schema, Integer>> ids = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

    @Override
    public int idFor(String subject, Schema schema) {
      return ids.computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
          .computeIfAbsent(
              schema,
              s -> {
                synchronized (schemas) {
                  int id = 1 + schemas.size();
                  schemas.put(id, s);
                  return id;
                }
              });
    }

    @Override
    public Schema byId(int id) {
      return schemas.get(id);
    }
  }

  /**
   * Rows of the province table CB_CONG_CHUC as the jdbc-polling source hands them over (column name
   * to JDBC value), like the demo's generator makes them: Vietnamese names with diacritics,
   * dd/MM/yyyy dates (now and then only a year), legacy codes of Hà Nam, Nam Định and Ninh Bình
   * (one commune, 13285, divided in 2025), 12-digit personal IDs whose province prefix,
   * century/gender digit and birth-year digits agree with the date of birth and gender.
   */
  static final class Rows {

    private static final String[] FAMILY = {
      "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
      "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh"
    };
    private static final String[] MIDDLE_M = {"Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Xuân"};
    private static final String[] MIDDLE_F = {"Thị", "Thu", "Ngọc", "Thanh", "Minh", "Hồng", "Kim"};
    private static final String[] GIVEN_M = {
      "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phúc", "Quân", "Sơn",
      "Thắng", "Tuấn", "Việt", "Đạt"
    };
    private static final String[] GIVEN_F = {
      "Anh", "Châu", "Dung", "Giang", "Hà", "Hạnh", "Hương", "Lan", "Linh", "Mai", "Ngọc", "Nhung",
      "Phương", "Thảo", "Trang", "Yến"
    };
    private static final String[] ETHNIC = {"Kinh", "Kinh", "Kinh", "Kinh", "Mường", "Tày", "Thái"};
    private static final String[] RELIGION = {"Không", "Không", "Không", "Phật giáo", "Công giáo"};

    /** Legacy province, district, commune; name of the commune and district. */
    private static final String[][] COMMUNES = {
      {"35", "347", "13285", "Phường Quang Trung, Thành phố Phủ Lý"},
      {"35", "351", "13480", "Xã Liêm Túc, Huyện Thanh Liêm"},
      {"36", "356", "13723", "Xã Mỹ Tân, Thành phố Nam Định"},
      {"36", "361", "13963", "Xã Nam Điền, Huyện Nghĩa Hưng"},
      {"36", "365", "14170", "Xã Bình Hòa, Huyện Giao Thủy"},
      {"37", "372", "14428", "Thị trấn Nho Quan, Huyện Nho Quan"},
      {"37", "375", "14596", "Xã Khánh Vân, Huyện Yên Khánh"}
    };

    private static final String[] PROVINCE_NAMES = {"Hà Nam", "Nam Định", "Ninh Bình"};

    /** Rank code, rank name, whether a public employee (viên chức). */
    private static final String[][] RANKS = {
      {"01.003", "Chuyên viên", "no"},
      {"01.002", "Chuyên viên chính", "no"},
      {"01.004", "Cán sự", "no"},
      {"06.031", "Kiểm tra viên thuế", "no"},
      {"V.07.03.29", "Giáo viên trung học cơ sở hạng II", "yes"},
      {"V.08.05.12", "Điều dưỡng hạng III", "yes"}
    };

    private static final String[] UNITS = {
      "Sở Nội vụ",
      "Sở Tài chính",
      "Sở Giáo dục và Đào tạo",
      "Sở Y tế",
      "UBND xã Khánh Vân",
      "Trường THCS Nho Quan",
      "Bệnh viện Đa khoa tỉnh"
    };
    private static final String[] POSITIONS = {
      "Chuyên viên", "Phó Trưởng phòng", "Trưởng phòng", "Giáo viên", "Điều dưỡng", "Phó Giám đốc"
    };
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Instant UPDATED = Instant.parse("2025-07-01T08:30:15.123456Z");

    private Rows() {}

    static Map<String, Object> row(int n) {
      SplittableRandom r = new SplittableRandom(20_251_122L * 1_000_003L + n);
      boolean female = r.nextBoolean();
      LocalDate birth = LocalDate.of(1965 + r.nextInt(39), 1 + r.nextInt(12), 1 + r.nextInt(28));
      String[] commune = COMMUNES[r.nextInt(COMMUNES.length)];
      String[] rank = RANKS[r.nextInt(RANKS.length)];
      int step = 1 + r.nextInt(8);
      LocalDate recruited = birth.plusYears(22 + r.nextInt(6)).plusDays(r.nextInt(300));
      boolean party = r.nextInt(3) == 0;
      LocalDate partyJoin = recruited.plusYears(2 + r.nextInt(5));
      String name =
          FAMILY[r.nextInt(FAMILY.length)]
              + " "
              + (female
                  ? MIDDLE_F[r.nextInt(MIDDLE_F.length)]
                  : MIDDLE_M[r.nextInt(MIDDLE_M.length)])
              + " "
              + (female ? GIVEN_F[r.nextInt(GIVEN_F.length)] : GIVEN_M[r.nextInt(GIVEN_M.length)]);
      // Born where they live, mostly; some were born in Hà Nội (001).
      String birthProvince = r.nextInt(8) == 0 ? "01" : commune[0];

      Map<String, Object> row = new HashMap<>();
      row.put("MA_CB", 100_000L + n);
      row.put("SO_CCCD", personalId(birthProvince, birth, female, n));
      row.put("SO_CMND", r.nextInt(4) == 0 ? null : String.valueOf(160_000_000L + 7L * n));
      row.put("SO_HIEU_CBCC", String.format(Locale.ROOT, "CB%s-%07d", commune[0], n));
      row.put("HO_TEN", name);
      row.put(
          "NGAY_SINH", r.nextInt(50) == 0 ? String.valueOf(birth.getYear()) : birth.format(DMY));
      row.put("GIOI_TINH", female ? "Nữ" : "Nam");
      row.put("DAN_TOC", ETHNIC[r.nextInt(ETHNIC.length)]);
      row.put("TON_GIAO", RELIGION[r.nextInt(RELIGION.length)]);
      row.put(
          "DIA_CHI",
          "Số " + (1 + r.nextInt(200)) + ", thôn " + (1 + r.nextInt(12)) + ", " + commune[3]);
      row.put("MA_TINH", commune[0]);
      row.put("MA_HUYEN", commune[1]);
      row.put("MA_XA", commune[2]);
      row.put(
          "LOAI_CB",
          rank[2].equals("yes") ? "Viên chức" : r.nextInt(10) == 0 ? "Cán bộ" : "Công chức");
      row.put("CO_QUAN_QL", "UBND tỉnh Ninh Bình");
      row.put("DON_VI", UNITS[r.nextInt(UNITS.length)]);
      row.put("CHUC_VU", POSITIONS[r.nextInt(POSITIONS.length)]);
      row.put(
          "VI_TRI_VL", "Vị trí " + POSITIONS[r.nextInt(POSITIONS.length)].toLowerCase(Locale.ROOT));
      row.put("MA_NGACH", rank[0]);
      row.put("TEN_NGACH", rank[1]);
      row.put("BAC_LUONG", step);
      row.put("HE_SO_LUONG", BigDecimal.valueOf(234 + 33L * (step - 1), 2));
      row.put("NGAY_HUONG_LUONG", recruited.plusYears(step * 3L).format(DMY));
      row.put("NGAY_TUYEN_DUNG", recruited.format(DMY));
      row.put(
          "CQ_TUYEN_DUNG", "Sở Nội vụ tỉnh " + PROVINCE_NAMES[Integer.parseInt(commune[0]) - 35]);
      row.put("TRINH_DO_CM", r.nextInt(5) == 0 ? "Thạc sĩ" : "Đại học");
      row.put("LY_LUAN_CT", r.nextInt(3) == 0 ? "Trung cấp" : "Sơ cấp");
      row.put("NGAY_VAO_DANG", party ? partyJoin.format(DMY) : null);
      row.put("NGAY_CHINH_THUC", party ? partyJoin.plusYears(1).format(DMY) : null);
      row.put(
          "NGAY_CAP_NHAT", LocalDateTime.ofInstant(UPDATED.plusMillis(37L * n), ZoneOffset.UTC));
      return row;
    }

    /**
     * Province of birth registration with a leading zero, century/gender digit (0/1 born in the
     * 1900s, 2/3 in the 2000s, odd for a woman), last two digits of the birth year, six digits.
     */
    static String personalId(String province, LocalDate birth, boolean female, int n) {
      int centuryGender = (birth.getYear() / 100 - 19) * 2 + (female ? 1 : 0);
      return "0"
          + province
          + centuryGender
          + String.format(Locale.ROOT, "%02d", birth.getYear() % 100)
          + String.format(Locale.ROOT, "%06d", 400_000 + n);
    }
  }
}
