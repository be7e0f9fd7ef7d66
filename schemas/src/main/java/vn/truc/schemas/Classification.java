package vn.truc.schemas;

/** Data classes of the Law on Data 60/2024/QH15, art. on shared, private and open data. */
public enum Classification {
  SHARED,
  PRIVATE,
  OPEN
}
