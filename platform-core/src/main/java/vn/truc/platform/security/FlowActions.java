package vn.truc.platform.security;

import vn.truc.platform.flow.FlowType;

/** The policy's actions on connectors and on subscriptions. */
final class FlowActions {

  private FlowActions() {}

  static Action read(FlowType type) {
    return type == FlowType.CONNECTOR ? Action.CONNECTOR_READ : Action.SUBSCRIPTION_READ;
  }

  static Action write(FlowType type) {
    return type == FlowType.CONNECTOR ? Action.CONNECTOR_WRITE : Action.SUBSCRIPTION_WRITE;
  }

  static Action deadLetters(FlowType type) {
    return type == FlowType.CONNECTOR
        ? Action.CONNECTOR_DEAD_LETTERS_READ
        : Action.SUBSCRIPTION_DEAD_LETTERS_READ;
  }
}
