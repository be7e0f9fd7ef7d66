package vn.truc.schemas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;

/**
 * Whether a new version of a contract may follow the earlier ones, under the compatibility levels
 * of the Confluent schema registry. Pure: Avro's own reader/writer resolution rules ({@link
 * SchemaCompatibility}), no registry, no I/O.
 *
 * <p>Every problem names the field it is about, e.g. {@code field 'email' has no default value and
 * is missing from version 1, so the new schema cannot read records of version 1: give 'email' a
 * default value [READER_FIELD_MISSING_DEFAULT_VALUE at /fields/27]}.
 *
 * <pre>{@code
 * List<String> problems = Compatibility.problems(Level.BACKWARD_TRANSITIVE, candidate, earlier);
 * if (!problems.isEmpty()) { reject with 409 and the problems }
 * }</pre>
 */
public final class Compatibility {

  /** The compatibility levels of the Confluent schema registry ({@code GET/PUT /config}). */
  public enum Level {
    /** No check. */
    NONE(false, false, false),
    /** The new schema can read records written with the latest version. Confluent's default. */
    BACKWARD(true, false, false),
    /** The new schema can read records written with every earlier version. Trục's contracts. */
    BACKWARD_TRANSITIVE(true, false, true),
    /** Readers of the latest version can read records written with the new schema. */
    FORWARD(false, true, false),
    /** Readers of every earlier version can read records written with the new schema. */
    FORWARD_TRANSITIVE(false, true, true),
    /** Both BACKWARD and FORWARD, against the latest version. */
    FULL(true, true, false),
    /** Both BACKWARD and FORWARD, against every earlier version. */
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    Level(boolean backward, boolean forward, boolean transitive) {
      this.backward = backward;
      this.forward = forward;
      this.transitive = transitive;
    }

    /** The level of a name as the registry API spells it, in any case, e.g. {@code backward}. */
    public static Level parse(String name) {
      String wanted = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
      for (Level level : values()) {
        if (level.name().equals(wanted)) {
          return level;
        }
      }
      throw new IllegalArgumentException(
          "Unknown compatibility level '" + name + "'; use one of " + Arrays.toString(values()));
    }
  }

  /** Which way a problem breaks reading. */
  public enum Direction {
    /** The new schema, as reader, cannot read records written with an earlier version. */
    BACKWARD,
    /** An earlier version, as reader, cannot read records written with the new schema. */
    FORWARD
  }

  /**
   * One reason why the new schema may not follow an earlier version.
   *
   * @param version the earlier version, counted from 1 in the order given
   * @param direction which side cannot read the other
   * @param type Avro's kind of incompatibility
   * @param field dotted path of the offending field in the reading schema, e.g. {@code
   *     household.relationToHead}, {@code languages[]}; empty when it is the record itself
   * @param location JSON pointer into the reading schema, as Avro reports it
   * @param message a sentence for people that names the field and what to do
   */
  public record Problem(
      int version,
      Direction direction,
      SchemaIncompatibilityType type,
      String field,
      String location,
      String message) {

    @Override
    public String toString() {
      return message;
    }
  }

  private Compatibility() {}

  /**
   * Checks a new schema against the earlier versions of its subject.
   *
   * @param level the subject's compatibility level
   * @param candidate the schema to be registered
   * @param earlier every earlier version, oldest first (version 1 first); the non-transitive levels
   *     look only at the last one
   * @return the problems, empty when the candidate may be registered
   */
  public static List<Problem> check(Level level, Schema candidate, List<Schema> earlier) {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(earlier, "earlier");
    if (earlier.isEmpty()) {
      return List.of();
    }
    List<Problem> problems = new ArrayList<>();
    int first = level.transitive ? 0 : earlier.size() - 1;
    for (int i = first; i < earlier.size(); i++) {
      Schema old = earlier.get(i);
      int version = i + 1;
      if (level.backward) {
        compare(candidate, old, "", "", Direction.BACKWARD, version, problems);
      }
      if (level.forward) {
        compare(old, candidate, "", "", Direction.FORWARD, version, problems);
      }
    }
    return List.copyOf(problems);
  }

  /** The messages of {@link #check}; empty when the candidate may be registered. */
  public static List<String> problems(Level level, Schema candidate, List<Schema> earlier) {
    return check(level, candidate, earlier).stream().map(Problem::message).toList();
  }

