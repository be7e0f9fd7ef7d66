package vn.truc.routes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import vn.truc.connector.api.OffsetStore;
import vn.truc.connector.api.SourceRow;
import vn.truc.routes.CivilServantFixtures;
import vn.truc.routes.DeadLetters;
import vn.truc.routes.RouteMetrics;
import vn.truc.routes.TrucRouteTemplates;
import vn.truc.routes.ledger.ExchangeEntry;
import vn.truc.routes.mapping.CodeMaps;
import vn.truc.routes.mapping.RowMapper;
import vn.truc.routes.serde.AvroWireSerde;
import vn.truc.routes.serde.SchemaLookup;
import vn.truc.routes.translate.StandardSteps;
import vn.truc.schemas.Contract;

/**
 * A rejected row's way back: the ingest step records on its dead letter what a re-submission needs
 * (the change time and whether it was a delete), and the replay step maps the row again under the
 * original position and change time, publishing it only when valid.
 */
class ReplayStepTest {

  private static final Contract CONTRACT = Contract.of(CivilServantFixtures.SCHEMA);
  private static final Instant CHANGED_AT = Instant.parse("2025-03-01T02:03:04.567891Z");
  private static final String POSITION = "2025-03-01T09:03:04.567891|42";

  private final DefaultCamelContext camel = new DefaultCamelContext();
  private final List<ExchangeEntry> log = new ArrayList<>();
  private final List<SourceRow> source = new ArrayList<>();
  private final Map<String, String> positions = new HashMap<>();
  private final AvroWireSerde serde = new AvroWireSerde(new OneSchema());
  private final IngestFlow flow =
      new IngestFlow(
          "p37-hr",
          "P37",
          CONTRACT,
          (position, max) -> List.copyOf(source),
          new RowMapper(
              CONTRACT.schema(),
              CivilServantFixtures.demoRules(),
              new CodeMaps(),
              StandardSteps.forSchema(CONTRACT.schema())),
          new MapOffsets(),
          100,
          Duration.ofMillis(250));
  private final IngestStep ingest =
      new IngestStep(
          flow, serde, log::add, new RouteMetrics(new SimpleMeterRegistry(), "ingest", "p37-hr"));
  private final ReplayStep replay = new ReplayStep(flow, ingest, serde, log::add);

  @Test
  void aDeadLetterCarriesTheRowsChangeTimeAndDeleteFlag() throws Exception {
    Map<String, Object> row = CivilServantFixtures.fullRow();
    row.put("NGAY_SINH", "31/02/1985");
    source.add(new SourceRow(row, POSITION, CHANGED_AT, false));
    Exchange exchange = new DefaultExchange(camel);
    ingest.poll(exchange);
    ingest.map(exchange);

    assertThat(ingest.records(exchange)).isEmpty();
    Message dead = ingest.rejects(exchange).get(0);
    assertThat(dead.getHeader(DeadLetters.CHANGED_AT)).isEqualTo(CHANGED_AT.toString());
    assertThat(Instant.parse(dead.getHeader(DeadLetters.CHANGED_AT, String.class)))
        .isEqualTo(CHANGED_AT);
    assertThat(dead.getHeader(DeadLetters.DELETED)).isEqualTo("false");
    assertThat(dead.getHeader(DeadLetters.POSITION)).isEqualTo(POSITION);
    assertThat(dead.getHeader(DeadLetters.ERRORS, String.class)).contains("dateOfBirth");
    Map<?, ?> original =
        new ObjectMapper()
            .readValue(new String(dead.getBody(byte[].class), StandardCharsets.UTF_8), Map.class);
    assertThat(original.get("NGAY_SINH")).isEqualTo("31/02/1985");
  }

