package vn.truc.platform.security;

/**
 * What a call does, in the terms the access policy is written in. A call on a connector or a
 * subscription also names the agency that owns it.
 */
public enum Action {
  AGENCIES_READ("read the agency registry", true),
  REGISTRY_READ("read the contract registry", true),
  REGISTRY_WRITE("change the contract registry", false),
  CONNECTOR_READ("read connectors", false),
  CONNECTOR_WRITE("change connectors", false),
  CONNECTOR_DEAD_LETTERS_READ("read a connector's dead letters", false),
  CONNECTOR_DEAD_LETTERS_RESUBMIT("re-submit a connector's dead letters", false),
  SUBSCRIPTION_READ("read subscriptions", false),
  SUBSCRIPTION_WRITE("change subscriptions", false),
  SUBSCRIPTION_DEAD_LETTERS_READ("read a subscription's dead letters", false),
  GRANT_READ("read grants and grant requests", false),
  /** Approve, narrow or reject a request for the data the caller's agency owns; revoke. */
  GRANT_DECIDE("decide on grant requests for the agency's data", false),
  /** Give up a grant the caller's agency received. */
  GRANT_REVOKE("revoke the agency's own grants", false),
  LEDGER_READ("read the exchange ledger", false),
  LEDGER_WRITE("change the exchange ledger", false),
  DEMO_READ("read the demo's databases", false),
  OPERATIONS_READ("read the platform's metrics", false),
  /** A call no rule names: only a platform administrator may make it. */
  UNLISTED("make this call", false);

  private final String description;
  private final boolean anyCaller;

  Action(String description, boolean anyCaller) {
    this.description = description;
    this.anyCaller = anyCaller;
  }

  /** In words, to finish "may not ...". */
  public String description() {
    return description;
  }

  /** Whether every authenticated caller may do it, whatever its roles. */
  public boolean anyCaller() {
    return anyCaller;
  }
}
