package vn.truc.platform.it;

import java.util.List;

/**
 * The province's HR table ({@code CB_CONG_CHUC}, the demo's shape) as the integration tests
 * register it: one jdbc-polling connector definition, the mapping varied by what each test needs.
 */
final class ProvinceTable {

  private ProvinceTable() {}

  /**
   * @param mapping the mapping's lines ({@code field: COLUMN}); personalId and the residence's
   *     structure are always there
   */
  static String connectorYaml(
      String id, String url, String user, String password, List<String> mapping) {
    return connectorYaml(id, "P37", url, user, password, mapping);
  }

  /** The same for the HR table of another province's agency. */
  static String connectorYaml(
      String id, String agency, String url, String user, String password, List<String> mapping) {
    StringBuilder lines = new StringBuilder();
    for (String line : mapping) {
      lines.append("  ").append(line).append('\n');
    }
    return """
        id: %s
        agency: %s
        contract: CivilServant
        kind: jdbc-polling
        pollIntervalMs: 200
        settings:
          jdbc.url: "%s"
          jdbc.user: %s
          jdbc.password: "%s"
          table: CB_CONG_CHUC
          key.column: MA_CB
          timestamp.column: NGAY_CAP_NHAT
          timestamp.zone: UTC
        mapping:
          personalId: SO_CCCD
        %sconstants:
          residence.structure: LEGACY_3_TIER
        """
        .formatted(id, agency, url, user, password, lines);
  }
}