  @Test
  void aCorrectedRowIsPublishedUnderItsOriginalPositionAndChangeTime() throws Exception {
    Exchange exchange = replay(CivilServantFixtures.fullRow(), false, List.of("NGAY_SINH"));

    assertThat(exchange.getProperty(TrucRouteTemplates.REPLAY_PUBLISH)).isEqualTo(true);
    assertThat(exchange.getMessage().getHeader(KafkaConstants.KEY)).isEqualTo("037185000123");
    GenericRecord record = serde.deserialize(exchange.getMessage().getBody(byte[].class), null);
    GenericRecord header = (GenericRecord) record.get("header");
    assertThat(header.get("changedAt")).isEqualTo(CHANGED_AT);
    assertThat(header.get("sourcePosition").toString()).isEqualTo(POSITION);
    assertThat(header.get("changeType").toString()).isEqualTo("UPSERT");
    assertThat(header.get("connector").toString()).isEqualTo("p37-hr");
    assertThat(log).as("logged only once Kafka has it").isEmpty();

    replay.commit(exchange);
    ReplayOutcome outcome = exchange.getMessage().getBody(ReplayOutcome.class);
    assertThat(outcome.isPublished()).isTrue();
    assertThat(outcome.key()).isEqualTo("037185000123");
    assertThat(exchange.getMessage().getHeaders()).isEmpty();
    assertThat(log).hasSize(1);
    ExchangeEntry entry = log.get(0);
    assertThat(entry.kind()).isEqualTo(ExchangeEntry.Kind.RESUBMITTED);
    assertThat(entry.actor()).isEqualTo("p37-hr");
    assertThat(entry.keys()).containsExactly("037185000123");
    assertThat(entry.firstPosition()).isEqualTo(POSITION);
    assertThat(entry.detail())
        .contains("truc.dlq.ingest.p37-hr/1@7")
        .contains("NGAY_SINH")
        .contains(CONTRACT.topic());
  }

  @Test
  void aDeleteStaysADelete() throws Exception {
    Exchange exchange = replay(CivilServantFixtures.fullRow(), true, List.of());
    GenericRecord record = serde.deserialize(exchange.getMessage().getBody(byte[].class), null);
    assertThat(((GenericRecord) record.get("header")).get("changeType").toString())
        .isEqualTo("DELETE");
  }

  @Test
  void aRowStillInvalidIsNotPublishedAndComesBackWithItsErrors() throws Exception {
    Map<String, Object> row = CivilServantFixtures.fullRow();
    row.put("MA_XA", "99999");
    Exchange exchange = replay(row, false, List.of());

    assertThat(exchange.getProperty(TrucRouteTemplates.REPLAY_PUBLISH)).isEqualTo(false);
    replay.commit(exchange);
    ReplayOutcome outcome = exchange.getMessage().getBody(ReplayOutcome.class);
    assertThat(outcome.isPublished()).isFalse();
    assertThat(outcome.key()).isNull();
    assertThat(outcome.errors()).extracting(e -> e.field()).contains("residence.communeCode");
    assertThat(log).isEmpty();
  }

  @Test
  void aRowTheSourceCouldNotReadIsRefusedWithTheSourcesReason() throws Exception {
    Map<String, Object> row = CivilServantFixtures.fullRow();
    row.put(SourceRow.ERROR_COLUMN, "line 6: 9 fields where the header has 8");
    Exchange exchange = replay(row, false, List.of());
    replay.commit(exchange);
    assertThat(exchange.getMessage().getBody(ReplayOutcome.class).errors())
        .singleElement()
        .satisfies(e -> assertThat(e.rule()).isEqualTo("source-row"));
  }

  private Exchange replay(Map<String, Object> row, boolean deleted, List<String> corrected)
      throws Exception {
    Exchange exchange = new DefaultExchange(camel);
    exchange
        .getMessage()
        .setBody(
            new Resubmission(
                "truc.dlq.ingest.p37-hr/1@7", row, POSITION, CHANGED_AT, deleted, corrected));
    replay.map(exchange);
    return exchange;
  }

  /** The registry as the platform's acts on a cache hit: one id per schema. */
  private static final class OneSchema implements SchemaLookup {
    private final Map<Integer, Schema> schemas = new HashMap<>();

    @Override
    public synchronized int idFor(String subject, Schema schema) {
      schemas.put(1, schema);
      return 1;
    }

    @Override
    public synchronized Schema byId(int id) {
      return schemas.get(id);
    }
  }

  private final class MapOffsets implements OffsetStore {
    @Override
    public Optional<String> load(String connectorId) {
      return Optional.ofNullable(positions.get(connectorId));
    }

    @Override
    public void save(String connectorId, String position) {
      positions.put(connectorId, position);
    }

    @Override
    public void reset(String connectorId) {
      positions.remove(connectorId);
    }
  }
}
