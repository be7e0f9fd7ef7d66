package vn.truc.platform.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Realistic rows for a provincial HR table, as the demo, the tests and the benchmark need them:
 * Vietnamese names with diacritics, dates as dd/MM/yyyy strings, legacy administrative-unit codes,
 * ID numbers whose prefix, century/gender digit and birth year agree. Deterministic per seed.
 */
public final class CivilServantGenerator {

  /** The province HR table, with the legacy column names such systems use. */
  public static final String TABLE = "CB_CONG_CHUC";

  public static final String[] COLUMNS = {
    "SO_CCCD",
    "SO_CMND",
    "SO_HIEU_CBCC",
    "HO_TEN",
    "NGAY_SINH",
    "GIOI_TINH",
    "DAN_TOC",
    "TON_GIAO",
    "DIA_CHI",
    "MA_TINH",
    "MA_HUYEN",
    "MA_XA",
    "LOAI_CB",
    "CO_QUAN_QL",
    "DON_VI",
    "CHUC_VU",
    "VI_TRI_VL",
    "MA_NGACH",
    "TEN_NGACH",
    "BAC_LUONG",
    "HE_SO_LUONG",
    "NGAY_HUONG_LUONG",
    "NGAY_TUYEN_DUNG",
    "CQ_TUYEN_DUNG",
    "TRINH_DO_CM",
    "LY_LUAN_CT",
    "NGAY_VAO_DANG",
    "NGAY_CHINH_THUC"
  };

  private static final String[] FAMILY = {
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
    "Ngô", "Dương", "Lý"
  };
  private static final String[] MIDDLE_M = {"Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Xuân"};
  private static final String[] MIDDLE_F = {"Thị", "Thu", "Ngọc", "Thanh", "Minh", "Hồng", "Kim"};
  private static final String[] GIVEN_M = {
    "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phúc", "Quân", "Sơn",
    "Thắng", "Tuấn", "Việt"
  };
  private static final String[] GIVEN_F = {
    "Anh", "Châu", "Dung", "Giang", "Hà", "Hạnh", "Hương", "Lan", "Linh", "Mai", "Ngọc", "Nhung",
    "Phương", "Thảo", "Trang", "Yến"
  };
  private static final String[] ETHNIC = {"Kinh", "Kinh", "Kinh", "Kinh", "Mường", "Tày", "Thái"};
  private static final String[] RELIGION = {"Không", "Không", "Không", "Phật giáo", "Công giáo"};

  /** Legacy province, district and commune codes of Hà Nam, Nam Định and Ninh Bình (now 37). */
  private static final String[][] COMMUNES = {
    {"35", "347", "13285", "Phường Quang Trung, Thành phố Phủ Lý"},
    {"35", "351", "13480", "Xã Liêm Túc, Huyện Thanh Liêm"},
    {"36", "356", "13723", "Xã Mỹ Tân, Thành phố Nam Định"},
    {"36", "361", "13963", "Xã Nam Điền, Huyện Nghĩa Hưng"},
    {"36", "365", "14170", "Xã Bình Hòa, Huyện Giao Thủy"},
    {"37", "372", "14428", "Thị trấn Nho Quan, Huyện Nho Quan"},
    {"37", "375", "14596", "Xã Khánh Vân, Huyện Yên Khánh"}
  };

