package vn.truc.platform;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The platform's own settings (prefix {@code truc}).
 *
 * @param dataDir where the embedded engines keep their data
 * @param flows files of connector and subscription definitions to run (Spring resource locations
 *     such as classpath:demo/flows.yaml or file:/etc/truc/flows.yaml)
 * @param topicPartitions partitions of each contract topic the platform creates
 * @param retry how routes retry transient failures
 */
@ConfigurationProperties("truc")
public record TrucProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue List<String> flows,
    @DefaultValue("3") int topicPartitions,
    @DefaultValue Retry retry) {

  /**
   * @param maxRedeliveries retries in place before a batch is given up and re-read
   */
  public record Retry(
      @DefaultValue("5") int maxRedeliveries,
      @DefaultValue("500") long initialDelayMs,
      @DefaultValue("10000") long maxDelayMs) {}
}
