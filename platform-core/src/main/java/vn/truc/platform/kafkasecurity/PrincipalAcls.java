package vn.truc.platform.kafkasecurity;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.security.auth.KafkaPrincipal;

/**
 * Everything one principal is allowed, with what it is for, so renderers can write one block (one
 * KafkaUser) per principal.
 *
 * @param principal whom the bindings allow
 * @param purpose one line for a reader of the generated file ("the platform", "subscription x of
 *     BNV")
 * @param labels what the principal stands for, as Kubernetes labels of its KafkaUser
 * @param bindings the ACLs, one per operation as Kafka stores them
 */
public record PrincipalAcls(
    KafkaPrincipal principal,
    String purpose,
    Map<String, String> labels,
    List<AclBinding> bindings) {

  public PrincipalAcls {
    labels = Map.copyOf(labels);
    bindings = List.copyOf(bindings);
    for (AclBinding b : bindings) {
      if (!b.entry().principal().equals(principal.toString())) {
        throw new IllegalArgumentException(b + " is not for " + principal);
      }
    }
  }
}
