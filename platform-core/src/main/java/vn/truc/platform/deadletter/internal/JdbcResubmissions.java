package vn.truc.platform.deadletter.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.truc.platform.deadletter.EntryId;
import vn.truc.platform.deadletter.ResubmissionStatus;
import vn.truc.routes.ingest.ReplayOutcome;
import vn.truc.routes.mapping.FieldError;

/** The outcomes of re-submissions in the platform database, one row per dead-letter entry. */
@Component
public class JdbcResubmissions {

  private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
  private static final String COLUMNS =
      "kafka_partition, kafka_offset, outcome, at, attempts, record_key, corrected_columns, errors";

  private final JdbcTemplate jdbc;

  JdbcResubmissions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<ResubmissionStatus> find(String topic, EntryId id) {
    return jdbc
        .query(
            "SELECT "
                + COLUMNS
                + " FROM dead_letter_resubmission"
                + " WHERE topic = ? AND kafka_partition = ? AND kafka_offset = ?",
            (rs, n) -> status(rs),
            topic,
            id.partition(),
            id.offset())
        .stream()
        .findFirst();
  }

  /** The statuses of those of {@code ids} that were ever re-submitted. */
  public Map<EntryId, ResubmissionStatus> find(String topic, Collection<EntryId> ids) {
    Map<EntryId, ResubmissionStatus> found = new HashMap<>();
    Map<Integer, List<EntryId>> byPartition =
        ids.stream().collect(Collectors.groupingBy(EntryId::partition));
    byPartition.forEach(
        (partition, entries) -> {
          long min = entries.stream().mapToLong(EntryId::offset).min().orElseThrow();
          long max = entries.stream().mapToLong(EntryId::offset).max().orElseThrow();
          jdbc.query(
              "SELECT "
                  + COLUMNS
                  + " FROM dead_letter_resubmission WHERE topic = ? AND kafka_partition = ?"
                  + " AND kafka_offset BETWEEN ? AND ?",
              rs -> {
                found.put(new EntryId(rs.getInt(1), rs.getLong(2)), status(rs));
              },
              topic,
              partition,
              min,
              max);
        });
    return found;
  }

  /** Records an attempt: the outcome replaces the last one, the attempts are counted. */
  public void record(
      String topic, EntryId id, String flowId, ReplayOutcome outcome, List<String> corrected) {
    String errors;
    try {
      errors = outcome.isPublished() ? null : JSON.writeValueAsString(outcome.errors());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    jdbc.execute(
        (java.sql.Connection c) -> {
          try (var s =
              c.prepareStatement(
                  "INSERT INTO dead_letter_resubmission (topic, kafka_partition, kafka_offset,"
                      + " flow_id, outcome, attempts, record_key, corrected_columns, errors, at)"
                      + " VALUES (?, ?, ?, ?, ?, 1, ?, ?, CAST(? AS jsonb), ?)"
                      + " ON CONFLICT (topic, kafka_partition, kafka_offset) DO UPDATE SET"
                      + " flow_id = EXCLUDED.flow_id, outcome = EXCLUDED.outcome,"
                      + " attempts = dead_letter_resubmission.attempts + 1,"
                      + " record_key = EXCLUDED.record_key,"
                      + " corrected_columns = EXCLUDED.corrected_columns,"
                      + " errors = EXCLUDED.errors, at = EXCLUDED.at")) {
            Array columns = c.createArrayOf("text", corrected.toArray());
            s.setString(1, topic);
            s.setInt(2, id.partition());
            s.setLong(3, id.offset());
            s.setString(4, flowId);
            s.setString(
                5,
                (outcome.isPublished()
                        ? ResubmissionStatus.Outcome.RESUBMITTED
                        : ResubmissionStatus.Outcome.REJECTED)
                    .name());
            s.setString(6, outcome.key());
            s.setArray(7, columns);
            s.setString(8, errors);
            s.setTimestamp(9, Timestamp.from(Instant.now()));
            s.executeUpdate();
            columns.free();
          }
          return null;
        });
  }

  private static ResubmissionStatus status(ResultSet rs) throws SQLException {
    String errors = rs.getString(8);
    try {
      return new ResubmissionStatus(
          ResubmissionStatus.Outcome.valueOf(rs.getString(3)),
          rs.getTimestamp(4).toInstant(),
          rs.getInt(5),
          rs.getString(6),
          List.of((String[]) rs.getArray(7).getArray()),
          errors == null
              ? List.of()
              : JSON.readValue(errors, new TypeReference<List<FieldError>>() {}));
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable errors of a re-submission: " + e.getMessage(), e);
    }
  }
}
