package vn.truc.platform.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

/**
 * The database limit: the province's rows streamed by {@code COPY ... TO STDOUT} straight into
 * {@code COPY ... FROM STDIN} of a same-shaped table at the ministry, no Kafka and no mapping. No
 * pipeline that reads and writes these tables through PostgreSQL can be faster than this.
 */
final class CopyLimit {

  static final String TARGET = "cb_cong_chuc_copy";

  private CopyLimit() {}

  static Outcome run(Connection province, Connection ministry, int records) throws Exception {
    ProvinceTable.execute(ministry, "DROP TABLE IF EXISTS " + TARGET);
    ProvinceTable.execute(ministry, ProvinceTable.copyDdl(TARGET));
    String columns = "ma_cb, " + ProvinceTable.columns() + ", ngay_cap_nhat";
    long machine = Usage.machineBusyTicks();
    long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    CopyOut out =
        province
            .unwrap(PGConnection.class)
            .getCopyAPI()
            .copyOut(
                "COPY (SELECT "
                    + columns
                    + " FROM "
                    + ProvinceTable.NAME
                    + " WHERE ma_cb <= "
                    + records
                    + ") TO STDOUT");
    CopyIn in =
        ministry
            .unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn("COPY " + TARGET + " (" + columns + ") FROM STDIN");
    byte[] row;
    while ((row = out.readFromCopy()) != null) {
      in.writeToCopy(row, 0, row.length);
    }
    long copied = in.endCopy();
    double seconds = (System.nanoTime() - t0) / 1e9;
    Usage usage =
        new Usage(
            (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e9,
            0,
            (Usage.machineBusyTicks() - machine) / Usage.TICKS_PER_SECOND);
    return new Outcome(
        "limit: PostgreSQL COPY to COPY", copied, copied / seconds, -1, -1, usage, -1, -1);
  }
}
