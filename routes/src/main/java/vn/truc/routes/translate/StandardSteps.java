package vn.truc.routes.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import vn.truc.routes.mapping.RowMapper;

/**
 * The translation and validation steps every ingest route runs after mapping, chosen from the
 * contract's fields, to pass to {@link RowMapper} as its record checks:
 *
 * <pre>{@code
 * new RowMapper(contract, rules, codes, StandardSteps.forSchema(contract));
 * }</pre>
 *
 * <ul>
 *   <li>{@link PersonalIdCheck} when the contract has {@code personalId} (cross-checked against
 *       {@code dateOfBirth} and {@code gender} when it has them; also checks {@code
 *       legacyIdNumber});
 *   <li>one {@link AddressTranslation} per top-level Address field (e.g. {@code residence}, {@code
 *       hometown}): legacy administrative units to 2025 units;
 *   <li>{@link EthnicityTranslation} when the contract has a string field {@code ethnicity}.
 * </ul>
 *
 * The steps are immutable and may be shared by every mapper of the contract.
 */
public final class StandardSteps {

  private StandardSteps() {}

  /** The steps for {@code contract}, with no country codes for births registered abroad. */
  public static List<RowMapper.RecordCheck> forSchema(Schema contract) {
    return forSchema(contract, Set.of());
  }

  /**
   * The steps for {@code contract}.
   *
   * @param birthCountryCodes 3-digit country codes accepted as the first digits of a personal ID
   *     number (births registered abroad; the scheme is unconfirmed, see {@link PersonalIdNumber})
   */
  public static List<RowMapper.RecordCheck> forSchema(
      Schema contract, Set<String> birthCountryCodes) {
    if (contract.getType() != Schema.Type.RECORD) {
      throw new IllegalArgumentException("a contract is an Avro record, not " + contract.getType());
    }
    List<RowMapper.RecordCheck> steps = new ArrayList<>();
    if (isString(contract.getField(PersonalIdCheck.PERSONAL_ID))) {
      steps.add(new PersonalIdCheck(PersonalIdNumber.withCountryCodes(birthCountryCodes)));
    }
    for (String field : AddressTranslation.addressFields(contract)) {
      steps.add(AddressTranslation.of(field));
    }
    if (isString(contract.getField(EthnicityTranslation.FIELD))) {
      steps.add(new EthnicityTranslation());
    }
    return List.copyOf(steps);
  }

  private static boolean isString(Schema.Field f) {
    return f != null && AddressTranslation.nonNull(f.schema()).getType() == Schema.Type.STRING;
  }
}
