package vn.truc.platform.registry;

/**
 * A registry error as Confluent-compatible clients expect it: an HTTP status and an {@code
 * error_code} they branch on (40401 subject not found, 42201 invalid schema, 409 incompatible...).
 */
public final class RegistryException extends RuntimeException {

  private final int status;
  private final int errorCode;

  RegistryException(int status, int errorCode, String message) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
  }

  static RegistryException subjectNotFound(String subject) {
    return new RegistryException(404, 40401, "Subject '" + subject + "' not found.");
  }

  static RegistryException versionNotFound(String subject, int version) {
    return new RegistryException(
        404, 40402, "Version " + version + " not found for subject '" + subject + "'.");
  }

  static RegistryException schemaNotFound() {
    return new RegistryException(404, 40403, "Schema not found");
  }

  static RegistryException noSubjectConfig(String subject) {
    return new RegistryException(
        404,
        40408,
        "Subject '" + subject + "' does not have subject-level compatibility configured");
  }

  static RegistryException invalidSchema(String reason) {
    return new RegistryException(422, 42201, "Invalid schema: " + reason);
  }

  static RegistryException invalidVersion(String version) {
    return new RegistryException(
        422,
        42202,
        "The specified version '"
            + version
            + "' is not a valid version id. "
            + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
  }

  static RegistryException invalidCompatibility(String level) {
    return new RegistryException(
        422,
        42203,
        "Invalid compatibility level '"
            + level
            + "'. Valid values are: "
            + java.util.Arrays.toString(vn.truc.schemas.Compatibility.Level.values()));
  }

  static RegistryException incompatible(String subject, java.util.List<String> problems) {
    return new RegistryException(
        409,
        409,
        "Schema being registered is incompatible with an earlier schema for subject '"
            + subject
            + "': "
            + String.join("; ", problems));
  }

  public int status() {
    return status;
  }

  public int errorCode() {
    return errorCode;
  }
}
