package vn.truc.platform.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Plays the province's HR staff: seeds the table on first start, then every few seconds hires a few
 * people and updates the salary step of a few others, so changes flow while you watch.
 */
@Component
@ConditionalOnProperty(
    name = {"truc.demo.enabled", "truc.demo.activity"},
    havingValue = "true",
    matchIfMissing = false)
public class DemoActivity {

  private static final Logger LOG = LoggerFactory.getLogger(DemoActivity.class);

  private final String url;
  private final int seedRows;
  private final CivilServantGenerator generator = new CivilServantGenerator(37);
  private final SplittableRandom random = new SplittableRandom();
  private final AtomicLong revision = new AtomicLong();

  DemoActivity(
      @Value("${truc.demo.province.jdbc-url}") String url,
      @Value("${truc.demo.seed-rows:2000}") int seedRows) {
    this.url = url;
    this.seedRows = seedRows;
  }

  @Scheduled(initialDelay = 0, fixedDelayString = "${truc.demo.change-interval-ms:3000}")
  public void change() {
    try (Connection c = DriverManager.getConnection(url, "root", "")) {
      long rows = count(c);
      if (rows == 0) {
        generator.insert(c, 1, seedRows);
        LOG.info("Demo: seeded {} civil servants at the province", seedRows);
        return;
      }
      generator.insert(c, rows + 1, 1 + random.nextInt(3));
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE CB_CONG_CHUC SET BAC_LUONG = BAC_LUONG + 1,"
                  + " HE_SO_LUONG = LEAST(HE_SO_LUONG + 0.33, 99.99),"
                  + " NGAY_CAP_NHAT = CURRENT_TIMESTAMP(6) WHERE MA_CB = ?")) {
        for (int i = 0; i < 3; i++) {
          s.setLong(1, 1 + random.nextLong(rows));
          s.addBatch();
        }
        s.executeBatch();
      }
      revision.incrementAndGet();
    } catch (SQLException e) {
      LOG.warn("Demo change failed: {}", e.getMessage());
    }
  }

  private static long count(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + CivilServantGenerator.TABLE)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
