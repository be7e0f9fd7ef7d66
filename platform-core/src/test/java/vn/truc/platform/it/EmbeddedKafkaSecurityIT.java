package vn.truc.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import vn.truc.platform.kafkasecurity.CamelKafkaSecurity;
import vn.truc.platform.kafkasecurity.KafkaAcls;
import vn.truc.platform.kafkasecurity.KafkaClientSecurity;
import vn.truc.platform.kafkasecurity.KafkaSubscriber;

/**
 * The platform against a broker that requires SASL/SCRAM-SHA-512 and authorises every request by
 * ACL: clients configured the way the platform configures them (Spring's spring.kafka.* settings
 * through {@link KafkaClientSecurity}, Camel's kafka component through its customizer) log in with
 * the right password and are refused with a wrong one; with the ACLs {@link KafkaAcls} generates
 * applied, and no super-user rights, the platform creates topics, produces idempotently, consumes
 * with its group and reads its lag, while a subscriber reads its own topic and nothing else.
 */
class EmbeddedKafkaSecurityIT {

  private static final String ADMIN = "admin";
  private static final String PLATFORM = "truc-platform";
  private static final KafkaSubscriber FEED_A = new KafkaSubscriber("feed-a", "BNV");
  private static final KafkaSubscriber FEED_B = new KafkaSubscriber("feed-b", "BTP");
  private static final String CONTRACT_TOPIC = "truc.civilservant.v1";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static final Map<String, String> passwords = new LinkedHashMap<>();
  private static ScramKafkaBroker broker;
  private static Admin superUser;

  @BeforeAll
  static void startBrokerAndApplyTheGeneratedAcls() throws Exception {
    // Without Spring Boot's logging setup, Logback would print the broker's DEBUG lines.
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(Level.WARN);
    for (String user : List.of(ADMIN, PLATFORM, FEED_A.userName(), FEED_B.userName())) {
      passwords.put(user, UUID.randomUUID().toString().replace("-", ""));
    }
    broker =
        ScramKafkaBroker.start(
            Path.of("target", "it-kafka-security-" + System.nanoTime()), ADMIN, passwords);
    superUser = Admin.create(security(ADMIN, passwords.get(ADMIN)).adminProperties());

    List<AclBinding> acls = KafkaAcls.bindings("User:" + PLATFORM, List.of(FEED_A, FEED_B));
    superUser.createAcls(acls).all().get(30, TimeUnit.SECONDS);
    // The broker authorises from its own copy of the metadata; wait until it holds every ACL.
    await()
        .atMost(WAIT)
        .until(() -> superUser.describeAcls(AclBindingFilter.ANY).values().get().containsAll(acls));
    // A topic outside the platform's names, to show the platform cannot read it.
    superUser
        .createTopics(List.of(new NewTopic("other.payroll", 1, (short) 1)))
        .all()
        .get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stopBroker() {
    if (superUser != null) {
      superUser.close(Duration.ofSeconds(5));
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void thePlatformWorksWithItsGeneratedAclsAlone() throws Exception {
    KafkaClientSecurity platform = security(PLATFORM, passwords.get(PLATFORM));
    try (Admin admin = Admin.create(platform.adminProperties())) {
      // What ContractTopics and the health indicator do.
      ensureTopics(admin, CONTRACT_TOPIC, "truc.dlq.ingest.p37-hr");
      assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS))
          .contains(CONTRACT_TOPIC, "truc.dlq.ingest.p37-hr")
          .doesNotContain("other.payroll");
      assertThat(admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS)).isNotBlank();

      // An ingest route's producer: Camel's kafka component, idempotent, acks=all.
      try (DefaultCamelContext camel = camel(platform)) {
        ProducerTemplate producer = camel.createProducerTemplate();
        for (int i = 0; i < 5; i++) {
          producer.sendBodyAndHeader(
              "kafka:" + CONTRACT_TOPIC + "?synchronous=true",
              "civil-servant-" + i,
              KafkaConstants.KEY,
              "03709100000" + i);
        }
      }

      // A delivery route's consumer group, then the lag reader's view of its offsets.
      String group = "truc.subscription.bnv-national";
      try (KafkaConsumer<String, String> consumer = consumer(platform, group)) {
        consumer.subscribe(List.of(CONTRACT_TOPIC));
        assertThat(pollUntil(consumer, 5))
            .extracting(ConsumerRecord::value)
            .contains("civil-servant-0", "civil-servant-4");
        consumer.commitSync();
      }
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      assertThat(committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum())
          .isGreaterThanOrEqualTo(5);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(List.of(CONTRACT_TOPIC))
          .allTopicNames()
          .get(10, TimeUnit.SECONDS)
          .get(CONTRACT_TOPIC)
          .partitions()
          .forEach(
              p ->
                  latest.put(
                      new TopicPartition(CONTRACT_TOPIC, p.partition()), OffsetSpec.latest()));
      Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
      admin
          .listOffsets(latest)
          .all()
          .get(10, TimeUnit.SECONDS)
          .forEach((tp, info) -> ends.put(tp, new OffsetAndMetadata(info.offset())));
      assertThat(ends.values().stream().mapToLong(OffsetAndMetadata::offset).sum())
          .isGreaterThanOrEqualTo(5);

      // What ConsumerStart does for a subscription that starts "now": commit the ends for a group.
      String later = "truc.subscription.bnv-from-now";
      admin.alterConsumerGroupOffsets(later, ends).all().get(10, TimeUnit.SECONDS);
      assertThat(admin.listConsumerGroupOffsets(later).partitionsToOffsetAndMetadata().get())
          .isEqualTo(ends);

      // Nothing outside truc.*: not even reading another application's topic.
      try (KafkaConsumer<String, String> consumer = consumer(platform, "truc.subscription.x")) {
        consumer.subscribe(List.of("other.payroll"));
        assertThat(pollFailure(consumer))
            .isInstanceOfSatisfying(
                TopicAuthorizationException.class,
                e -> assertThat(e.unauthorizedTopics()).containsExactly("other.payroll"));
      }
    }
  }