  /**
   * Why the candidate cannot read the records of every earlier version (oldest first); empty when
   * it can. The rule for Trục's contracts.
   */
  public static List<String> backwardTransitiveProblems(Schema candidate, List<Schema> earlier) {
    return problems(Level.BACKWARD_TRANSITIVE, candidate, earlier);
  }

  /** True when {@link #check} finds no problem. */
  public static boolean isCompatible(Level level, Schema candidate, List<Schema> earlier) {
    return check(level, candidate, earlier).isEmpty();
  }

  private static void compare(
      Schema reader,
      Schema writer,
      String fieldPrefix,
      String locationPrefix,
      Direction direction,
      int version,
      List<Problem> out) {
    List<Incompatibility> found =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
            .getResult()
            .getIncompatibilities();
    for (Incompatibility inc : found) {
      String field = join(fieldPrefix, fieldPath(reader, inc.getLocation()));
      String location = locationPrefix + inc.getLocation();
      if (inc.getType() == SchemaIncompatibilityType.MISSING_UNION_BRANCH
          && refineUnion(inc, field, location, direction, version, out)) {
        continue;
      }
      out.add(
          new Problem(
              version,
              direction,
              inc.getType(),
              field,
              location,
              describe(inc, field, location, direction, version)));
    }
  }

  /**
   * Avro reports a change inside a nullable record only as "reader union lacking writer type:
   * RECORD". Where the reader's union has a branch of the same name (or kind), checks that branch
   * against the writer's to name the field inside that really changed.
   */
  private static boolean refineUnion(
      Incompatibility inc,
      String field,
      String location,
      Direction direction,
      int version,
      List<Problem> out) {
    Schema reader = inc.getReaderFragment();
    Schema writer = inc.getWriterFragment();
    if (reader.getType() != Schema.Type.UNION) {
      return false;
    }
    if (writer.getType() == Schema.Type.UNION) {
      String[] steps = inc.getLocation().split("/");
      String last = steps.length == 0 ? "" : steps[steps.length - 1];
      if (!last.matches("\\d+") || Integer.parseInt(last) >= writer.getTypes().size()) {
        return false;
      }
      writer = writer.getTypes().get(Integer.parseInt(last));
    }
    Schema match = null;
    for (Schema branch : reader.getTypes()) {
      if (branch.getType() == writer.getType()
          && (!isNamed(writer) || branch.getFullName().equals(writer.getFullName()))) {
        match = branch;
        break;
      }
    }
    if (match == null) {
      return false;
    }
    int before = out.size();
    compare(match, writer, field, location, direction, version, out);
    return out.size() > before;
  }

  private static boolean isNamed(Schema s) {
    return switch (s.getType()) {
      case RECORD, ENUM, FIXED -> true;
      default -> false;
    };
  }

  private static String describe(
      Incompatibility inc, String field, String location, Direction direction, int version) {
    String readerName = direction == Direction.BACKWARD ? "the new schema" : "version " + version;
    String writerName = direction == Direction.BACKWARD ? "version " + version : "the new schema";
    String subject = field.isEmpty() ? "the record" : "field '" + field + "'";
    String text =
        switch (inc.getType()) {
          case READER_FIELD_MISSING_DEFAULT_VALUE ->
              direction == Direction.BACKWARD
                  ? subject
                      + " has no default value and is missing from version "
                      + version
                      + ", so the new schema cannot read records of version "
                      + version
                      + ": give '"
                      + field
                      + "' a default value"
                  : subject
                      + " is missing from the new schema but has no default value in version "
                      + version
                      + ", so readers of version "
                      + version
                      + " cannot read new records: keep '"
                      + field
                      + "'";
          case TYPE_MISMATCH ->
              subject
                  + " is "
                  + typeName(inc.getReaderFragment())
                  + " in "
                  + readerName
                  + " but "
                  + writerName
                  + " can write "
                  + typeName(inc.getWriterFragment())
                  + " there, and Avro cannot read "
                  + typeName(inc.getWriterFragment())
                  + " as "
                  + typeName(inc.getReaderFragment());
          case MISSING_ENUM_SYMBOLS ->
              subject
                  + ": enum "
                  + inc.getReaderFragment().getName()
                  + " in "
                  + readerName
                  + " lacks the symbols "
                  + inc.getMessage()
                  + " that "
                  + writerName
                  + " can write, and has no default symbol: keep the symbols or give the enum a"
                  + " default";
          case MISSING_UNION_BRANCH ->
              subject
                  + ": the union in "
                  + readerName
                  + " has no branch that reads the "
                  + typeName(unionBranch(inc))
                  + " that "
                  + writerName
                  + " can write";
          case NAME_MISMATCH ->
              subject
                  + ": the type is named "
                  + inc.getReaderFragment().getFullName()
                  + " in "
                  + readerName
                  + " but "
                  + inc.getWriterFragment().getFullName()
                  + " in "
                  + writerName
                  + "; a renamed type needs its old name as an alias";
          case FIXED_SIZE_MISMATCH ->
              subject + ": the fixed size differs between the versions (" + inc.getMessage() + ")";
          default -> subject + ": " + inc.getMessage();
        };
    return text + " [" + inc.getType() + " at " + location + "]";
  }

