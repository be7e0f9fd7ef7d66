/**
 * Pure translation and validation steps that every ingest route runs on a mapped record: legacy
 * administrative units to the 2025 units ({@link vn.truc.routes.translate.AddressTranslation} over
 * {@link vn.truc.routes.translate.AdministrativeUnits}), the personal ID number against date of
 * birth and gender ({@link vn.truc.routes.translate.PersonalIdCheck}, {@link
 * vn.truc.routes.translate.PersonalIdNumber}) and ethnic group names to their codes ({@link
 * vn.truc.routes.translate.EthnicityTranslation}, {@link vn.truc.routes.translate.Ethnicities}).
 *
 * <p>A route gets the steps for its contract from one call, {@link
 * vn.truc.routes.translate.StandardSteps#forSchema(org.apache.avro.Schema)}, and passes them to
 * {@link vn.truc.routes.mapping.RowMapper} as its record checks. Reference data is loaded from the
 * classpath once per JVM ({@code reference/admin-units/}, {@code codes/Ethnicity.properties}); no
 * step does I/O per record.
 */
package vn.truc.routes.translate;
