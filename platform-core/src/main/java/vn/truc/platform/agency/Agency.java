package vn.truc.platform.agency;

/**
 * A state agency that shares data through the platform.
 *
 * @param code what definitions and tokens name it by: {@code BNV}, {@code P37}
 * @param kind {@code MINISTRY}, {@code MINISTERIAL_AGENCY} or {@code PROVINCE} (a provincial
 *     People's Committee)
 * @param name its Vietnamese name
 * @param nameEn its English name
 * @param provinceCode the statistics office's two-digit code of a province; null otherwise
 */
public record Agency(String code, String kind, String name, String nameEn, String provinceCode) {}
