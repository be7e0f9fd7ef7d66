package vn.truc.platform.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truc.routes.serde.SchemaLookup;

/**
 * Contract schemas in the platform database, with ids that stay stable across restarts. Lookups are
 * cached: the serde asks for every record, the database is asked once per schema.
 */
@Component
public class JdbcContractRegistry implements SchemaLookup {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Map<String, Integer> ids = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

  public JdbcContractRegistry(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Override
  public int idFor(String subject, Schema schema) {
    long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
    return ids.computeIfAbsent(
        subject + "#" + fingerprint, k -> register(subject, schema, fingerprint));
  }

  @Override
  public Schema byId(int id) {
    return schemas.computeIfAbsent(
        id,
        i ->
            jdbc
                .queryForList(
                    "SELECT schema_text FROM contract_schema WHERE id = ?", String.class, i)
                .stream()
                .findFirst()
                .map(text -> new Schema.Parser().parse(text))
                .orElseThrow(() -> new IllegalArgumentException("No schema with id " + i)));
  }

  private int register(String subject, Schema schema, long fingerprint) {
    return tx.execute(
        status -> {
          // Serialises registrations of one subject so versions stay dense under concurrency.
          jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", subject);
          return jdbc
              .queryForList(
                  "SELECT id FROM contract_schema WHERE subject = ? AND fingerprint = ?",
                  Integer.class,
                  subject,
                  fingerprint)
              .stream()
              .findFirst()
              .orElseGet(
                  () ->
                      jdbc.queryForObject(
                          "INSERT INTO contract_schema (subject, version, schema_text, fingerprint)"
                              + " VALUES (?, (SELECT COALESCE(MAX(version), 0) + 1 FROM"
                              + " contract_schema WHERE subject = ?), ?, ?) RETURNING id",
                          Integer.class,
                          subject,
                          subject,
                          schema.toString(),
                          fingerprint));
        });
  }
}