  private static final String[][] RANKS = {
    {"01.003", "Chuyên viên", "CIVIL"},
    {"01.002", "Chuyên viên chính", "CIVIL"},
    {"01.004", "Cán sự", "CIVIL"},
    {"06.031", "Kiểm tra viên thuế", "CIVIL"},
    {"V.07.03.29", "Giáo viên trung học cơ sở hạng II", "PUBLIC"},
    {"V.08.05.12", "Điều dưỡng hạng III", "PUBLIC"}
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

  private final long seed;

  public CivilServantGenerator(long seed) {
    this.seed = seed;
  }

  /** The values of {@link #COLUMNS} for row number {@code n}; {@code revision} varies a change. */
  public Object[] row(long n, int revision) {
    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + n);
    boolean female = r.nextBoolean();
    LocalDate birth = LocalDate.of(1962 + r.nextInt(40), 1 + r.nextInt(12), 1 + r.nextInt(28));
    String[] commune = COMMUNES[r.nextInt(COMMUNES.length)];
    String[] rank = RANKS[r.nextInt(RANKS.length)];
    boolean publicEmployee = rank[2].equals("PUBLIC");
    int step = 1 + r.nextInt(8) + Math.min(revision, 3);
    BigDecimal coefficient = BigDecimal.valueOf(234 + 33L * (step - 1), 2);
    LocalDate recruited = birth.plusYears(22 + r.nextInt(6)).plusDays(r.nextInt(300));
    String name =
        FAMILY[r.nextInt(FAMILY.length)]
            + " "
            + (female ? MIDDLE_F[r.nextInt(MIDDLE_F.length)] : MIDDLE_M[r.nextInt(MIDDLE_M.length)])
            + " "
            + (female ? GIVEN_F[r.nextInt(GIVEN_F.length)] : GIVEN_M[r.nextInt(GIVEN_M.length)]);
    boolean party = r.nextInt(3) == 0;
    LocalDate partyJoin = recruited.plusYears(2 + r.nextInt(5));
    return new Object[] {
      personalId(n, birth, female),
      r.nextInt(4) == 0 ? null : String.format("%09d", 160_000_000L + n % 100_000_000L),
      String.format("CB%02d-%07d", Integer.parseInt(commune[0]), n),
      name,
      r.nextInt(50) == 0 ? String.valueOf(birth.getYear()) : birth.format(DMY),
      female ? "Nữ" : "Nam",
      ETHNIC[r.nextInt(ETHNIC.length)],
      RELIGION[r.nextInt(RELIGION.length)],
      "Số " + (1 + r.nextInt(200)) + ", thôn " + (1 + r.nextInt(12)) + ", " + commune[3],
      commune[0],
      commune[1],
      commune[2],
      publicEmployee ? "Viên chức" : (r.nextInt(10) == 0 ? "Cán bộ" : "Công chức"),
      "UBND tỉnh Ninh Bình",
      UNITS[r.nextInt(UNITS.length)],
      POSITIONS[r.nextInt(POSITIONS.length)],
      "Vị trí " + POSITIONS[r.nextInt(POSITIONS.length)].toLowerCase(java.util.Locale.ROOT),
      rank[0],
      rank[1],
      step,
      coefficient,
      recruited.plusYears(step * 3L).format(DMY),
      recruited.format(DMY),
      "Sở Nội vụ tỉnh "
          + (commune[0].equals("35")
              ? "Hà Nam"
              : commune[0].equals("36") ? "Nam Định" : "Ninh Bình"),
      r.nextInt(5) == 0 ? "Thạc sĩ" : "Đại học",
      r.nextInt(3) == 0 ? "Trung cấp" : "Sơ cấp",
      party ? partyJoin.format(DMY) : null,
      party ? partyJoin.plusYears(1).format(DMY) : null
    };
  }

  /**
   * A 12-digit personal ID: province of birth registration (legacy code with a leading zero), the
   * century/gender digit, the birth year's last two digits, and six digits unique per row.
   */
  static String personalId(long n, LocalDate birth, boolean female) {
    String[] provinces = {"035", "036", "037", "001", "079"};
    String province = provinces[(int) ((n / 1_000_000L) % provinces.length)];
    int century = (birth.getYear() / 100 - 19) * 2 + (female ? 1 : 0);
    return province
        + century
        + String.format("%02d", birth.getYear() % 100)
        + String.format("%06d", n % 1_000_000L);
  }

