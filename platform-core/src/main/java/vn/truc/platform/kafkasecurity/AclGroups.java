package vn.truc.platform.kafkasecurity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.ResourcePattern;

/**
 * Kafka keeps one binding per operation; people (and kafka-acls.sh, and Strimzi) write one rule per
 * resource with a list of operations. This folds bindings into such rules, in their order.
 */
final class AclGroups {

  /** The operations one principal is allowed or denied on one resource pattern from one host. */
  record Rule(
      ResourcePattern pattern,
      AclPermissionType permission,
      String host,
      List<AclOperation> operations) {}

  private AclGroups() {}

  static List<Rule> rules(List<AclBinding> bindings) {
    Map<List<Object>, List<AclOperation>> byResource = new LinkedHashMap<>();
    for (AclBinding b : bindings) {
      List<AclOperation> ops =
          byResource.computeIfAbsent(
              List.of(b.pattern(), b.entry().permissionType(), b.entry().host()),
              k -> new ArrayList<>());
      if (!ops.contains(b.entry().operation())) {
        ops.add(b.entry().operation());
      }
    }
    List<Rule> rules = new ArrayList<>();
    byResource.forEach(
        (k, ops) ->
            rules.add(
                new Rule(
                    (ResourcePattern) k.get(0),
                    (AclPermissionType) k.get(1),
                    (String) k.get(2),
                    List.copyOf(ops))));
    return rules;
  }
}
