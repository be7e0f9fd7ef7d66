package vn.truc.platform.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truc.routes.serde.SchemaLookup;
import vn.truc.schemas.Compatibility;

/**
 * The contract registry: subjects, versions and schema ids in the platform database, with the
 * semantics of the Confluent Schema Registry (one id per distinct schema across subjects,
 * registration idempotent, compatibility checked against the subject's level). Ids never change
 * once given, so records on topics stay readable after restarts.
 */
@Service
public class SchemaRegistry implements SchemaLookup {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  // Keyed by the Schema object (its hash is cached, equality short-circuits on identity): the
  // serde asks for every record, and printing the schema to look it up cost more than encoding.
  private final Map<SubjectSchema, Integer> idCache = new ConcurrentHashMap<>();

  private record SubjectSchema(String subject, Schema schema) {}

  private final Map<Integer, Schema> schemaCache = new ConcurrentHashMap<>();

  SchemaRegistry(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  // --- the serde's view: hot path, cached ---

  @Override
  public int idFor(String subject, Schema schema) {
    return idCache.computeIfAbsent(
        new SubjectSchema(subject, schema), k -> register(subject, schema.toString()));
  }

  @Override
  public Schema byId(int id) {
    return schemaCache.computeIfAbsent(id, i -> parse(schemaText(i)));
  }

  // --- the REST API's view ---

  /** Registers the schema under the subject, or returns its id if it is already there. */
  public int register(String subject, String schemaText) {
    Schema candidate = parse(schemaText);
    String text = candidate.toString();
    String digest = digest(text);
    Integer id =
        tx.execute(
            status -> {
              // Serialises registrations of one subject, so versions stay dense.
              jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", subject);
              Optional<Integer> existing =
                  jdbc
                      .queryForList(
                          "SELECT s.id FROM registry_schema s JOIN registry_subject_version v"
                              + " ON v.schema_id = s.id WHERE v.subject = ? AND s.digest = ?",
                          Integer.class,
                          subject,
                          digest)
                      .stream()
                      .findFirst();
              if (existing.isPresent()) {
                return existing.get();
              }
              List<String> problems =
                  Compatibility.problems(compatibility(subject), candidate, schemasOf(subject));
              if (!problems.isEmpty()) {
                throw RegistryException.incompatible(subject, problems);
              }
              jdbc.update(
                  "INSERT INTO registry_schema (digest, schema_text) VALUES (?, ?)"
                      + " ON CONFLICT (digest) DO NOTHING",
                  digest,
                  text);
              int schemaId =
                  jdbc.queryForObject(
                      "SELECT id FROM registry_schema WHERE digest = ?", Integer.class, digest);
              jdbc.update(
                  "INSERT INTO registry_subject_version (subject, version, schema_id) VALUES (?,"
                      + " (SELECT COALESCE(MAX(version), 0) + 1 FROM registry_subject_version"
                      + " WHERE subject = ?), ?)",
                  subject,
                  subject,
                  schemaId);
              return schemaId;
            });
    return id;
  }

  /** The version of the subject that holds this schema. */
  public RegisteredSchema lookup(String subject, String schemaText) {
    requireSubject(subject);
    String text = parse(schemaText).toString();
    return jdbc
        .query(
            "SELECT v.subject, v.version, s.id, s.schema_text FROM registry_subject_version v"
                + " JOIN registry_schema s ON s.id = v.schema_id WHERE v.subject = ? AND s.digest = ?",
            (rs, n) ->
                new RegisteredSchema(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4)),
            subject,
            digest(text))
        .stream()
        .findFirst()
        .orElseThrow(RegistryException::schemaNotFound);
  }

  public String schemaText(int id) {
    return jdbc
        .queryForList("SELECT schema_text FROM registry_schema WHERE id = ?", String.class, id)
        .stream()
        .findFirst()
        .orElseThrow(RegistryException::schemaNotFound);
  }

  public List<String> subjects() {
    return jdbc.queryForList(
        "SELECT DISTINCT subject FROM registry_subject_version ORDER BY subject", String.class);
  }