  /**
   * Inserts rows {@code from} to {@code from + count - 1} into the province table, committing every
   * 5,000 rows (the demo, the tests and the benchmark all hire through here).
   */
  public void insert(java.sql.Connection c, long from, int count) throws java.sql.SQLException {
    String columns = String.join(", ", COLUMNS);
    String marks = "?, ".repeat(COLUMNS.length - 1) + "?";
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (java.sql.PreparedStatement s =
        c.prepareStatement("INSERT INTO " + TABLE + " (" + columns + ") VALUES (" + marks + ")")) {
      int inBatch = 0;
      for (long n = from; n < from + count; n++) {
        Object[] row = row(n, 0);
        for (int i = 0; i < row.length; i++) {
          s.setObject(i + 1, row[i]);
        }
        s.addBatch();
        if (++inBatch == 5_000) {
          s.executeBatch();
          c.commit();
          inBatch = 0;
        }
      }
      s.executeBatch();
      c.commit();
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  /** DDL of the province table (MariaDB), with the index incremental polling needs. */
  public static String provinceDdl() {
    return "CREATE TABLE IF NOT EXISTS "
        + TABLE
        + " (MA_CB BIGINT AUTO_INCREMENT PRIMARY KEY,"
        + " SO_CCCD CHAR(12) NOT NULL, SO_CMND VARCHAR(9), SO_HIEU_CBCC VARCHAR(20),"
        + " HO_TEN VARCHAR(100) NOT NULL, NGAY_SINH VARCHAR(10), GIOI_TINH VARCHAR(5),"
        + " DAN_TOC VARCHAR(30), TON_GIAO VARCHAR(30), DIA_CHI VARCHAR(200), MA_TINH CHAR(2),"
        + " MA_HUYEN CHAR(3), MA_XA CHAR(5), LOAI_CB VARCHAR(20), CO_QUAN_QL VARCHAR(200),"
        + " DON_VI VARCHAR(200), CHUC_VU VARCHAR(100), VI_TRI_VL VARCHAR(200), MA_NGACH VARCHAR(12),"
        + " TEN_NGACH VARCHAR(100), BAC_LUONG INT, HE_SO_LUONG DECIMAL(4,2),"
        + " NGAY_HUONG_LUONG VARCHAR(10), NGAY_TUYEN_DUNG VARCHAR(10), CQ_TUYEN_DUNG VARCHAR(200),"
        + " TRINH_DO_CM VARCHAR(50), LY_LUAN_CT VARCHAR(50), NGAY_VAO_DANG VARCHAR(10),"
        + " NGAY_CHINH_THUC VARCHAR(10),"
        + " NGAY_CAP_NHAT DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),"
        + " UNIQUE KEY UQ_SO_CCCD (SO_CCCD), KEY IX_CAP_NHAT (NGAY_CAP_NHAT, MA_CB))"
        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
  }

  /** DDL of the national civil-servant table at the ministry (PostgreSQL). */
  public static String ministryDdl() {
    return "CREATE TABLE IF NOT EXISTS civil_servant ("
        + " personal_id CHAR(12) PRIMARY KEY, legacy_id_number VARCHAR(9),"
        + " civil_servant_number VARCHAR(20), full_name TEXT NOT NULL, date_of_birth VARCHAR(10),"
        + " gender VARCHAR(8), ethnicity TEXT, religion TEXT, residence_detail TEXT,"
        + " residence_structure VARCHAR(20), residence_province VARCHAR(2),"
        + " residence_district VARCHAR(3), residence_commune VARCHAR(5), staff_category VARCHAR(20),"
        + " managing_agency TEXT, employing_unit TEXT, position TEXT, job_position TEXT,"
        + " rank_code VARCHAR(12), rank_name TEXT, salary_step INT, salary_coefficient NUMERIC(5,2),"
        + " salary_effective_date DATE, recruitment_date DATE, recruiting_agency TEXT,"
        + " education_level TEXT, political_theory_level TEXT, party_join_date DATE,"
        + " party_official_date DATE, source_agency TEXT NOT NULL, source_position TEXT NOT NULL,"
        + " trace_id TEXT NOT NULL, source_changed_at TIMESTAMP NOT NULL,"
        + " delivered_at TIMESTAMPTZ NOT NULL DEFAULT now())";
  }
}