  /** The writer's branch that a MISSING_UNION_BRANCH is about. */
  private static Schema unionBranch(Incompatibility inc) {
    Schema writer = inc.getWriterFragment();
    if (writer.getType() == Schema.Type.UNION) {
      String[] steps = inc.getLocation().split("/");
      String last = steps.length == 0 ? "" : steps[steps.length - 1];
      if (last.matches("\\d+") && Integer.parseInt(last) < writer.getTypes().size()) {
        return writer.getTypes().get(Integer.parseInt(last));
      }
    }
    return writer;
  }

  private static String typeName(Schema s) {
    if (s.getType() == Schema.Type.UNION) {
      return "a union of " + s.getTypes().stream().map(Compatibility::typeName).toList().toString();
    }
    String name = isNamed(s) ? s.getType().getName() + " " + s.getName() : s.getType().getName();
    return s.getLogicalType() == null ? name : name + " (" + s.getLogicalType().getName() + ")";
  }

  /**
   * The dotted field path that a JSON pointer of {@link SchemaCompatibility} points into, e.g.
   * {@code /fields/3/type/1/fields/0/type} -> {@code household.headFullName}.
   */
  static String fieldPath(Schema root, String pointer) {
    List<String> names = new ArrayList<>();
    Schema current = root;
    String[] steps = pointer.split("/");
    for (int i = 0; i < steps.length && current != null; i++) {
      String step = steps[i];
      switch (step) {
        case "", "type" -> {}
        case "fields" -> {
          Schema record = branch(current, Schema.Type.RECORD);
          if (record == null || i + 1 >= steps.length || !steps[i + 1].matches("\\d+")) {
            current = null;
            break;
          }
          int index = Integer.parseInt(steps[++i]);
          if (index >= record.getFields().size()) {
            current = null;
            break;
          }
          Schema.Field field = record.getFields().get(index);
          names.add(field.name());
          current = field.schema();
        }
        case "items" -> {
          Schema array = branch(current, Schema.Type.ARRAY);
          appendToLast(names, "[]");
          current = array == null ? null : array.getElementType();
        }
        case "values" -> {
          Schema map = branch(current, Schema.Type.MAP);
          appendToLast(names, "{}");
          current = map == null ? null : map.getValueType();
        }
        default -> {
          if (step.matches("\\d+")
              && current.getType() == Schema.Type.UNION
              && Integer.parseInt(step) < current.getTypes().size()) {
            current = current.getTypes().get(Integer.parseInt(step));
          } else if (!step.matches("\\d+")) {
            current = null; // name, size, symbols: the end of the path
          }
        }
      }
    }
    return String.join(".", names);
  }

  private static Schema branch(Schema s, Schema.Type type) {
    if (s.getType() == type) {
      return s;
    }
    if (s.getType() == Schema.Type.UNION) {
      return s.getTypes().stream().filter(t -> t.getType() == type).findFirst().orElse(null);
    }
    return null;
  }

  private static void appendToLast(List<String> names, String suffix) {
    if (names.isEmpty()) {
      names.add(suffix);
    } else {
      names.set(names.size() - 1, names.get(names.size() - 1) + suffix);
    }
  }

  private static String join(String prefix, String path) {
    if (prefix.isEmpty()) {
      return path;
    }
    return path.isEmpty() ? prefix : prefix + "." + path;
  }
}
