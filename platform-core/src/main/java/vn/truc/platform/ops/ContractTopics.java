package vn.truc.platform.ops;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.stereotype.Component;
import vn.truc.platform.TrucProperties;

/**
 * Creates the topics flows need before their routes start, with the platform's partition count
 * rather than the broker's auto-create default.
 */
@Component
public class ContractTopics {

  private final AdminClient admin;
  private final int partitions;

  ContractTopics(AdminClient admin, TrucProperties properties) {
    this.admin = admin;
    this.partitions = properties.topicPartitions();
  }

  public void ensure(Collection<String> topics) {
    try {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          topics.stream()
              .distinct()
              .filter(t -> !existing.contains(t))
              .map(t -> new NewTopic(t, Optional.of(partitions), Optional.empty()))
              .toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      }
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
        throw new IllegalStateException("Cannot create topics " + topics, e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not answer within 30 s while creating topics", e);
    }
  }
}