  public List<Integer> versions(String subject) {
    List<Integer> versions =
        jdbc.queryForList(
            "SELECT version FROM registry_subject_version WHERE subject = ? ORDER BY version",
            Integer.class,
            subject);
    if (versions.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    return versions;
  }

  /** A version by number or {@code latest}. */
  public RegisteredSchema version(String subject, String version) {
    List<Integer> versions = versions(subject);
    int wanted = parseVersion(version, versions);
    return jdbc
        .query(
            "SELECT v.subject, v.version, s.id, s.schema_text FROM registry_subject_version v"
                + " JOIN registry_schema s ON s.id = v.schema_id WHERE v.subject = ? AND v.version = ?",
            (rs, n) ->
                new RegisteredSchema(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4)),
            subject,
            wanted)
        .stream()
        .findFirst()
        .orElseThrow(() -> RegistryException.versionNotFound(subject, wanted));
  }

  /** Whether the schema could be registered after the given version, and if not, why. */
  public List<String> compatibilityProblems(String subject, String version, String schemaText) {
    Schema candidate = parse(schemaText);
    List<Integer> versions = versions(subject);
    int upTo = parseVersion(version, versions);
    if (!versions.contains(upTo)) {
      throw RegistryException.versionNotFound(subject, upTo);
    }
    Compatibility.Level level = compatibility(subject);
    List<Schema> earlier =
        jdbc.query(
            "SELECT s.schema_text FROM registry_subject_version v JOIN registry_schema s"
                + " ON s.id = v.schema_id WHERE v.subject = ? AND v.version <= ? ORDER BY v.version",
            (rs, n) -> parse(rs.getString(1)),
            subject,
            upTo);
    return Compatibility.problems(level, candidate, earlier);
  }

  public Compatibility.Level globalCompatibility() {
    return level(
        jdbc.queryForObject(
            "SELECT compatibility FROM registry_config WHERE subject = ''", String.class));
  }

  public Optional<Compatibility.Level> subjectCompatibility(String subject) {
    return jdbc
        .queryForList(
            "SELECT compatibility FROM registry_config WHERE subject = ?", String.class, subject)
        .stream()
        .findFirst()
        .map(Compatibility.Level::parse);
  }

  /** Sets the level of a subject, or the global level when {@code subject} is null. */
  public void setCompatibility(String subject, Compatibility.Level level) {
    jdbc.update(
        "INSERT INTO registry_config (subject, compatibility) VALUES (?, ?)"
            + " ON CONFLICT (subject) DO UPDATE SET compatibility = EXCLUDED.compatibility",
        subject == null ? "" : subject,
        level.name());
  }

  /** A level by the name the API uses; 42203 for an unknown one. */
  static Compatibility.Level level(String name) {
    try {
      return Compatibility.Level.parse(name);
    } catch (IllegalArgumentException e) {
      throw RegistryException.invalidCompatibility(name);
    }
  }

  private Compatibility.Level compatibility(String subject) {
    return subjectCompatibility(subject).orElseGet(this::globalCompatibility);
  }

  private List<Schema> schemasOf(String subject) {
    return jdbc.query(
        "SELECT s.schema_text FROM registry_subject_version v JOIN registry_schema s"
            + " ON s.id = v.schema_id WHERE v.subject = ? ORDER BY v.version",
        (rs, n) -> parse(rs.getString(1)),
        subject);
  }

  private void requireSubject(String subject) {
    versions(subject);
  }

  private static int parseVersion(String version, List<Integer> versions) {
    if ("latest".equalsIgnoreCase(version) || "-1".equals(version)) {
      return versions.get(versions.size() - 1);
    }
    try {
      int v = Integer.parseInt(version);
      if (v < 1) {
        throw RegistryException.invalidVersion(version);
      }
      return v;
    } catch (NumberFormatException e) {
      throw RegistryException.invalidVersion(version);
    }
  }

  static Schema parse(String text) {
    if (text == null || text.isBlank()) {
      throw RegistryException.invalidSchema("the request has no schema");
    }
    try {
      return new Schema.Parser().parse(text);
    } catch (SchemaParseException | NullPointerException e) {
      throw RegistryException.invalidSchema(e.getMessage());
    }
  }

  private static String digest(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
