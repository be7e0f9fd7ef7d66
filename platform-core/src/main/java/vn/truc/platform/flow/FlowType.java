package vn.truc.platform.flow;

/** A connector reads an agency's system; a subscription delivers a feed to a receiver. */
public enum FlowType {
  CONNECTOR,
  SUBSCRIPTION
}
