package vn.truc.platform.bench;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import vn.truc.connector.jdbc.CopyText;
import vn.truc.platform.demo.CivilServantGenerator;

/**
 * The province's HR table on PostgreSQL, the source of every pipeline: the demo generator's 28
 * legacy columns, a serial key and a change time (UTC wall time, as HR systems keep it), with the
 * index incremental polling needs. Loaded with COPY so that a two-million-row run starts quickly.
 */
final class ProvinceTable {

  static final String NAME = "cb_cong_chuc";

  private ProvinceTable() {}

  static String ddl() {
    return "CREATE TABLE "
        + NAME
        + " (ma_cb BIGSERIAL PRIMARY KEY, so_cccd CHAR(12) NOT NULL UNIQUE, so_cmnd VARCHAR(9),"
        + " so_hieu_cbcc VARCHAR(20), ho_ten VARCHAR(100) NOT NULL, ngay_sinh VARCHAR(10),"
        + " gioi_tinh VARCHAR(5), dan_toc VARCHAR(30), ton_giao VARCHAR(30), dia_chi VARCHAR(200),"
        + " ma_tinh CHAR(2), ma_huyen CHAR(3), ma_xa CHAR(5), loai_cb VARCHAR(20),"
        + " co_quan_ql VARCHAR(200), don_vi VARCHAR(200), chuc_vu VARCHAR(100),"
        + " vi_tri_vl VARCHAR(200), ma_ngach VARCHAR(12), ten_ngach VARCHAR(100), bac_luong INT,"
        + " he_so_luong NUMERIC(4,2), ngay_huong_luong VARCHAR(10), ngay_tuyen_dung VARCHAR(10),"
        + " cq_tuyen_dung VARCHAR(200), trinh_do_cm VARCHAR(50), ly_luan_ct VARCHAR(50),"
        + " ngay_vao_dang VARCHAR(10), ngay_chinh_thuc VARCHAR(10),"
        + " ngay_cap_nhat TIMESTAMP(6) NOT NULL DEFAULT (clock_timestamp() AT TIME ZONE 'UTC'))";
  }

  /** The same columns at the ministry, for the peer's sink and the COPY limit. */
  static String copyDdl(String table) {
    return ddl()
        .replace(NAME + " (", table + " (")
        .replace("BIGSERIAL", "BIGINT")
        .replace(
            "DEFAULT (clock_timestamp() AT TIME ZONE 'UTC'))",
            ", delivered_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())");
  }

  static String columns() {
    return String.join(", ", CivilServantGenerator.COLUMNS).toLowerCase(java.util.Locale.ROOT);
  }

  /** Creates the table and loads rows 1..count; returns the seconds the load took. */
  static double load(Connection c, CivilServantGenerator people, int count) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute(ddl());
      s.execute("CREATE INDEX ix_cap_nhat ON " + NAME + " (ngay_cap_nhat, ma_cb)");
    }
    long t0 = System.nanoTime();
    try (OutputStream out =
        new PGCopyOutputStream(
            c.unwrap(PGConnection.class),
            "COPY " + NAME + " (" + columns() + ") FROM STDIN",
            1 << 16)) {
      CopyText rows = new CopyText(1 << 16);
      for (long n = 1; n <= count; n++) {
        for (Object value : people.row(n, 0)) {
          rows.value(value);
        }
        rows.endRow();
        if (rows.size() >= 1 << 15) {
          rows.writeTo(out);
          rows.clear();
        }
      }
      rows.writeTo(out);
    }
    try (Statement s = c.createStatement()) {
      s.execute("VACUUM ANALYZE " + NAME);
    }
    return Duration.ofNanos(System.nanoTime() - t0).toMillis() / 1000.0;
  }

  /** Inserts {@code perTick} rows every 100 ms for {@code seconds}: an HR system under load. */
  static void stream(Connection c, CivilServantGenerator people, long from, int rate, int seconds)
      throws Exception {
    int perTick = Math.max(1, rate / 10);
    long next = System.nanoTime();
    long n = from;
    for (int tick = 0; tick < seconds * 10; tick++) {
      people.insert(c, n, perTick);
      n += perTick;
      next += Duration.ofMillis(100).toNanos();
      long wait = next - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
    }
  }

  static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