  @Test
  void aWrongPasswordIsRefusedWithAnAuthenticationError() throws Exception {
    KafkaClientSecurity wrong = security(PLATFORM, "not-" + passwords.get(PLATFORM));
    try (Admin admin = Admin.create(wrong.adminProperties())) {
      assertThatThrownBy(() -> admin.describeCluster().clusterId().get(20, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(SaslAuthenticationException.class)
          .hasMessageContaining("invalid credentials");
    }
    try (DefaultCamelContext camel = camel(wrong)) {
      Throwable failure =
          catchThrowable(
              () ->
                  camel
                      .createProducerTemplate()
                      .sendBody("kafka:" + CONTRACT_TOPIC + "?synchronous=true", "refused"));
      assertThat(failure).isInstanceOf(CamelExecutionException.class);
      assertThat(failure).hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void aSubscriberReadsItsOwnTopicAndNothingElse() throws Exception {
    KafkaClientSecurity platform = security(PLATFORM, passwords.get(PLATFORM));
    try (Admin admin = Admin.create(platform.adminProperties());
        KafkaProducer<String, String> producer = producer(platform, true)) {
      ensureTopics(admin, FEED_A.topic(), FEED_B.topic(), CONTRACT_TOPIC);
      for (String topic : List.of(FEED_A.topic(), FEED_B.topic(), CONTRACT_TOPIC)) {
        producer.send(new ProducerRecord<>(topic, "k", "for " + topic)).get(20, TimeUnit.SECONDS);
      }
    }

    KafkaClientSecurity feedA = security(FEED_A.userName(), passwords.get(FEED_A.userName()));
    try (KafkaConsumer<String, String> consumer = consumer(feedA, "sub-feed-a.reader")) {
      consumer.subscribe(List.of(FEED_A.topic()));
      assertThat(pollUntil(consumer, 1))
          .extracting(ConsumerRecord::value)
          .contains("for truc.sub.feed-a");
      consumer.commitSync();
    }
    for (String forbidden : List.of(FEED_B.topic(), CONTRACT_TOPIC)) {
      try (KafkaConsumer<String, String> consumer = consumer(feedA, "sub-feed-a.reader")) {
        consumer.subscribe(List.of(forbidden));
        assertThat(pollFailure(consumer))
            .as(forbidden)
            .isInstanceOfSatisfying(
                TopicAuthorizationException.class,
                e -> assertThat(e.unauthorizedTopics()).containsExactly(forbidden));
      }
    }
    // Another subscription's group, even on its own topic.
    try (KafkaConsumer<String, String> consumer = consumer(feedA, "sub-feed-b.reader")) {
      consumer.subscribe(List.of(FEED_A.topic()));
      assertThat(pollFailure(consumer))
          .isInstanceOfSatisfying(
              GroupAuthorizationException.class,
              e -> assertThat(e.groupId()).isEqualTo("sub-feed-b.reader"));
    }
    // It may not write, not even to its own topic, nor create topics, nor see other topics.
    try (KafkaProducer<String, String> producer = producer(feedA, false)) {
      assertThatThrownBy(
              () -> producer.send(new ProducerRecord<>(FEED_A.topic(), "k", "forged")).get())
          .cause()
          .isInstanceOf(TopicAuthorizationException.class);
    }
    try (Admin admin = Admin.create(feedA.adminProperties())) {
      assertThatThrownBy(
              () ->
                  admin
                      .createTopics(List.of(new NewTopic("truc.sub.feed-a.copy", 1, (short) 1)))
                      .all()
                      .get(20, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(TopicAuthorizationException.class);
      assertThat(admin.listTopics().names().get(20, TimeUnit.SECONDS))
          .containsExactly(FEED_A.topic());
    }
  }

  /** Binds spring.kafka.* as the platform does from its configuration, with SCRAM for a user. */
  private static KafkaClientSecurity security(String user, String password) {
    Map<String, String> p = new HashMap<>();
    p.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
    p.put("spring.kafka.security.protocol", "SASL_PLAINTEXT");
    p.put("spring.kafka.properties.sasl.mechanism", ScramKafkaBroker.MECHANISM);
    p.put(
        "spring.kafka.properties.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + user
            + "\" password=\""
            + password
            + "\";");
    KafkaProperties kafka =
        new Binder(new MapConfigurationPropertySource(p))
            .bindOrCreate("spring.kafka", Bindable.of(KafkaProperties.class));
    return new KafkaClientSecurity(kafka, null);
  }

  /** Camel with the platform's customizer, and the data-path settings of application.yml. */
  private static DefaultCamelContext camel(KafkaClientSecurity security) {
    DefaultCamelContext camel = new DefaultCamelContext();
    camel.getRegistry().bind("trucKafkaClientSecurity", CamelKafkaSecurity.customizer(security));
    KafkaConfiguration c = camel.getComponent("kafka", KafkaComponent.class).getConfiguration();
    c.setBrokers(broker.bootstrapServers());
    c.setRequestRequiredAcks("all");
    c.setEnableIdempotence(true);
    c.setMaxBlockMs(20_000);
    c.setKeySerializer(StringSerializer.class.getName());
    c.setValueSerializer(StringSerializer.class.getName());
    camel.start();
    return camel;
  }

  private static KafkaConsumer<String, String> consumer(
      KafkaClientSecurity security, String group) {
    Map<String, Object> c = security.consumerProperties();
    c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    return new KafkaConsumer<>(c);
  }

  private static KafkaProducer<String, String> producer(
      KafkaClientSecurity security, boolean idempotent) {
    Map<String, Object> c = security.producerProperties();
    c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, idempotent);
    c.put(ProducerConfig.ACKS_CONFIG, idempotent ? "all" : "1");
    c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
    c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
    c.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return new KafkaProducer<>(c);
  }

  private static void ensureTopics(Admin admin, String... topics) throws Exception {
    Set<String> existing = admin.listTopics().names().get(20, TimeUnit.SECONDS);
    List<NewTopic> missing = new ArrayList<>();
    for (String t : topics) {
      if (!existing.contains(t)) {
        missing.add(new NewTopic(t, 3, (short) 1));
      }
    }
    try {
      admin.createTopics(missing).all().get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      // The other test may have created it first.
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  private static List<ConsumerRecord<String, String>> pollUntil(
      KafkaConsumer<String, String> consumer, int count) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    await(count + " records from " + consumer.subscription())
        .pollInSameThread()
        .atMost(WAIT)
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(200)).forEach(records::add);
              return records.size() >= count;
            });
    return records;
  }

  /** The error the consumer's polls end with; fails the test if none comes in time. */
  private static Throwable pollFailure(KafkaConsumer<String, String> consumer) {
    Throwable[] failure = new Throwable[1];
    await("an authorisation error polling " + consumer.subscription())
        .pollInSameThread()
        .atMost(WAIT)
        .until(
            () -> {
              failure[0] = catchThrowable(() -> consumer.poll(Duration.ofMillis(200)));
              return failure[0] != null;
            });
    return failure[0];
  }
}
