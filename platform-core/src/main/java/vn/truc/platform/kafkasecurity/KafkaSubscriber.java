package vn.truc.platform.kafkasecurity;

import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.kafka.common.security.auth.KafkaPrincipal;

/**
 * A subscription that receives its records on its own Kafka topic, with the agency it belongs to,
 * and the names the lead's conventions derive from its id: topic {@code truc.sub.<id>}, principal
 * {@code User:sub-<id>}, consumer groups starting with {@code sub-<id>}.
 *
 * @param subscriptionId the subscription's id, as in its definition
 * @param agency the receiving agency's code (BNV, P37, ...), or null when unknown; it only labels
 *     the generated ACLs, it grants nothing
 */
public record KafkaSubscriber(String subscriptionId, String agency) {

  /** Flow ids as the flow registry accepts them, so every derived name is a valid Kafka name. */
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

  private static final Pattern AGENCY = Pattern.compile("[A-Z][A-Z0-9]{1,15}");

  public KafkaSubscriber {
    if (subscriptionId == null || !ID.matcher(subscriptionId).matches()) {
      throw new IllegalArgumentException(
          "'"
              + subscriptionId
              + "' is not a subscription id: 2 to 63 lower-case letters, digits and '-', not"
              + " starting with '-'");
    }
    if (agency != null) {
      agency = agency.trim().toUpperCase(Locale.ROOT);
      if (!AGENCY.matcher(agency).matches()) {
        throw new IllegalArgumentException(
            "'" + agency + "' is not an agency code such as BNV or P37");
      }
    }
  }

  /** The topic the platform delivers this subscription's records to. */
  public String topic() {
    return "truc.sub." + subscriptionId;
  }

  /** The subscriber's user name: its SCRAM user, its Strimzi KafkaUser, its certificate's CN. */
  public String userName() {
    return "sub-" + subscriptionId;
  }

  public KafkaPrincipal principal() {
    return new KafkaPrincipal(KafkaPrincipal.USER_TYPE, userName());
  }

  /** Consumer groups the subscriber may use start with this. */
  public String groupPrefix() {
    // The dot ends the id: sub-feed-a may not join the groups of sub-feed-a-2.
    return userName() + ".";
  }
}
